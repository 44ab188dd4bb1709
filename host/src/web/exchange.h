// One request of `vhh serve` and what every handler needs: the server's context (config, store URL,
// templates), the store opened for this request, the session, and the ways to answer (a page, a
// redirect, a Dutch error page), each with the security headers.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <memory>
#include <mutex>
#include <condition_variable>
#include <optional>
#include <string>
#include <vector>

#include "config/region_config.h"
#include "store/database_url.h"
#include "store/store.h"
#include "store/store_pool.h"
#include "web/session.h"
#include "web/templates.h"

namespace vhh::host::web {

/// At most `n` at once: Argon2id takes 64 MiB per password check, so the server checks only a
/// few passwords at a time whatever the number of requests.
class Gate {
public:
    explicit Gate(int n) : free_(n) {}
    /// Holds one place for its lifetime.
    class Pass {
    public:
        explicit Pass(Gate &g) : g_(g) {
            std::unique_lock<std::mutex> lock(g_.m_);
            g_.cv_.wait(lock, [&] { return g_.free_ > 0; });
            --g_.free_;
        }
        ~Pass() {
            {
                std::lock_guard<std::mutex> lock(g_.m_);
                ++g_.free_;
            }
            g_.cv_.notify_one();
        }

    private:
        Gate &g_;
    };

private:
    std::mutex m_;
    std::condition_variable cv_;
    int free_;
};

struct GeneratedDocuments;

/// What the server was started with; shared (read-only) by every request.
struct Context {
    store::DatabaseUrl url;
    /// The store's connections, lent to one request at a time (store/store_pool.h).
    std::shared_ptr<store::StorePool> pool;
    RunConfig config;
    Templates templates;
    bool secure = false;                ///< cookies get Secure (behind TLS)
    mutable Gate password_checks{2};
    std::vector<std::string> plugin_dirs;  ///< where the documents' plugins are found (as `vhh run`)
    std::string templates_dir;             ///< the bundled text templates (as `vhh run`)
    bool allow_outside_inputs = false;
    /// The documents of the boekjaar as last generated (documenten.cpp), and the lock that makes
    /// one request generate them while the others wait.
    mutable std::mutex documents_lock;
    mutable std::shared_ptr<const GeneratedDocuments> documents;
};

/// The name of the session cookie and of the login form's token cookie.
inline const char *const kSessionCookie = "vhh_sessie";
inline const char *const kLoginCookie = "vhh_login";

/// One request and its answer.
class Exchange {
public:
    Exchange(const Context &ctx, Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
        : ctx(ctx), request(request), response(response) {}

    const Context &ctx;
    Poco::Net::HTTPServerRequest &request;
    Poco::Net::HTTPServerResponse &response;
    std::optional<Sessie> sessie;  ///< the logged-in user, when there is one
    std::map<std::string, std::string> form;  ///< a session's POST fields (its CSRF token checked)
    std::string upload_name, upload;          ///< an upload route's file: its name as sent, its bytes
    bool has_upload = false;                  ///< the upload route's request had the file's part

    /// The store: a connection of the server's pool, borrowed on first use for the rest of this request.
    store::Store &db();
    /// The path of the request URI ("/portaal/").
    std::string path() const;
    /// A query parameter, or "".
    std::string query(const std::string &name) const;

    /// Sends page `name` (templates.h) with `status`; `data` gets the user, the CSRF token and `titel`.
    void page(Poco::Net::HTTPResponse::HTTPStatus status, const std::string &name, Data data, const std::string &titel);
    /// 303 See Other to `location` (a path of this server).
    void redirect(const std::string &location);
    /// The Dutch error page of `status` (403, 404, 405, 413, 400, 401, 429, 500) with `uitleg`.
    void error(Poco::Net::HTTPResponse::HTTPStatus status, const std::string &uitleg = "");

private:
    std::optional<store::StorePool::Lease> lease_;
};

}  // namespace vhh::host::web
