#include "meerjarenraming.h"

#include <algorithm>

#include "herindeling_raming.h"
#include "indexatie.h"

namespace vhh::begroting {

bool carried_forward(const Post &p, const Config &c, int jaar) { return !p.incidenteel || jaar <= c.begrotingsjaar; }

std::optional<Raming> bereken_raming(const Config &c, const Administration *administration, const Verdeler &verdeel,
                                     Diagnostics &diag, const std::vector<Herindeling> &herindelingen) {
    Raming r;
    const AdoptedDocument *vastgesteld =
        administration && administration->begroting ? &*administration->begroting : nullptr;
    const AdoptedDocument *jaarrekening = administration && administration->jaarrekening_vorig_jaar
                                              ? &*administration->jaarrekening_vorig_jaar
                                              : nullptr;
    if (vastgesteld) r.administratie_begroting = vastgesteld->description();
    if (jaarrekening) r.administratie_jaarrekening = jaarrekening->description();
    for (const Post &p : c.posten) {
        RamingRegel regel;
        regel.post = &p;
        const PostAmount *uit_store = vastgesteld ? vastgesteld->find(p.code) : nullptr;
        regel.uit_administratie = uit_store != nullptr;
        regel.basis = uit_store ? uit_store->amount : p.bedrag;
        regel.basis_bron = uit_store ? "de " + vastgesteld->description()
                                     : "de begroting " + std::to_string(c.basisjaar) + " in de configuratie";
        if (jaarrekening)
            if (const PostAmount *j = jaarrekening->find(p.code)) regel.jaarrekening = j->amount;
        Money bedrag = regel.basis;
        regel.bedragen[c.basisjaar] = bedrag;
        regel.basis_tekst = std::to_string(c.basisjaar) + ": " + bedrag.format_nl() + " (" + regel.basis_bron + ")";
        for (int j = c.basisjaar + 1; j <= c.begrotingsjaar + 3; ++j) {
            if (!carried_forward(p, c, j)) {  // incidenteel: budgeted up to the begrotingsjaar only
                regel.bedragen[j] = Money();
                regel.basis_tekst += "; " + std::to_string(j) + ": incidenteel, niet doorgetrokken = " +
                                     Money().format_nl();
                continue;
            }
            const std::int64_t ppm = c.ppm(p.categorie, j);
            bedrag = indexeer(bedrag, ppm);
            regel.bedragen[j] = bedrag;
            regel.basis_tekst += "; " + std::to_string(j) + ": × (1 + " + percentage_nl(ppm) + " " + p.categorie +
                                 ") = " + bedrag.format_nl();
        }
        r.regels.push_back(std::move(regel));
    }

    const Post &bijdrage_post = c.bijdrage_post();
    const RamingRegel &bijdrage_regel =
        *std::find_if(r.regels.begin(), r.regels.end(), [&](const RamingRegel &g) { return g.post == &bijdrage_post; });
    for (int j : c.jaren()) {
        const Money totaal = bijdrage_regel.bedragen.at(j);
        std::string why;
        const auto lines = verdeel(j, totaal, why);
        if (!lines) {
            diag.error(ExitCode::config, bijdrage_post.where, bijdrage_post.key_path + ".gemeentelijke_bijdrage",
                       "the gemeentelijke bijdrage " + std::to_string(j) + " (" + totaal.format_nl() +
                           ") cannot be divided over the gemeenten: " + why);
            return std::nullopt;
        }
        Money som;
        for (const auto &l : *lines) {
            auto it = std::find_if(r.bijdragen.begin(), r.bijdragen.end(),
                                   [&](const Bijdrage &b) { return b.code == l.payer_id; });
            if (it == r.bijdragen.end()) {
                r.bijdragen.push_back({l.payer_id, l.payer, {}, {}, {}});
                it = std::prev(r.bijdragen.end());
            }
            it->bedragen[j] = l.amount;
            it->grondslag[j] = l.basis;
            som += l.amount;
        }
        if (som != totaal) {
            diag.error(ExitCode::internal, bijdrage_post.where, bijdrage_post.key_path,
                       "the key divided " + totaal.format_nl() + " for " + std::to_string(j) + " into parts of " +
                           som.format_nl() + " together");
            return std::nullopt;
        }
    }
    // A gemeente that does not exist in a year (merged away, or not yet formed) pays nothing then.
    for (auto &b : r.bijdragen)
        for (int j : c.jaren())
            if (!b.bedragen.count(j)) {
                b.bedragen[j] = Money();
                b.niet_in[j] = herindeling_reden(b.code, herindelingen, c.basisjaar, j);
            }
    if (vastgesteld)
        for (auto &b : r.bijdragen) {
            Money m;
            bool found = false;
            for (const auto &l : vastgesteld->bijdragen)
                if (l.payer_id == b.code && l.source == "inwonerbijdrage") {
                    m += l.amount;
                    found = true;
                }
            if (found) b.vastgesteld = m;
        }
    return r;
}

Meerjarenraming beschrijf_raming(const Config &c, const Raming &r) {
    Meerjarenraming m;
    m.begrotingsjaar = c.begrotingsjaar;
    m.jaren = c.jaren();
    for (const auto &g : r.regels) {
        RamingPost p;
        p.code = g.post->code;
        p.naam = g.post->naam;
        p.soort = g.post->soort;
        p.categorie = g.post->categorie;
        p.taakveld = g.post->taakveld;
        p.incidenteel = g.post->incidenteel;
        for (int j : m.jaren) p.bedragen[j] = g.bedragen.at(j);
        p.basis = g.basis_tekst;
        m.posten.push_back(std::move(p));
    }
    for (const auto &b : r.bijdragen) m.bijdragen.push_back({b.code, b.naam, b.bedragen});
    // The budgeted reserve mutations, every year of the raming (0 where none is budgeted).
    for (const Reserve &res : c.reserves) {
        RamingReserve out;
        out.naam = res.naam;
        for (int j : m.jaren) {
            const ReserveMutatie *mut = res.mutatie(j);
            out.toevoegingen[j] = mut ? mut->toevoeging : Money();
            out.onttrekkingen[j] = mut ? mut->onttrekking : Money();
        }
        m.reserves.push_back(std::move(out));
    }
    return m;
}

}  // namespace vhh::begroting
