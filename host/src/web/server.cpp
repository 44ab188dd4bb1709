#include "web/server.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <openssl/ssl.h>
#include <signal.h>

#include <fstream>
#include <iostream>

#include "config/province_config.h"
#include "diagnostic_output.h"
#include "store/store_commands.h"
#include "store/store_pool.h"
#include "vhh/text.h"
#include "web/pages.h"

namespace vhh::host::web {

namespace {

/// The requests served at once, and so the store connections the pool keeps open: a request
/// holds one connection at most, so none waits for one.
constexpr int kServerThreads = 16;

int fail(vhh::ExitCode code, const std::string &message) {
    std::cerr << "vhh: error: " << printable_text(message) << "\n";
    return static_cast<int>(code);
}

/// The TLS context of `o`'s certificate and key, or the exit code and message of why there is none.
struct Tls {
    Poco::Net::Context::Ptr context;
    int code = 0;
};

Tls tls_context(const ServeOptions &o) {
    if (o.tls_cert.empty() != o.tls_key.empty())
        return {nullptr, fail(vhh::ExitCode::usage, "'vhh serve' needs --tls-cert FILE and --tls-key FILE together")};
    if (o.tls_cert.empty()) return {nullptr, 0};  // plain HTTP
    for (const auto &[option, path] : {std::pair{"--tls-cert", o.tls_cert}, std::pair{"--tls-key", o.tls_key}}) {
        std::ifstream in(path, std::ios::binary);
        const bool opened = static_cast<bool>(in);
        char c;
        if (!opened || !in.get(c))
            return {nullptr, fail(vhh::ExitCode::no_input, std::string(option) + " " + path + ": cannot read the file (" +
                                                               (opened ? "it is empty" : "missing or not readable") + ")")};
    }
    Poco::Net::initializeSSL();
    try {
        Poco::Net::Context::Params params;
        params.certificateFile = o.tls_cert;
        params.privateKeyFile = o.tls_key;
        params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // no client certificates
        params.loadDefaultCAs = false;
        params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        if (SSL_CTX_check_private_key(context->sslContext()) != 1)
            return {nullptr, fail(vhh::ExitCode::config, "--tls-key " + o.tls_key + " is not the private key of --tls-cert " +
                                                             o.tls_cert + " (they do not fit)")};
        return {context, 0};
    } catch (const Poco::Exception &e) {
        return {nullptr, fail(vhh::ExitCode::config, "--tls-cert " + o.tls_cert + " and --tls-key " + o.tls_key +
                                                         " are not a PEM certificate and its private key: " +
                                                         e.displayText())};
    }
}

}  // namespace

int cmd_serve(const ServeOptions &o) {
    Poco::Net::SocketAddress address;
    try {
        address = Poco::Net::SocketAddress(o.listen);
    } catch (const Poco::Exception &e) {
        return fail(vhh::ExitCode::usage, "--listen '" + o.listen + "' is not ADDR:PORT (" + e.displayText() + ")");
    }
    const Tls tls = tls_context(o);
    if (tls.code) return tls.code;
    if (!address.host().isLoopback() && !o.allow_remote && !tls.context)
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
        auto pool = std::make_shared<store::StorePool>(*url, kServerThreads);
        pool->acquire();  // refuses a missing, uninitialised or outdated store now, not per request
        ctx.reset(new Context{*url, pool, std::move(config), Templates(o.web_dir)});
        ctx->plugin_dirs = o.plugin_dirs;
        ctx->templates_dir = o.templates_dir;
        ctx->allow_outside_inputs = o.allow_outside_inputs;
        ctx->secure = static_cast<bool>(tls.context);
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
        Poco::Net::ServerSocket socket = tls.context ? Poco::Net::SecureServerSocket(address, 64, tls.context)
                                                     : Poco::Net::ServerSocket(address, 64);
        auto *params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(kServerThreads);
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        params->setTimeout(Poco::Timespan(30, 0));
        server = std::make_unique<Poco::Net::HTTPServer>(handler_factory(*ctx), socket, params);
        server->start();
        const auto bound = socket.address();
        std::cout << "vhh serve: luistert op " << (tls.context ? "https" : "http") << "://" << bound.toString() << "/" << std::endl;
    } catch (const Poco::Exception &e) {
        return fail(vhh::ExitCode::cant_create, "cannot listen on " + o.listen + ": " + e.displayText());
    }
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::cout << "vhh serve: gestopt (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")" << std::endl;
    server->stopAll(true);
    server.reset();
    if (tls.context) Poco::Net::uninitializeSSL();
    return 0;
}

}  // namespace vhh::host::web
