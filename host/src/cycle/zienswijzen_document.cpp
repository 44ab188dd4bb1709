#include "cycle/zienswijzen_document.h"

#include <cctype>

#include "render/document_check.h"

namespace vhh::host::cycle {

namespace {

doc::Cell text(const std::string &s) { return {doc::Value::text(s), "", ""}; }

/// The section of one subject: every gemeente with its zienswijze and reaction; counts what is open.
doc::Section onderwerp_section(const Region &region, const std::vector<store::StoredZienswijze> &zienswijzen,
                               const std::string &onderwerp, const std::string &titel, std::size_t &zonder_reactie) {
    doc::Section s{titel, {}, {}};
    doc::Table t;
    t.id = "zienswijzen_" + std::string(onderwerp == "ontwerpbegroting" ? "ob" : "w" + onderwerp.substr(10));
    t.caption = "Zienswijzen op de " + std::string(1, static_cast<char>(std::tolower(titel[0]))) + titel.substr(1);
    t.columns = {{"code", "Code"},           {"gemeente", "Gemeente"}, {"ontvangen", "Ontvangen"},
                 {"zienswijze", "Zienswijze"}, {"bijlage", "Bijlage"},   {"reactie", "Reactie dagelijks bestuur"}};
    std::size_t ontvangen = 0, open = 0;
    for (const Gemeente &g : region.gemeenten) {
        const store::StoredZienswijze *z = nullptr;
        for (const auto &candidate : zienswijzen)
            if (candidate.gemeente == g.code && candidate.onderwerp == onderwerp) z = &candidate;
        if (z == nullptr) {
            t.rows.push_back({{text(g.code), text(g.naam), text(""), text("geen zienswijze ontvangen binnen de termijn"),
                               text(""), text("")},
                              doc::RowRole::body});
            continue;
        }
        ++ontvangen;
        std::string reactie = "nog geen reactie";
        if (z->reactie) reactie = *z->reactie_datum + ": " + *z->reactie;
        else ++open;
        t.rows.push_back({{text(g.code), text(g.naam), text(z->ontvangen), text(z->samenvatting),
                           text(z->bijlage_naam.empty() ? "" : z->bijlage_naam + " (sha256 " + z->bijlage_sha256.substr(0, 16) + ")"),
                           text(reactie)},
                          doc::RowRole::body});
    }
    std::string samen = std::to_string(ontvangen) + " van de " + std::to_string(region.gemeenten.size()) +
                        " raden gaven een zienswijze.";
    if (open > 0)
        samen += " Op " + std::to_string(open) + (open == 1 ? " zienswijze" : " zienswijzen") +
                 " heeft het dagelijks bestuur nog niet gereageerd.";
    else if (ontvangen > 0) samen += " Het dagelijks bestuur heeft op elke zienswijze gereageerd.";
    s.blocks.emplace_back(doc::Paragraph{samen});
    s.blocks.emplace_back(std::move(t));
    zonder_reactie += open;
    return s;
}

}  // namespace

doc::Document zienswijzen_document(const Region &region, const std::vector<store::StoredZienswijze> &zienswijzen,
                                   const std::vector<BudgetAmendment> &wijzigingen) {
    const std::string jaar = std::to_string(region.boekjaar);
    doc::Document d;
    d.name = "zienswijzen-" + jaar;
    d.meta.title = "Zienswijzen en reactie " + jaar;
    d.meta.subtitle = "voor het algemeen bestuur";
    d.meta.region = region.naam;
    d.meta.year = region.boekjaar;
    d.meta.date = Date{region.boekjaar + 1, 1, 1};
    doc::Section inl{"Inleiding", {}, {}};
    inl.blocks.emplace_back(doc::Paragraph{
        "De zienswijzen die de raden van de gemeenten van " + region.naam + " naar voren brachten op de "
        "ontwerpbegroting " + jaar + " en op de begrotingswijzigingen " + jaar + ", met de reactie van het "
        "dagelijks bestuur, zoals de administratie ze heeft vastgelegd (vhh zienswijze)."});
    std::size_t open = 0;
    std::vector<doc::Section> onderwerpen;
    onderwerpen.push_back(onderwerp_section(region, zienswijzen, store::zienswijze_onderwerp(0),
                                            "Ontwerpbegroting " + jaar, open));
    for (const auto &w : wijzigingen)
        onderwerpen.push_back(onderwerp_section(region, zienswijzen, store::zienswijze_onderwerp(w.nummer),
                                                "Begrotingswijziging " + std::to_string(w.nummer), open));
    if (open > 0)
        inl.blocks.emplace_back(doc::Note{"Het dagelijks bestuur heeft op " + std::to_string(open) +
                                          (open == 1 ? " zienswijze" : " zienswijzen") +
                                          " nog niet gereageerd: de begroting kan niet worden vastgesteld zolang een "
                                          "zienswijze op de ontwerpbegroting zonder reactie is."});
    d.sections.push_back(std::move(inl));
    for (auto &s : onderwerpen) d.sections.push_back(std::move(s));
    return d;
}

std::vector<doc::Document> host_cycle_documents(const RegionRun &run,
                                                const std::optional<std::vector<store::StoredZienswijze>> &zienswijzen,
                                                const SourceLocation &where, Diagnostics &diag) {
    std::vector<doc::Document> own;
    if (!run.administration || !zienswijzen || !run.pipeline->meerjarenraming()) return own;
    own.push_back(zienswijzen_document(run.config.region, *zienswijzen, run.administration->wijzigingen));
    for (const auto &problem : document_problems(own.back()))
        diag.error(ExitCode::internal, where, "", own.back().name + ": " + problem);
    for (const auto &d : run.pipeline->documents())
        if (d.name == own.back().name)
            diag.error(ExitCode::config, where, "", "a plugin describes a document '" + d.name + "', which vhh writes itself");
    return own;
}

}  // namespace vhh::host::cycle
