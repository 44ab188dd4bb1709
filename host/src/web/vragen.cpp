// A published document in the raad portal: its files and its technische vragen. A raad account
// asks a question (a section optional); a controller answers it; the answer is shown with the
// question. Questions and answers are text: the templates escape them. Whoever may not read the
// document (not published, or another gemeente's letter) gets 404, whatever the URL says.
#include "store/publicaties.h"
#include "store/zienswijze.h"
#include "web/documenten.h"
#include "web/dutch_time.h"
#include "web/pages.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;

namespace {

/// The publication of `document` when this user may read it (in an open transaction).
std::optional<store::Publicatie> readable(Exchange &x, store::Store &s, const std::string &document) {
    auto p = store::find_publicatie(s, x.ctx.config.region.id, document);
    if (p && x.sessie->gebruiker.rol == accounts::Rol::raad && !store::raad_may_read(*p, x.sessie->gebruiker.gemeente))
        return std::nullopt;
    return p;
}

/// What the forms were given and what is wrong with it.
struct VraagForm {
    std::string sectie, vraag, fout_sectie, fout_vraag;
    std::int64_t antwoord_op = 0;  ///< the question whose answer form this is (0: the question form)
    std::string antwoord, fout_antwoord;
};

void show_document(Exchange &x, HTTPResponse::HTTPStatus status, const std::string &document, const VraagForm &f,
                   const std::string &melding) {
    store::Store &s = x.db();
    std::optional<store::Publicatie> p;
    std::vector<store::Vraag> vragen;
    {
        store::Transaction tx(s, false);
        s.require_schema();
        p = readable(x, s, document);
        if (p) vragen = store::find_vragen(s, p->id);
    }
    if (!p) return x.error(HTTPResponse::HTTP_NOT_FOUND, "Dit document is niet gepubliceerd.");
    const auto rol = x.sessie->gebruiker.rol;
    Data d;
    d.set("document", p->document);
    d.set("jaar", std::to_string(p->jaar));
    d.set("gepubliceerd", dutch_timestamp(p->op));
    if (!melding.empty()) d.set("vastgelegd", melding);
    d.set("bestanden", files_data(p->bestanden));
    Data list{mu::data::type::list};
    for (const auto &v : vragen) {
        // A raad account sees the answered questions and the open ones of its own gemeente.
        if (rol == accounts::Rol::raad && v.antwoord.empty() && v.gemeente != x.sessie->gebruiker.gemeente) continue;
        Data row;
        row.set("nr", std::to_string(v.id));
        if (!v.sectie.empty()) row.set("sectie", v.sectie);
        row.set("gemeente", v.gemeente);
        row.set("gesteld", dutch_timestamp(v.gesteld));
        row.set("vraag", v.vraag);
        if (!v.antwoord.empty()) {
            row.set("antwoord", v.antwoord);
            row.set("beantwoord", dutch_timestamp(v.beantwoord));
        } else if (rol == accounts::Rol::controller) {
            Data form;
            form.set("nr", std::to_string(v.id));
            form.set("versie", std::to_string(v.versie));
            if (f.antwoord_op == v.id) {
                form.set("tekst", f.antwoord);
                if (!f.fout_antwoord.empty()) form.set("fout_antwoord", f.fout_antwoord);
            }
            row.set("antwoord_formulier", form);
        }
        list.push_back(row);
    }
    d.set("heeft_vragen", !list.list_value().empty());
    d.set("vragen", list);
    if (rol == accounts::Rol::raad) {
        Data form;
        form.set("sectie", f.sectie);
        form.set("tekst", f.vraag);
        if (!f.fout_sectie.empty()) form.set("fout_sectie", f.fout_sectie);
        if (!f.fout_vraag.empty()) form.set("fout_vraag", f.fout_vraag);
        d.set("vraag_formulier", form);
    }
    x.page(status, "document", d, p->document);
}

/// The document named after `prefix` in the path.
std::string named(const Exchange &x, const char *prefix) { return x.path().substr(std::string(prefix).size()); }

}  // namespace

void portaal_document(Exchange &x) {
    std::string melding;
    if (x.query("vastgelegd") == "vraag") melding = "Uw vraag is verstuurd.";
    if (x.query("vastgelegd") == "antwoord") melding = "Het antwoord is gepubliceerd.";
    show_document(x, HTTPResponse::HTTP_OK, named(x, "/portaal/document/"), {}, melding);
}

void portaal_bestand(Exchange &x) {
    const std::string name = named(x, "/portaal/bestand/");
    const auto bytes = published_file(x, name);
    if (!bytes) return x.error(HTTPResponse::HTTP_NOT_FOUND, "Dit document is niet gepubliceerd.");
    send_file(x, name, *bytes);
}

void post_vraag(Exchange &x) {
    const std::string document = x.form["document"];
    VraagForm f;
    f.sectie = x.form["sectie"];
    f.vraag = x.form["vraag"];
    f.fout_sectie = store::sectie_problem(f.sectie);
    f.fout_vraag = store::vraag_problem(f.vraag);
    if (f.fout_sectie.empty() && f.fout_vraag.empty()) {
        store::Store &s = x.db();
        store::Transaction tx(s, true);
        s.require_schema();
        const auto p = readable(x, s, document);
        if (!p) return x.error(HTTPResponse::HTTP_NOT_FOUND, "Dit document is niet gepubliceerd.");
        store::ask_vraag(s, *p, f.sectie, x.sessie->gebruiker.gemeente, x.sessie->gebruiker.naam, f.vraag);
        tx.commit();
        return x.redirect("/portaal/document/" + document + "?vastgelegd=vraag#vragen");
    }
    show_document(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, document, f, "");
}

void post_antwoord(Exchange &x) {
    const std::string document = x.form["document"];
    VraagForm f;
    f.antwoord = x.form["antwoord"];
    const std::string nr = x.form["vraag"], versie = x.form["versie"];
    if (document.empty() || document.size() > 200 ||
        document.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != std::string::npos ||
        nr.empty() || nr.size() > 12 || nr.find_first_not_of("0123456789") != std::string::npos || !form_version(versie))
        return x.error(HTTPResponse::HTTP_BAD_REQUEST);
    f.antwoord_op = std::stoll(nr);
    if (f.antwoord.find_first_not_of(" \t\r\n") == std::string::npos) f.fout_antwoord = "Het antwoord is leeg.";
    if (f.fout_antwoord.empty()) {
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            store::answer_vraag(s, f.antwoord_op, std::stoi(versie), f.antwoord, x.sessie->gebruiker.naam);
            tx.commit();
            return x.redirect("/portaal/document/" + document + "?vastgelegd=antwoord#vragen");
        } catch (const store::VraagConflict &e) {
            return x.error(HTTPResponse::HTTP_CONFLICT, std::string(e.what()) +
                                                            " Uw antwoord is niet opgeslagen; open de pagina opnieuw.");
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            return x.error(HTTPResponse::HTTP_NOT_FOUND, "Deze vraag bestaat niet.");
        }
    }
    show_document(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, document, f, "");
}

}  // namespace vhh::host::web
