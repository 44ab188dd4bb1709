// `vhh serve`: the controller's workspace and the raad portal over HTTP (Poco::Net::HTTPServer).
// It listens on 127.0.0.1:8080 unless told otherwise, refuses an address other than loopback
// unless --allow-remote is given (put a TLS-terminating reverse proxy in front: README), and stops
// cleanly on SIGTERM or SIGINT.
#pragma once

#include <string>
#include <vector>

namespace vhh::host::web {

/// What `vhh serve` was given.
struct ServeOptions {
    std::string config_path;   ///< the region config (its boekjaar, gemeenten, kalender, administratie)
    std::string database;      ///< --database URL ("" when not given)
    std::string listen = "127.0.0.1:8080";  ///< --listen ADDR:PORT (port 0: a free port)
    bool allow_remote = false; ///< --allow-remote: listen on an address other than loopback
    std::string web_dir;       ///< share/vhh/web (templates and static files)
    std::string tls_cert;      ///< --tls-cert FILE (PEM): serve HTTPS; "" for plain HTTP
    std::string tls_key;       ///< --tls-key FILE (PEM), the certificate's private key
    bool allow_outside_inputs = false;
    std::vector<std::string> plugin_dirs;  ///< as `vhh run` finds plugins (documents page)
    std::string templates_dir;             ///< the bundled text templates (documents page)
};

/// Runs the server until SIGTERM or SIGINT; prints "vhh serve: luistert op http://ADDR:PORT/" (or
/// https:// with --tls-cert and --tls-key) on stdout once it accepts connections. Returns the exit
/// code: 64 for bad options, 66 for a certificate or key that cannot be read, 78 for one that is
/// no PEM certificate or key or whose key does not fit.
int cmd_serve(const ServeOptions &o);

}  // namespace vhh::host::web
