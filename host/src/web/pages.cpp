#include "web/pages.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/URI.h>

#include <iostream>
#include <map>
#include <set>

#include "accounts/gebruikers.h"
#include "diagnostic_output.h"
#include "store/store_commands.h"
#include "vhh/text.h"
#include "web/security.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
using accounts::Rol;

// ---- Exchange ----

store::Store &Exchange::db() {
    if (!lease_) lease_.emplace(ctx.pool->acquire());
    return **lease_;
}

std::string Exchange::path() const { return Poco::URI(request.getURI()).getPath(); }

std::string Exchange::query(const std::string &name) const {
    for (const auto &[k, v] : Poco::URI(request.getURI()).getQueryParameters())
        if (k == name) return v;
    return "";
}

void Exchange::page(HTTPResponse::HTTPStatus status, const std::string &name, Data data, const std::string &titel) {
    data.set("titel", titel);
    data.set("regio", ctx.config.region.naam);
    if (sessie) {
        Data user;
        user.set("naam", sessie->gebruiker.naam);
        user.set("rol", accounts::rol_naam(sessie->gebruiker.rol));
        data.set("gebruiker", user);
        data.set("csrf", sessie->csrf);
        if (sessie->gebruiker.rol != Rol::raad) data.set("dashboard_link", true);
        if (sessie->gebruiker.rol != Rol::raad) data.set("documenten_link", true);
        if (sessie->gebruiker.rol != Rol::raad) data.set("facturen_link", true);
        if (sessie->gebruiker.rol != Rol::beheerder) data.set("portaal_link", true);
    }
    const std::string html = ctx.templates.page(name, data);
    response.setStatusAndReason(status);
    set_security_headers(response, true);
    response.setContentType("text/html; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(html.size()));
    response.send() << html;
}

void Exchange::redirect(const std::string &location) {
    response.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
    set_security_headers(response, true);
    response.set("Location", location);
    response.setContentLength(0);
    response.send();
}

void Exchange::error(HTTPResponse::HTTPStatus status, const std::string &uitleg) {
    static const std::map<int, std::pair<std::string, std::string>> kText = {
        {400, {"Ongeldig verzoek", "Het verzoek klopt niet."}},
        {401, {"Niet ingelogd", "Log eerst in."}},
        {403, {"Geen toegang", "U hebt geen toegang tot deze pagina."}},
        {404, {"Niet gevonden", "Deze pagina bestaat niet."}},
        {405, {"Methode niet toegestaan", "Deze pagina kan zo niet worden opgevraagd."}},
        {409, {"Conflict", "Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen."}},
        {413, {"Verzoek te groot", "Het formulier is groter dan de server aanneemt."}},
        {429, {"Te veel pogingen", "Te veel mislukte inlogpogingen."}},
        {500, {"Er ging iets mis", "De server kon het verzoek niet afhandelen; het is in het logboek van de server gezet."}},
    };
    auto it = kText.find(static_cast<int>(status));
    const auto text = it != kText.end() ? it->second : std::make_pair(std::string("Fout"), std::string());
    Data d;
    d.set("code", std::to_string(static_cast<int>(status)));
    d.set("kop", text.first);
    d.set("uitleg", uitleg.empty() ? text.second : uitleg);
    page(status, "fout", d, text.first);
}

int asked_year(const Exchange &x) {
    const std::string jaar = x.query("jaar");
    if (jaar.empty()) return x.ctx.config.region.boekjaar;
    if (!store::year_and_date_problem(jaar, "", "").empty()) return 0;
    return std::stoi(jaar);
}

namespace {

// ---- login and logout ----

void login_form(Exchange &x, HTTPResponse::HTTPStatus status, const std::string &gebruiker, const std::string &melding) {
    // The form's token is a double-submit cookie: the same random value in an HttpOnly SameSite
    // cookie and in the form. Only a page of this server can read the one to post the other.
    const std::string token = random_token();
    x.response.add("Set-Cookie", cookie_header(kLoginCookie, token, x.ctx.secure));
    Data d;
    d.set("login_csrf", token);
    d.set("naam", gebruiker);
    if (!melding.empty()) d.set("melding", melding);
    x.page(status, "login", d, "Inloggen");
}

void post_login(Exchange &x) {
    auto form = read_form(x.request);
    if (!form) return x.error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    const std::string naam = (*form)["gebruiker"], wachtwoord = (*form)["wachtwoord"];
    if (!tokens_equal((*form)["csrf"], cookie_value(x.request, kLoginCookie)))
        return x.error(HTTPResponse::HTTP_FORBIDDEN,
                       "Het formulier is verlopen of komt niet van deze server. Open de inlogpagina opnieuw.");
    const std::string adres = x.request.clientAddress().host().toString();
    const std::int64_t now = now_seconds();
    store::Store &s = x.db();
    {
        store::Transaction tx(s, false);
        s.require_schema();
        if (const std::int64_t wait = login_wait(s, naam, adres, now); wait > 0) {
            x.response.set("Retry-After", std::to_string(wait));
            return x.error(HTTPResponse::HTTP_TOO_MANY_REQUESTS,
                           "Te veel mislukte inlogpogingen. Probeer het over " + std::to_string(wait) +
                               " seconden opnieuw.");
        }
    }
    std::optional<accounts::Gebruiker> account;
    {
        store::Transaction tx(s, false);
        account = accounts::find_gebruiker(s, naam);
    }
    bool ok = false;
    {
        Gate::Pass pass(x.ctx.password_checks);
        // An unknown name costs the same Argon2id check as a known one.
        static const std::string kDummy = accounts::hash_wachtwoord("geen-echt-wachtwoord-0000");
        ok = accounts::wachtwoord_klopt(account ? account->wachtwoord_hash : kDummy, wachtwoord) && account;
    }
    store::Transaction tx(s, true);
    if (!ok) {
        login_failed(s, naam, adres, now);
        tx.commit();
        return login_form(x, HTTPResponse::HTTP_UNAUTHORIZED, naam, "Onbekende gebruiker of onjuist wachtwoord.");
    }
    login_succeeded(s, naam);
    // A new session id at every login: an id the browser had before is never accepted after it.
    if (const std::string old = cookie_value(x.request, kSessionCookie); !old.empty()) end_sessie(s, old, now);
    std::string csrf;
    const std::string id = start_sessie(s, naam, now, csrf);
    tx.commit();
    x.response.add("Set-Cookie", cookie_header(kSessionCookie, id, x.ctx.secure));
    x.response.add("Set-Cookie", cookie_header(kLoginCookie, "", x.ctx.secure, 0));
    x.redirect(account->rol == Rol::raad ? "/portaal/" : "/");
}

void post_logout(Exchange &x) {
    store::Store &s = x.db();
    store::Transaction tx(s, true);
    end_sessie(s, cookie_value(x.request, kSessionCookie), now_seconds());
    tx.commit();
    x.response.add("Set-Cookie", cookie_header(kSessionCookie, "", x.ctx.secure, 0));
    x.redirect("/login");
}

void static_file(Exchange &x, const std::string &name) {
    const std::string *bytes = x.ctx.templates.static_file(name);
    if (!bytes) return x.error(HTTPResponse::HTTP_NOT_FOUND);
    x.response.setStatusAndReason(HTTPResponse::HTTP_OK);
    set_security_headers(x.response, false);
    x.response.set("Cache-Control", "max-age=300");
    x.response.setContentType(name.size() > 4 && name.substr(name.size() - 4) == ".css" ? "text/css; charset=utf-8"
                                                                                        : "application/octet-stream");
    x.response.setContentLength(static_cast<std::streamsize>(bytes->size()));
    x.response.send() << *bytes;
}

// ---- the router ----

/// A route: its method, who may use it (empty: everyone, no login) and what it does.
struct Route {
    std::string method;
    std::set<Rol> rollen;
    void (*handle)(Exchange &);
    const char *upload = nullptr;  ///< a multipart upload with the file of this field (else a form)
};

const std::set<Rol> kLezers = {Rol::beheerder, Rol::controller, Rol::bestuur};
const std::set<Rol> kIngelogd = {Rol::beheerder, Rol::controller, Rol::bestuur, Rol::raad};

/// The routes of `path` (exact paths; /portaal/gemeente/CODE by prefix).
std::vector<Route> routes_of(const std::string &path) {
    if (path == "/login")
        return {{"GET", {}, [](Exchange &x) { login_form(x, HTTPResponse::HTTP_OK, "", ""); }},
                {"POST", {}, post_login}};
    if (path == "/logout") return {{"POST", kIngelogd, post_logout}};
    if (path == "/") return {{"GET", kLezers, dashboard}};
    if (path == "/zienswijze") return {{"POST", {Rol::controller}, post_zienswijze}};
    if (path == "/zienswijze/reactie") return {{"POST", {Rol::controller}, post_reactie}};
    if (path == "/vaststellen") return {{"POST", {Rol::controller}, post_vaststellen}};
    if (path == "/wijziging") return {{"POST", {Rol::controller}, post_wijziging}};
    const std::set<Rol> portaal_lezers = {Rol::raad, Rol::bestuur, Rol::controller};
    if (path == "/portaal/" || path.rfind("/portaal/gemeente/", 0) == 0) return {{"GET", portaal_lezers, portaal}};
    if (path == "/documenten") return {{"GET", kLezers, documenten}};
    if (path.rfind("/documenten/bestand/", 0) == 0) return {{"GET", kLezers, document_bestand}};
    if (path == "/documenten/genereren") return {{"POST", {Rol::controller}, post_genereren}};
    if (path == "/documenten/publiceren") return {{"POST", {Rol::controller}, post_publiceren}};
    if (path == "/betalingen") return {{"GET", kLezers, betalingen}};
    if (path == "/betalingen/importeren") return {{"POST", {Rol::controller}, post_importeren, "afschrift"}};
    if (path == "/betalingen/koppelen") return {{"POST", {Rol::controller}, post_koppelen}};
    if (path == "/facturen") return {{"GET", kLezers, facturen}};
    if (path == "/facturen/factureren") return {{"POST", {Rol::controller}, post_factureren}};
    if (path == "/facturen/crediteren") return {{"POST", {Rol::controller}, post_crediteren}};
    if (path == "/facturen/corrigeren")
        return {{"GET", {Rol::controller}, corrigeren}, {"POST", {Rol::controller}, post_corrigeren}};
    if (path.rfind("/portaal/document/", 0) == 0) return {{"GET", portaal_lezers, portaal_document}};
    if (path.rfind("/portaal/bestand/", 0) == 0) return {{"GET", portaal_lezers, portaal_bestand}};
    if (path == "/portaal/vraag") return {{"POST", {Rol::raad}, post_vraag}};
    if (path == "/portaal/antwoord") return {{"POST", {Rol::controller}, post_antwoord}};
    return {};
}

void route(Exchange &x) {
    const std::string path = x.path();
    const std::string method = x.request.getMethod();
    if (path.rfind("/static/", 0) == 0 && (method == "GET" || method == "HEAD"))
        return static_file(x, path.substr(8));
    const auto routes = routes_of(path);
    if (routes.empty()) return x.error(HTTPResponse::HTTP_NOT_FOUND);
    const Route *r = nullptr;
    std::string allow;
    for (const auto &candidate : routes) {
        allow += (allow.empty() ? "" : ", ") + candidate.method;
        if (candidate.method == method) r = &candidate;
    }
    if (!r) {
        x.response.set("Allow", allow);
        return x.error(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
    }
    if (!r->rollen.empty()) {
        if (const std::string id = cookie_value(x.request, kSessionCookie); !id.empty()) {
            store::Store &s = x.db();
            store::Transaction tx(s, false);  // the pool checked the connection's schema when it opened it
            x.sessie = find_sessie(s, id, now_seconds());
        }
        if (!x.sessie) {
            if (method == "GET") return x.redirect("/login");
            return x.error(HTTPResponse::HTTP_UNAUTHORIZED);
        }
        if (!r->rollen.count(x.sessie->gebruiker.rol)) return x.error(HTTPResponse::HTTP_FORBIDDEN);
        if (method == "POST") {
            // Every POST of a session carries its CSRF token; the body is read here, once.
            std::optional<std::map<std::string, std::string>> form;
            if (r->upload) {
                auto upload = read_upload(x.request, r->upload);
                if (!upload)
                    return x.error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                                   "Het bestand is groter dan " + std::to_string(kMaxUpload / (1024 * 1024)) +
                                       " MiB; de server neemt het niet aan. Er is niets geboekt.");
                form = std::move(upload->fields);
                x.upload_name = std::move(upload->filename);
                x.upload = std::move(upload->bytes);
                x.has_upload = upload->has_file;
            } else {
                form = read_form(x.request);
            }
            if (!form) return x.error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
            if (!tokens_equal((*form)["csrf"], x.sessie->csrf))
                return x.error(HTTPResponse::HTTP_FORBIDDEN,
                               "Het formulier is verlopen of komt niet van deze server. Open de pagina opnieuw.");
            x.form = std::move(*form);
        }
    }
    r->handle(x);
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(const Context &ctx) : ctx_(ctx) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override {
        Exchange x(ctx_, request, response);
        // Under TLS every answer tells the browser to come back over HTTPS only (a year).
        if (ctx_.secure) response.set("Strict-Transport-Security", "max-age=31536000");
        try {
            route(x);
        } catch (const std::exception &e) {
            std::cerr << "vhh serve: error: " << request.getMethod() << " " << printable_text(x.path()) << ": "
                      << printable_text(e.what()) << std::endl;
            if (!response.sent()) {
                try {
                    x.error(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
                } catch (...) {
                }
            }
        }
    }

private:
    const Context &ctx_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(const Context &ctx) : ctx_(ctx) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override {
        return new Handler(ctx_);
    }

private:
    const Context &ctx_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory *handler_factory(const Context &ctx) { return new Factory(ctx); }

}  // namespace vhh::host::web
