// Entry point of the vhh program.
#include <Poco/Exception.h>
#include <Poco/AutoPtr.h>

#include <iostream>

#include "app.h"

int main(int argc, char **argv) {
    Poco::AutoPtr<vhh::host::VhhApp> app = new vhh::host::VhhApp;
    try {
        app->init(argc, argv);
    } catch (const Poco::Exception &e) {
        std::cerr << "vhh: error: " << e.displayText() << "\nTry 'vhh --help'.\n";
        return 64;
    }
    try {
        return app->run();
    } catch (const std::exception &e) {
        std::cerr << "vhh: internal error: " << e.what() << "\n";
        return 70;
    }
}
