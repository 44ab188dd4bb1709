// Entry point of the vhh program.
#include <Poco/Exception.h>
#include <Poco/AutoPtr.h>

#include <iostream>

#include "app.h"
#include "plugins/plugin_crash_guard.h"

int main(int argc, char **argv) {
    Poco::AutoPtr<vhh::host::VhhApp> app = new vhh::host::VhhApp;
    try {
        app->init(argc, argv);
    } catch (const Poco::Exception &e) {
        std::cerr << "vhh: error: " << e.displayText() << "\nTry 'vhh --help'.\n";
        return 64;
    }
    // After init: Poco::Util::Application::init installs handlers of its own for SIGSEGV, SIGBUS,
    // SIGILL and SIGSYS (seen with strace; they end in abort), which would otherwise replace ours.
    vhh::host::install_plugin_crash_handler();  // a crashing plugin is named, exit 70
    try {
        return app->run();
    } catch (const std::exception &e) {
        std::cerr << "vhh: internal error: " << e.what() << "\n";
        return 70;
    }
}
