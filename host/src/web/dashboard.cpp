// The controller's dashboard: where the cycle of a year stands (the Wgr calendar, what is
// vastgesteld, the zienswijzen and their reactions) and the form that records a zienswijze with
// the rules and messages of `vhh zienswijze` (store/zienswijze_rules.h).
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <map>

#include "cycle/kalender.h"
#include "cycle/wgr_kalender.h"
#include "store/administration.h"
#include "store/snapshot.h"
#include "store/store_commands.h"
#include "store/zienswijze.h"
#include "store/zienswijze_rules.h"
#include "diagnostic_output.h"
#include "run.h"
#include "betalingen/betalingen_store.h"
#include "invoicing/facturen_store.h"
#include "web/documenten.h"
#include "web/dutch_time.h"
#include "web/pages.h"

namespace vhh::host::web {

using Poco::Net::HTTPResponse;
namespace mu = kainjow::mustache;

namespace {

/// What a form was given and what is wrong with it.
struct FormState {
    std::map<std::string, std::string> waarden;   ///< field → value as given
    std::map<std::string, std::string> fouten;    ///< field → message
    std::string algemeen;                         ///< a problem of the whole form
    /// The reaction form: the zienswijze it answers (gemeente, onderwerp); empty for the zienswijze form.
    std::string gemeente, onderwerp;
    std::string soort;  ///< "vaststelling" for the vaststelling form; "" for the others

    std::string value(const std::string &k) const {
        auto it = waarden.find(k);
        return it == waarden.end() ? std::string() : it->second;
    }
    void set_errors(Data &form) const {
        for (const auto &[veld, melding] : fouten) form.set("fout_" + veld, melding);
        if (!algemeen.empty()) form.set("fout_algemeen", algemeen);
        if (!fouten.empty() || !algemeen.empty()) form.set("fouten", true);
    }
};

std::string dutch(const std::optional<Date> &d) { return d ? dutch_date(*d) : "–"; }

/// The steps of the cycle of boekjaar `jaar`, from the Wgr calendars of the years they fall in: its
/// kaderbrief, ontwerpbegroting and begroting in the year before, its (voorlopige) jaarrekening in
/// the year after — every step whose document is "… <jaar>".
Data kalender_data(const Context &ctx, int jaar) {
    Data list{mu::data::type::list};
    const std::string suffix = " " + std::to_string(jaar);
    for (int kalenderjaar : {jaar - 1, jaar, jaar + 1})
    for (const auto &s : cycle::wgr_kalender(cycle::plan_for(ctx.config.kalender, kalenderjaar))) {
        if (s.document.size() <= suffix.size() ||
            s.document.compare(s.document.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        Data row;
        row.set("kalenderjaar", std::to_string(kalenderjaar));
        row.set("regime", cycle::wgr_regime(kalenderjaar).naam);
        row.set("stap", s.stap);
        row.set("document", s.document);
        row.set("grondslag", s.grondslag);
        row.set("termijn", s.termijn);
        row.set("deadline", dutch(s.deadline));
        row.set("gepland", dutch(s.gepland));
        row.set("status", cycle::status_text(s.status));
        row.set("status_klasse", s.status == cycle::StapStatus::op_tijd ? "goed"
                                 : s.status == cycle::StapStatus::te_laat || s.status == cycle::StapStatus::fout
                                     ? "fout"
                                     : "open");
        if (!s.probleem.empty()) row.set("probleem", s.probleem);
        list.push_back(row);
    }
    return list;
}

/// The store's part of the dashboard: vaststellingen, wijzigingen, zienswijzen (with a reaction
/// form on those without one when `schrijven`, showing `reactie`'s state on its zienswijze).
void store_data(store::Store &s, const std::string &regio, int jaar, Data &d, bool schrijven, const FormState &reactie) {
    Data vast{mu::data::type::list};
    for (const char *document : {"begroting", "jaarrekening"}) {
        Data row;
        row.set("document", std::string(document) + " " + std::to_string(jaar));
        if (auto v = store::find_vaststelling(s, regio, document, jaar)) {
            row.set("vastgesteld", true);
            row.set("datum", dutch_date_of(v->datum));
            row.set("besluit", v->besluit);
        }
        vast.push_back(row);
    }
    d.set("vaststellingen", vast);
    Data wijz{mu::data::type::list};
    for (const auto &w : store::find_wijzigingen(s, regio, jaar)) {
        Data row;
        row.set("nummer", std::to_string(w.nummer));
        row.set("datum", dutch_date_of(w.datum));
        row.set("besluit", w.besluit);
        wijz.push_back(row);
    }
    d.set("heeft_wijzigingen", !wijz.list_value().empty());
    d.set("wijzigingen", wijz);
    Data zw{mu::data::type::list};
    for (const auto &z : store::find_zienswijzen(s, regio, jaar)) {
        Data row;
        row.set("onderwerp", z.onderwerp);
        row.set("gemeente", z.gemeente + " " + z.gemeente_naam);
        row.set("ontvangen", dutch_date_of(z.ontvangen));
        row.set("samenvatting", z.samenvatting);
        if (z.reactie) {
            row.set("reactie", *z.reactie);
            row.set("reactie_datum", dutch_date_of(*z.reactie_datum));
        } else if (schrijven) {
            Data form;
            form.set("nr", std::to_string(z.id));
            form.set("code", z.gemeente);
            form.set("onderwerp", z.onderwerp);
            if (reactie.gemeente == z.gemeente && reactie.onderwerp == z.onderwerp) {
                form.set("datum", reactie.value("datum"));
                form.set("tekst", reactie.value("reactie"));
                reactie.set_errors(form);
            }
            row.set("reactie_formulier", form);
        }
        zw.push_back(row);
    }
    d.set("heeft_zienswijzen", !zw.list_value().empty());
    d.set("zienswijzen", zw);
}

Data form_data(const Context &ctx, int jaar, const FormState &f) {
    Data form;
    form.set("jaar", std::to_string(jaar));
    form.set("ontvangen", f.value("ontvangen"));
    form.set("samenvatting", f.value("samenvatting"));
    Data gemeenten{mu::data::type::list};
    for (const auto &g : ctx.config.region.gemeenten) {
        Data row;
        row.set("code", g.code);
        row.set("naam", g.naam);
        if (g.code == f.value("gemeente")) row.set("gekozen", true);
        gemeenten.push_back(row);
    }
    form.set("gemeenten", gemeenten);
    f.set_errors(form);
    return form;
}

/// The dashboard of `jaar` with the zienswijze form in state `f` (or, when f.gemeente is set, that
/// zienswijze's reaction form); `vastgelegd`: say that a change was recorded.
void show(Exchange &x, HTTPResponse::HTTPStatus status, int jaar, const FormState &f, const std::string &vastgelegd) {
    Data d;
    const int boekjaar = x.ctx.config.region.boekjaar;
    d.set("jaar", std::to_string(jaar));
    d.set("vorig_jaar", std::to_string(jaar - 1));
    d.set("volgend_jaar", std::to_string(jaar + 1));
    d.set("stappen", kalender_data(x.ctx, jaar));
    // The forms for the config's boekjaar, to a controller (bestuur and beheerder read).
    const bool schrijven = jaar == boekjaar && x.sessie->gebruiker.rol == accounts::Rol::controller;
    int volgende = 0;  // the number the next begrotingswijziging gets
    {
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        s.require_schema();
        store_data(s, x.ctx.config.region.id, jaar, d, schrijven, f);
        volgende = static_cast<int>(store::find_wijzigingen(s, x.ctx.config.region.id, jaar).size()) + 1;
    }
    {
        // Invoices and payments: what is open of the boekjaar, what waits to be matched.
        const std::string &regio = x.ctx.config.region.id;
        store::Store &s = x.db();
        store::Transaction tx(s, false);
        const auto invoices = invoicing::read_invoices(s, regio);
        const auto payments = betalingen::read_payments(s, regio);
        const auto paid = betalingen::paid_per_invoice(payments);
        std::size_t open = 0, ongekoppeld = 0, aantal = 0;
        for (const auto &i : invoices)
            if (i.jaar == jaar && !i.credit_note()) {
                ++aantal;
                if (betalingen::open_after_payments(i, invoices, paid) > 0) ++open;
            }
        for (const auto &p : payments)
            if (p.factuur.empty() && p.bedrag_cents > 0) ++ongekoppeld;
        d.set("facturen_aantal", std::to_string(aantal));
        d.set("facturen_open", std::to_string(open));
        d.set("betalingen_ongekoppeld", std::to_string(ongekoppeld));
    }
    {
        // The documents of the boekjaar, when they have been made (the documents page makes them).
        std::shared_ptr<const GeneratedDocuments> docs;
        {
            // Not while they are being made: the dashboard does not wait for that.
            std::unique_lock<std::mutex> lock(x.ctx.documents_lock, std::try_to_lock);
            if (lock.owns_lock()) docs = x.ctx.documents;
        }
        Data list{mu::data::type::list};
        if (docs && docs->jaar == jaar)
            for (const auto &g : docs->documents) {
                Data row;
                row.set("document", g.name);
                row.set("titel", g.titel);
                row.set("bestanden", files_data(g.bestanden));
                list.push_back(row);
            }
        d.set("heeft_documenten", !list.list_value().empty());
        d.set("is_boekjaar", jaar == boekjaar);
        d.set("boekjaar", std::to_string(boekjaar));
        d.set("documenten", list);
    }
    if (schrijven) {
        d.set("formulier", form_data(x.ctx, jaar, f.gemeente.empty() && f.soort.empty() ? f : FormState{}));
        const FormState none;
        const FormState &v = f.soort == "vaststelling" ? f : none;
        Data form;
        form.set("jaar", std::to_string(jaar));
        form.set(v.value("document") == "jaarrekening" ? "jaarrekening_gekozen" : "begroting_gekozen", true);
        form.set("besluit", v.value("besluit"));
        form.set("datum", v.value("datum"));
        v.set_errors(form);
        d.set("vaststel_formulier", form);
        const FormState &w = f.soort == "wijziging" ? f : none;
        Data wijziging;
        wijziging.set("jaar", std::to_string(jaar));
        // The number this form records: another wijziging recorded meanwhile is a conflict (409).
        wijziging.set("nummer", w.value("nummer").empty() ? std::to_string(volgende) : w.value("nummer"));
        wijziging.set("besluit", w.value("besluit"));
        wijziging.set("datum", w.value("datum"));
        wijziging.set("wijziging", w.value("wijziging"));
        w.set_errors(wijziging);
        d.set("wijziging_formulier", wijziging);
    }
    // A reaction's problem that is not at one of its fields (no such zienswijze, answered already)
    // is also shown on top: its zienswijze may have no form to show it at.
    if (!f.gemeente.empty() && !f.algemeen.empty()) d.set("reactie_fout", f.algemeen);
    if (vastgelegd == "zienswijze") d.set("vastgelegd", std::string("De zienswijze is vastgelegd."));
    if (vastgelegd == "reactie") d.set("vastgelegd", std::string("De reactie is vastgelegd."));
    if (vastgelegd == "wijziging") d.set("vastgelegd", std::string("De begrotingswijziging is vastgelegd."));
    if (vastgelegd == "vaststelling") d.set("vastgelegd", std::string("De vaststelling is vastgelegd."));
    x.page(status, "dashboard", d, "Dashboard " + std::to_string(jaar));
}

}  // namespace

void dashboard(Exchange &x) {
    const int jaar = asked_year(x);
    if (jaar == 0) return x.error(HTTPResponse::HTTP_BAD_REQUEST, "Het jaar in de adresregel is geen jaartal.");
    show(x, HTTPResponse::HTTP_OK, jaar, {}, x.query("vastgelegd"));
}

void post_zienswijze(Exchange &x) {
    FormState f;
    for (const char *k : {"jaar", "gemeente", "ontvangen", "samenvatting"}) f.waarden[k] = x.form[k];
    const int boekjaar = x.ctx.config.region.boekjaar;
    const std::string &jaar_text = f.waarden["jaar"];
    for (const auto &p : store::zienswijze_field_problems(jaar_text, f.waarden["gemeente"], f.waarden["ontvangen"],
                                                          f.waarden["samenvatting"]))
        f.fouten.emplace(p.veld, p.melding);
    if (!f.fouten.count("jaar") && std::stoi(jaar_text) != boekjaar)
        f.fouten["jaar"] = other_boekjaar_message(x.ctx.config, jaar_text);
    std::string problem;
    const Gemeente *g = nullptr;
    if (!f.fouten.count("gemeente") && !(g = store::zienswijze_gemeente(x.ctx.config.region, f.waarden["gemeente"],
                                                                        jaar_text, problem)))
        f.fouten["gemeente"] = problem;
    if (f.fouten.empty()) {
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            if (auto p = store::zienswijze_store_problem(s, x.ctx.config.region.id, boekjaar, 0)) {
                f.algemeen = *p;
            } else {
                const store::ZienswijzeInput z{x.ctx.config.region.id, boekjaar, store::zienswijze_onderwerp(0), g->code,
                                               g->naam, f.waarden["ontvangen"], f.waarden["samenvatting"], "", ""};
                store::record_zienswijze_logged(s, z, x.sessie->gebruiker.naam);
                tx.commit();
                return x.redirect("/?jaar=" + jaar_text + "&vastgelegd=zienswijze#zienswijzen");
            }
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            f.algemeen = e.what();  // e.g. a second zienswijze of the same gemeente
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, boekjaar, f, "");
}

void post_reactie(Exchange &x) {
    FormState f;
    for (const char *k : {"jaar", "datum", "reactie"}) f.waarden[k] = x.form[k];
    f.gemeente = x.form["gemeente"];
    f.onderwerp = x.form["onderwerp"];
    const int boekjaar = x.ctx.config.region.boekjaar;
    const std::string &jaar_text = f.waarden["jaar"];
    for (const auto &p : store::reactie_field_problems(jaar_text, f.waarden["datum"], f.waarden["reactie"]))
        f.fouten.emplace(p.veld, p.melding);
    if (!f.fouten.count("jaar") && std::stoi(jaar_text) != boekjaar)
        f.fouten["jaar"] = other_boekjaar_message(x.ctx.config, jaar_text);
    if (f.fouten.count("jaar")) f.algemeen = f.fouten["jaar"];  // the form has no jaar field to show it at
    if (f.fouten.empty()) {
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            const auto z = store::zienswijze_to_answer(s, x.ctx.config.region.id, boekjaar, f.onderwerp, f.gemeente,
                                                       f.waarden["datum"]);
            store::record_reactie_logged(s, x.ctx.config.region.id, boekjaar, z, f.waarden["datum"], f.waarden["reactie"],
                                         x.sessie->gebruiker.naam);
            tx.commit();
            return x.redirect("/?jaar=" + jaar_text + "&vastgelegd=reactie#zienswijzen");
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            f.algemeen = e.what();  // before it was received, answered already, no such zienswijze
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, boekjaar, f, "");
}

void post_vaststellen(Exchange &x) {
    FormState f;
    f.soort = "vaststelling";
    for (const char *k : {"jaar", "document", "besluit", "datum"}) f.waarden[k] = x.form[k];
    const int boekjaar = x.ctx.config.region.boekjaar;
    const std::string &jaar_text = f.waarden["jaar"], &document = f.waarden["document"];
    // The messages of `vhh vaststellen`, at the field they are about.
    if (document != "begroting" && document != "jaarrekening")
        f.fouten["document"] = "'vhh vaststellen' needs the document: begroting or jaarrekening";
    if (f.waarden["besluit"].find_first_not_of(" \t\r\n") == std::string::npos)
        f.fouten["besluit"] = "'vhh vaststellen' needs --jaar Y, --besluit TEXT and --datum YYYY-MM-DD";
    if (f.waarden["datum"].empty())
        f.fouten["datum"] = "'vhh vaststellen' needs --jaar Y, --besluit TEXT and --datum YYYY-MM-DD";
    else if (auto p = store::year_and_date_problem(jaar_text, "datum", f.waarden["datum"]); !p.empty())
        f.fouten[p.rfind("--datum", 0) == 0 ? "datum" : "algemeen"] = p;
    if (f.fouten.count("algemeen")) f.algemeen = f.fouten["algemeen"], f.fouten.erase("algemeen");
    if (f.fouten.empty() && f.algemeen.empty() && std::stoi(jaar_text) != boekjaar)
        f.algemeen = other_boekjaar_message(x.ctx.config, jaar_text);
    if (f.fouten.empty() && f.algemeen.empty()) {
        Diagnostics diag;
        PluginRegistry registry;
        registry.discover(x.ctx.plugin_dirs);
        auto run = run_region(x.ctx.config.path, x.ctx.config.path, registry, x.ctx.templates_dir, true, diag, nullptr,
                              {x.ctx.allow_outside_inputs, {}}, {}, false);
        if (!run) f.algemeen = format_capped(diag);
        store::Store &s = x.db();
        try {
            if (run) {
                store::Transaction tx(s, true);
                s.require_schema();
                // Recorded meanwhile by someone else (another controller, another process): never
                // a second vaststelling, and not a silent one either.
                if (auto earlier = store::find_vaststelling(s, x.ctx.config.region.id, document, boekjaar))
                    return x.error(HTTPResponse::HTTP_CONFLICT,
                                   "De " + document + " " + jaar_text + " is intussen al vastgesteld (" + earlier->datum +
                                       ", " + earlier->besluit + "). Uw vaststelling is niet opgeslagen.");
                store::vaststellen_region(s, *run, document, boekjaar, f.waarden["besluit"], f.waarden["datum"],
                                          x.sessie->gebruiker.naam);
                tx.commit();
                return x.redirect("/?jaar=" + jaar_text + "&vastgelegd=vaststelling#vastgesteld");
            }
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            f.algemeen = e.what();  // e.g. a zienswijze without a reaction
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, boekjaar, f, "");
}

namespace {

/// The errors of a wijziging file as the form shows them: the CLI's messages, located by line.
std::string wijziging_fouten(const Diagnostics &diag) {
    std::string out;
    for (const auto &d : diag.all()) {
        if (d.severity != vhh::Severity::error) continue;
        out += (out.empty() ? "" : "\n") + std::string("regel ") + std::to_string(d.where.line) +
               (d.where.column ? ", kolom " + std::to_string(d.where.column) : "") + ": " +
               (d.key_path.empty() ? "" : d.key_path + ": ") + d.message;
    }
    return out;
}

}  // namespace

void post_wijziging(Exchange &x) {
    FormState f;
    f.soort = "wijziging";
    for (const char *k : {"jaar", "nummer", "besluit", "datum", "wijziging"}) f.waarden[k] = x.form[k];
    const int boekjaar = x.ctx.config.region.boekjaar;
    const std::string &jaar_text = f.waarden["jaar"];
    const std::string usage = "'vhh wijziging' needs --jaar Y, --bestand FILE, --besluit TEXT and --datum YYYY-MM-DD";
    // The rules and messages of `vhh wijziging`, at the field they are about.
    for (const char *k : {"besluit", "datum", "wijziging"})
        if (f.waarden[k].find_first_not_of(" \t\r\n") == std::string::npos) f.fouten[k] = usage;
    if (!f.fouten.count("datum"))
        if (auto p = store::year_and_date_problem(jaar_text, "datum", f.waarden["datum"]); !p.empty())
            (p.rfind("--datum", 0) == 0 ? f.fouten["datum"] : f.algemeen) = p;
    if (f.fouten.empty() && f.algemeen.empty() && std::stoi(jaar_text) != boekjaar)
        f.algemeen = other_boekjaar_message(x.ctx.config, jaar_text);
    const std::string &nummer = f.waarden["nummer"];
    if (nummer.empty() || nummer.size() > 6 || nummer.find_first_not_of("0123456789") != std::string::npos)
        return x.error(HTTPResponse::HTTP_BAD_REQUEST);
    if (f.fouten.empty() && f.algemeen.empty()) {
        // The text is the file `vhh wijziging --bestand` reads: read by the same code, from a
        // private temporary file.
        Poco::TemporaryFile file;
        {
            std::ofstream out(file.path(), std::ios::binary);
            out << f.waarden["wijziging"];
            if (!out.flush()) throw std::runtime_error("cannot write " + file.path());
        }
        store::Store &s = x.db();
        try {
            store::Transaction tx(s, true);
            s.require_schema();
            const auto recorded = store::find_wijzigingen(s, x.ctx.config.region.id, boekjaar);
            if (static_cast<int>(recorded.size()) + 1 != std::stoi(nummer)) {
                if (recorded.empty()) return x.error(HTTPResponse::HTTP_BAD_REQUEST);  // no form shows that number
                const auto &last = recorded.back();
                return x.error(HTTPResponse::HTTP_CONFLICT,
                               "Intussen is begrotingswijziging " + std::to_string(last.nummer) + " vastgelegd (" +
                                   last.datum + ", " + last.besluit +
                                   "). Uw wijziging is niet opgeslagen: open het dashboard opnieuw en kijk of zij nog "
                                   "nodig is.");
            }
            Diagnostics diag;
            if (store::record_wijziging_file(s, x.ctx.config.region, boekjaar, file.path(), f.waarden["besluit"],
                                             f.waarden["datum"], x.sessie->gebruiker.naam, diag)) {
                tx.commit();
                return x.redirect("/?jaar=" + jaar_text + "&vastgelegd=wijziging#vastgesteld");
            }
            f.fouten["wijziging"] = wijziging_fouten(diag);
        } catch (const store::StoreError &e) {
            if (e.code != vhh::ExitCode::data) throw;
            f.algemeen = e.what();  // no vastgestelde begroting, a datum before it
        }
    }
    show(x, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, boekjaar, f, "");
}

}  // namespace vhh::host::web
