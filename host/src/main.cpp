// Entry point of the vhh program.
#include <Poco/Exception.h>
#include <Poco/AutoPtr.h>

#include <malloc.h>

#include <iostream>

#include "app.h"
#include "plugins/plugin_crash_guard.h"

int main(int argc, char **argv) {
    // Freed memory stays with the process (up to 64 MiB at the top of each malloc heap) instead of
    // going back to the kernel after every document: with the render pool's threads each heap's
    // trim was an madvise and a TLB flush on every core, and the next document faulted the pages
    // back in (a fifth of `vhh factureren`'s time on 1 368 invoices, docs/benchmarks.md). Set
    // before any thread starts; blocks of 32 MiB and more are still mapped and unmapped apart.
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
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
