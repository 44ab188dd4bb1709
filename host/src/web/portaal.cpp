// The raad portal (read-only): a gemeente and its bijdrage over the years (store/historie.h). A
// raad user sees only its own gemeente: every other gemeente's page is 403, whatever the URL says.
#include <algorithm>

#include "store/historie.h"
#include "store/publicaties.h"
#include "web/documenten.h"
#include "web/dutch_time.h"
#include "web/pages.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;

namespace {

/// The gemeente's name as the config knows it, or "".
std::string naam_in_config(const Context &ctx, const std::string &code) {
    for (const auto &g : ctx.config.region.gemeenten)
        if (g.code == code) return g.naam;
    return "";
}

/// The published documents this user may read, per year (newest first), into `d`.
void publicaties_data(Exchange &x, Data &d) {
    std::vector<store::Publicatie> list;
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        list = store::find_publicaties(s, x.ctx.config.region.id);
    }
    const auto &user = x.sessie->gebruiker;
    Data jaren{mu::data::type::list};
    Data jaar, documenten{mu::data::type::list};
    int current = 0;
    auto flush = [&] {
        if (!current) return;
        jaar.set("jaar", std::to_string(current));
        jaar.set("documenten", documenten);
        jaren.push_back(jaar);
        jaar = Data();
        documenten = Data{mu::data::type::list};
    };
    for (const auto &p : list) {
        if (user.rol == accounts::Rol::raad && !store::raad_may_read(p, user.gemeente)) continue;
        if (p.jaar != current) {
            flush();
            current = p.jaar;
        }
        Data row;
        row.set("document", p.document);
        row.set("gepubliceerd", dutch_timestamp(p.op));
        row.set("bestanden", files_data(p.bestanden));
        documenten.push_back(row);
    }
    flush();
    d.set("heeft_publicaties", !jaren.list_value().empty());
    d.set("publicatie_jaren", jaren);
    d.set("publicaties", true);
}

/// The page of gemeente `code`: its bijdragen per year (and, on a raad user's own portal page, the
/// published documents it may read).
void gemeente_page(Exchange &x, const std::string &code, bool with_documents = false) {
    store::Historie h;
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        h = store::read_historie(s, code);
    }
    Data d;
    std::string naam = naam_in_config(x.ctx, code);
    Data jaren{mu::data::type::list};
    for (const auto &g : h.gemeenten) {
        if (g.code != code && std::find(g.voorgangers.begin(), g.voorgangers.end(), code) == g.voorgangers.end()) continue;
        naam = g.naam;
        std::string voorgangers;
        for (const auto &v : g.voorgangers) voorgangers += (voorgangers.empty() ? "" : ", ") + v;
        if (!voorgangers.empty()) d.set("voorgangers", voorgangers);
        for (const auto &j : g.jaren) {
            Data row;
            row.set("jaar", std::to_string(j.jaar));
            row.set("voorlopig", store::euro(j.voorlopig_cents));
            row.set("definitief", store::euro(j.definitief_cents));
            jaren.push_back(row);
        }
    }
    if (naam.empty()) return x.error(HTTPResponse::HTTP_NOT_FOUND, "Deze gemeente is niet bekend.");
    d.set("code", code);
    d.set("naam", naam);
    d.set("heeft_jaren", !jaren.list_value().empty());
    d.set("jaren", jaren);
    if (with_documents) publicaties_data(x, d);
    x.page(HTTPResponse::HTTP_OK, "gemeente", d, "Bijdragen van " + naam);
}

}  // namespace

void portaal(Exchange &x) {
    const auto &user = x.sessie->gebruiker;
    const std::string path = x.path();
    if (path == "/portaal/") {
        if (user.rol == accounts::Rol::raad) return gemeente_page(x, user.gemeente, true);
        Data d;
        publicaties_data(x, d);
        Data list{mu::data::type::list};
        for (const auto &g : x.ctx.config.region.gemeenten) {
            Data row;
            row.set("code", g.code);
            row.set("naam", g.naam);
            list.push_back(row);
        }
        d.set("gemeenten", list);
        return x.page(HTTPResponse::HTTP_OK, "portaal", d, "Raadsportaal");
    }
    const std::string code = path.substr(std::string("/portaal/gemeente/").size());
    // A raad user reads its own gemeente only (checked here, on the server, not by hiding links).
    if (user.rol == accounts::Rol::raad && code != user.gemeente) return x.error(HTTPResponse::HTTP_FORBIDDEN);
    if (code.empty() || code.size() > 16 || code.find_first_not_of("GMgm0123456789") != std::string::npos)
        return x.error(HTTPResponse::HTTP_NOT_FOUND);
    gemeente_page(x, code);
}

}  // namespace vhh::host::web
