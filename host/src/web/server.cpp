#include "web/server.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <signal.h>

#include <iostream>

#include "config/province_config.h"
#include "diagnostic_output.h"
#include "store/store_commands.h"
#include "vhh/text.h"
#include "web/pages.h"

namespace vhh::host::web {

namespace {

int fail(vhh::ExitCode code, const std::string &message) {
    std::cerr << "vhh: error: " << printable_text(message) << "\n";
    return static_cast<int>(code);
}

}  // namespace

int cmd_serve(const ServeOptions &o) {
    Poco::Net::SocketAddress address;
    try {
        address = Poco::Net::SocketAddress(o.listen);
    } catch (const Poco::Exception &e) {
        return fail(vhh::ExitCode::usage, "--listen '" + o.listen + "' is not ADDR:PORT (" + e.displayText() + ")");
    }
    if (!address.host().isLoopback() && !o.allow_remote)
        return fail(vhh::ExitCode::usage, "--listen " + o.listen +
                                              " is not a loopback address: vhh serve speaks plain HTTP; put a reverse "
                                              "proxy with TLS in front and give --allow-remote to listen there anyway");
    if (is_province_config(o.config_path))
        return fail(vhh::ExitCode::config, o.config_path + " is a province config; 'vhh serve' works on one region's config");
    Diagnostics diag;
    RunConfig config = load_run_config(o.config_path, diag, {o.allow_outside_inputs, {}});
    std::cerr << format_capped(diag);
    if (diag.has_errors()) return static_cast<int>(diag.exit_code());
    std::unique_ptr<Context> ctx;
    try {
        const auto url = store::resolve_database_url(o.database, config.administratie, o.config_path);
        if (!url) return fail(vhh::ExitCode::usage, store::kNoStore);
        {
            store::Store s(*url, true);  // refuses a missing, uninitialised or outdated store now, not per request
            s.require_schema();
        }
        ctx.reset(new Context{*url, std::move(config), Templates(o.web_dir)});
        ctx->plugin_dirs = o.plugin_dirs;
        ctx->templates_dir = o.templates_dir;
        ctx->allow_outside_inputs = o.allow_outside_inputs;
    } catch (const store::StoreError &e) {
        return store::refused(e);
    } catch (const std::runtime_error &e) {
        return fail(vhh::ExitCode::internal, e.what());
    }

    // SIGTERM and SIGINT are taken by this thread with sigwait: blocked before the server's threads
    // start, so that they inherit the mask and none of them is interrupted.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::unique_ptr<Poco::Net::HTTPServer> server;
    try {
        Poco::Net::ServerSocket socket(address, 64);
        auto *params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(16);
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        params->setTimeout(Poco::Timespan(30, 0));
        server = std::make_unique<Poco::Net::HTTPServer>(handler_factory(*ctx), socket, params);
        server->start();
        const auto bound = socket.address();
        std::cout << "vhh serve: luistert op http://" << bound.toString() << "/" << std::endl;
    } catch (const Poco::Exception &e) {
        return fail(vhh::ExitCode::cant_create, "cannot listen on " + o.listen + ": " + e.displayText());
    }
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::cout << "vhh serve: gestopt (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")" << std::endl;
    server->stopAll(true);
    return 0;
}

}  // namespace vhh::host::web
