#include "begrotingswijziging.h"

#include <algorithm>

namespace vhh::begroting {

namespace {

/// The change of post `code` in every wijziging numbered below `nummer`.
Money eerdere_wijzigingen(const Administration &a, const std::string &code, int nummer) {
    Money m;
    for (const auto &w : a.wijzigingen)
        if (w.nummer < nummer)
            for (const auto &p : w.posten)
                if (p.code == code) m += p.amount;
    return m;
}

}  // namespace

std::optional<Begrotingswijziging> bereken_wijziging(const Config &c, const Administration &a, std::size_t index,
                                                     const Verdeler &verdeel, Diagnostics &diag) {
    const BudgetAmendment &w = a.wijzigingen.at(index);
    Begrotingswijziging out;
    out.amendment = &w;
    out.jaar = c.basisjaar;
    // A begroting without a besluit is the config's own (no store: the config's begrotingswijzigingen).
    if (a.begroting)
        out.begroting = a.begroting->besluit.empty() ? "begroting " + std::to_string(c.basisjaar) + " in de configuratie"
                                                     : a.begroting->description();
    const Post &bijdrage_post = c.bijdrage_post();
    out.bijdrage_code = bijdrage_post.code;
    for (const PostAmount &p : w.posten) {
        WijzigingPost r;
        r.code = p.code;
        r.naam = p.naam;
        for (const Post &q : c.posten)
            if (q.code == p.code) r.soort = q.soort;
        if (a.begroting)
            if (const PostAmount *v = a.begroting->find(p.code)) r.primitief = v->amount;
        r.eerder = eerdere_wijzigingen(a, p.code, w.nummer);
        r.wijziging = p.amount;
        r.omschrijving = p.omschrijving;
        if (p.code == bijdrage_post.code) {
            out.wijzigt_bijdragen = true;
            out.bijdrage_voor = r.primitief + r.eerder;
            out.bijdrage_na = r.na();
        }
        out.posten.push_back(std::move(r));
    }
    if (!out.wijzigt_bijdragen) return out;

    std::string why;
    const auto voor = verdeel(out.jaar, out.bijdrage_voor, why);
    const auto na = voor ? verdeel(out.jaar, out.bijdrage_na, why) : std::nullopt;
    if (!voor || !na) {
        diag.error(ExitCode::config, bijdrage_post.where, bijdrage_post.key_path + ".gemeentelijke_bijdrage",
                   "begrotingswijziging " + std::to_string(w.nummer) + " " + std::to_string(out.jaar) +
                       ": the gemeentelijke bijdrage (" + (voor ? out.bijdrage_na : out.bijdrage_voor).format_nl() +
                       ") cannot be divided over the gemeenten: " + why);
        return std::nullopt;
    }
    for (const auto &l : *voor) out.bijdragen.push_back({l.payer_id, l.payer, l.amount, Money(), l.basis, ""});
    for (const auto &l : *na) {
        auto it = std::find_if(out.bijdragen.begin(), out.bijdragen.end(),
                               [&](const WijzigingBijdrage &b) { return b.code == l.payer_id; });
        if (it == out.bijdragen.end()) {
            out.bijdragen.push_back({l.payer_id, l.payer, Money(), Money(), "", ""});
            it = std::prev(out.bijdragen.end());
        }
        it->na = l.amount;
        it->grondslag_na = l.basis;
    }
    return out;
}

}  // namespace vhh::begroting
