// The controller's documents per year: every document of the boekjaar, generated as `vhh run` generates it
// (the same pipeline and renderers, into memory; a workbook through a private temporary folder,
// never the user's folders), to download in each format and to publish to the raad portal; for
// another year, the documents about it that this run makes and those published of it before.
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>

#include <Poco/Data/Session.h>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include "app.h"
#include "diagnostic_output.h"
#include "render/xlsx_renderer.h"
#include "run.h"
#include "store/administration.h"
#include "store/audit_log.h"
#include "store/publicaties.h"
#include "store/zienswijze.h"
#include "web/documenten.h"
#include "web/dutch_time.h"
#include "web/pages.h"
#include "web/security.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;
namespace fs = std::filesystem;

namespace {

/// The gemeente a letter is addressed to: its kenmerk ends in "/<CBS code>" (raadsbrief,
/// zienswijzebrief). A letter whose gemeente cannot be told is "?": no raad account reads it.
std::string letter_gemeente(const Context &ctx, const doc::Document &d) {
    if (d.kind != doc::Document::Kind::letter || !d.letter) return "";
    const std::string &k = d.letter->kenmerk;
    const std::string code = k.substr(k.rfind('/') == std::string::npos ? k.size() : k.rfind('/') + 1);
    for (const auto &g : ctx.config.region.gemeenten)
        if (g.code == code) return code;
    return "?";
}

/// The year a document is about: the first "-YYYY" in its name (begroting-2014 of boekjaar 2013),
/// else the boekjaar.
int document_year(const std::string &name, int boekjaar) {
    for (std::size_t i = name.find('-'); i != std::string::npos; i = name.find('-', i + 1))
        if (i + 5 <= name.size() && name.find_first_not_of("0123456789", i + 1) >= i + 5 &&
            (i + 5 == name.size() || name[i + 5] == '-' || name[i + 5] == '.'))
            return std::stoi(name.substr(i + 1, 4));
    return boekjaar;
}

std::string read_all(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in.good() && !in.eof()) throw std::runtime_error("cannot read " + path);
    return out.str();
}

std::shared_ptr<const GeneratedDocuments> generate(const Context &ctx) {
    auto g = std::make_shared<GeneratedDocuments>();
    g->jaar = ctx.config.region.boekjaar;
    Diagnostics diag;
    PluginRegistry registry;
    registry.discover(ctx.plugin_dirs);
    // The report phase sees the store's vastgestelde figures, as `vhh run` with a store does.
    const AdministrationLookup administration = [&](const RunConfig &config, Diagnostics &d) {
        std::optional<Administration> a;
        try {
            store::Store s(ctx.url, true);
            store::Transaction tx(s, false);
            a = store::read_administration(s, config.region);
        } catch (const store::StoreError &e) {
            d.error(e.code, {config.path, 0, 0}, "administratie", e.what());
        }
        return a;
    };
    auto run = run_region(ctx.config.path, ctx.config.path, registry, ctx.templates_dir, true, diag, nullptr,
                          {ctx.allow_outside_inputs, {}}, administration);
    if (!run) {
        g->fout = format_capped(diag);
        return g;
    }
    const Pipeline &pipeline = *run->pipeline;
    const std::time_t created = document_time(g->jaar);
    RenderOptions options;
    options.created = created;
    options.house = pipeline.house_style();
    for (const auto &d : pipeline.documents()) {
        GeneratedDocument doc{d.name, d.meta.title, letter_gemeente(ctx, d), document_year(d.name, g->jaar), {}};
        for (const DocumentRenderer *r : pipeline.renderers())
            doc.bestanden.emplace_back(d.name + "." + r->extension(), r->render(d, options));
        g->documents.push_back(std::move(doc));
    }
    for (const auto &wb : pipeline.workbooks()) {
        // libxlsxwriter writes a file: a private temporary one, removed at once.
        Poco::TemporaryFile tmp;
        render_workbook(wb, tmp.path(), created);
        const std::string stem = wb.file_name.substr(0, wb.file_name.rfind('.'));
        g->documents.push_back({stem, wb.title, "", document_year(stem, g->jaar), {{wb.file_name, read_all(tmp.path())}}});
    }
    return g;
}

const char *content_type(const std::string &name) {
    const std::string ext = name.substr(name.rfind('.') + 1);
    if (ext == "pdf") return "application/pdf";
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == "json") return "application/json";
    return "application/octet-stream";
}

/// Whom a document is for on the page: the gemeente's name, "alle raden" for every raad, "onbekend"
/// for "?".
std::string gemeente_naam(const Context &ctx, const std::string &code) {
    if (code.empty()) return "alle raden";
    for (const auto &g : ctx.config.region.gemeenten)
        if (g.code == code) return g.naam;
    return "onbekend";
}

/// The years `regio` has data for in the store: vastgesteld, amended, a zienswijze received, an
/// invoice issued or a document published.
std::set<int> store_years(store::Store &s, const std::string &regio) {
    std::vector<int> jaren;
    s.guarded([&] {
        using namespace Poco::Data::Keywords;
        std::string r1 = regio, r2 = regio, r3 = regio, r4 = regio, r5 = regio;
        s.session() << s.sql("SELECT jaar FROM vaststellingen WHERE regio = ? UNION SELECT jaar FROM wijzigingen "
                             "WHERE regio = ? UNION SELECT jaar FROM zienswijzen WHERE regio = ? UNION SELECT jaar "
                             "FROM facturen WHERE regio = ? UNION SELECT jaar FROM publicaties WHERE regio = ?"),
            into(jaren), use(r1), use(r2), use(r3), use(r4), use(r5), now;
    });
    return {jaren.begin(), jaren.end()};
}

/// The page of year `jaar`: the documents about it that the boekjaar's run makes (each to publish),
/// and the documents of that year published earlier (by a run of another boekjaar) as published.
void show(Exchange &x, HTTPResponse::HTTPStatus status, int jaar, const std::string &melding, const std::string &fout) {
    const auto docs = generated_documents(x.ctx, false);
    std::map<std::string, store::Publicatie> published;
    std::set<int> jaren = {docs->jaar};
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        for (auto &p : store::find_publicaties(s, x.ctx.config.region.id)) published.emplace(p.document, std::move(p));
        for (int j : store_years(s, x.ctx.config.region.id)) jaren.insert(j);
    }
    for (const auto &doc : docs->documents) jaren.insert(doc.jaar);
    const bool schrijven = x.sessie->gebruiker.rol == accounts::Rol::controller;
    Data d;
    d.set("jaar", std::to_string(jaar));
    d.set("boekjaar", std::to_string(docs->jaar));
    if (jaar != docs->jaar) d.set("ander_jaar", true);
    Data keuze{mu::data::type::list};
    for (int j : jaren) {
        Data o;
        o.set("jaar", std::to_string(j));
        if (j == jaar) o.set("gekozen", true);
        keuze.push_back(o);
    }
    d.set("jaren", keuze);
    d.set("schrijven", schrijven);
    if (!docs->fout.empty()) d.set("run_fout", docs->fout);
    if (!melding.empty()) d.set("vastgelegd", melding);
    if (!fout.empty()) d.set("fout", fout);
    Data list{mu::data::type::list};
    std::set<std::string> shown;
    for (const auto &doc : docs->documents) {
        if (doc.jaar != jaar) continue;
        shown.insert(doc.name);
        Data row;
        row.set("document", doc.name);
        row.set("titel", doc.titel);
        row.set("gemeente", gemeente_naam(x.ctx, doc.gemeente));
        row.set("bestanden", files_data(doc.bestanden));
        if (auto it = published.find(doc.name); it != published.end()) {
            row.set("gepubliceerd", dutch_timestamp(it->second.op) + " door " + it->second.door);
        } else if (schrijven) {
            row.set("publiceren", true);
        }
        list.push_back(row);
    }
    for (const auto &[name, p] : published) {
        if (p.jaar != jaar || shown.count(name)) continue;
        Data row;
        row.set("document", name);
        row.set("titel", "zoals gepubliceerd");
        row.set("gemeente", gemeente_naam(x.ctx, p.gemeente));
        row.set("bestanden", files_data(p.bestanden));
        row.set("gepubliceerd", dutch_timestamp(p.op) + " door " + p.door);
        list.push_back(row);
    }
    d.set("heeft_documenten", !list.list_value().empty());
    d.set("documenten", list);
    x.page(status, "documenten", d, "Documenten " + std::to_string(jaar));
}

}  // namespace

std::shared_ptr<const GeneratedDocuments> generated_documents(const Context &ctx, bool fresh) {
    std::lock_guard<std::mutex> lock(ctx.documents_lock);
    if (!ctx.documents || fresh) ctx.documents = generate(ctx);
    return ctx.documents;
}

Data files_data(const std::vector<std::pair<std::string, std::string>> &files) {
    Data list{mu::data::type::list};
    for (const auto &file : files) {
        Data f;
        f.set("bestand", file.first);
        f.set("formaat", file.first.substr(file.first.rfind('.') + 1));
        list.push_back(f);
    }
    return list;
}

void send_file(Exchange &x, const std::string &name, const std::string &bytes) {
    x.response.setStatusAndReason(HTTPResponse::HTTP_OK);
    set_security_headers(x.response, true);
    // A document's own HTML has inline styles and no scripts; it is sandboxed besides.
    x.response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
    x.response.setContentType(content_type(name));
    const bool inline_view = name.size() > 5 && (name.substr(name.size() - 4) == ".pdf" || name.substr(name.size() - 5) == ".html");
    x.response.set("Content-Disposition", std::string(inline_view ? "inline" : "attachment") + "; filename=\"" + name + "\"");
    x.response.setContentLength(static_cast<std::streamsize>(bytes.size()));
    x.response.send() << bytes;
}

std::optional<std::string> published_file(Exchange &x, const std::string &name) {
    store::Store &s = x.db();
    store::Transaction tx(s, false);
    s.require_schema();
    std::optional<std::string> bytes;
    for (const auto &p : store::find_publicaties(s, x.ctx.config.region.id)) {
        if (x.sessie->gebruiker.rol == accounts::Rol::raad && !store::raad_may_read(p, x.sessie->gebruiker.gemeente))
            continue;
        for (const auto &[file, sha] : p.bestanden)
            if (file == name) bytes = store::read_bijlage(s, sha);
    }
    return bytes;
}

void documenten(Exchange &x) {
    const int jaar = asked_year(x);
    if (jaar == 0) return x.error(HTTPResponse::HTTP_BAD_REQUEST, "Het jaar in de adresregel is geen jaartal.");
    std::string melding;
    if (!x.query("gemaakt").empty()) melding = "De documenten zijn opnieuw gemaakt.";
    if (const std::string d = x.query("gepubliceerd"); !d.empty()) melding = d + " is gepubliceerd.";
    show(x, HTTPResponse::HTTP_OK, jaar, melding, "");
}

void document_bestand(Exchange &x) {
    const std::string name = x.path().substr(std::string("/documenten/bestand/").size());
    const auto docs = generated_documents(x.ctx, false);
    for (const auto &doc : docs->documents)
        for (const auto &[file, bytes] : doc.bestanden)
            if (file == name) return send_file(x, file, bytes);
    // A file of a document published earlier (another boekjaar's run), as it was published.
    if (const auto bytes = published_file(x, name)) return send_file(x, name, *bytes);
    x.error(HTTPResponse::HTTP_NOT_FOUND, "Dit document is er niet.");
}

void post_genereren(Exchange &x) {
    generated_documents(x.ctx, true);
    x.redirect("/documenten?gemaakt=1");
}

void post_publiceren(Exchange &x) {
    const std::string name = x.form["document"];
    const auto docs = generated_documents(x.ctx, false);
    const GeneratedDocument *doc = nullptr;
    for (const auto &d : docs->documents)
        if (d.name == name) doc = &d;
    if (!doc)
        return show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, docs->jaar, "", "Er is geen document " + name + ".");
    store::Store &s = x.db();
    try {
        store::Transaction tx(s, true);
        s.require_schema();
        store::publish_document(s, x.ctx.config.region.id, doc->jaar, doc->name, doc->gemeente, doc->bestanden,
                                x.sessie->gebruiker.naam);
        tx.commit();
    } catch (const store::StoreError &e) {
        if (e.code != vhh::ExitCode::data) throw;
        return show(x, HTTPResponse::HTTP_CONFLICT, doc->jaar, "", e.what());
    }
    std::string query;
    Poco::URI::encode(doc->name, "&=#+?/", query);
    x.redirect("/documenten?jaar=" + std::to_string(doc->jaar) + "&gepubliceerd=" + query);
}

}  // namespace vhh::host::web
