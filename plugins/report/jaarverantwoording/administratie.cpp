#include "administratie.h"

#include <set>

namespace vhh::jaarverantwoording {

namespace {

/// True when `doc` has a post of `config`.
bool fits(const Config &config, const AdoptedDocument &doc) {
    for (const auto &p : doc.posten)
        if (config.find_post(p.code) >= 0) return true;
    return false;
}

void warn_unknown(const Config &config, const std::vector<PostAmount> &posten, const std::string &what,
                  const SourceLocation &where, Diagnostics &diag) {
    for (const auto &p : posten)
        if (config.find_post(p.code) < 0 && !(p.amount == Money()))
            diag.warning(where, config.key("posten"),
                         what + " has post '" + p.code + "' (" + p.naam + ", " + p.amount.format_nl() +
                             ") that the config does not have: its amount is not shown",
                         "add the post to 'posten' to show it");
}

void ignored(const Config &config, const AdoptedDocument &doc, const SourceLocation &where, Diagnostics &diag) {
    diag.warning(where, config.key("posten"),
                 "the " + doc.description() + " has none of the configured posten; the config's figures are used",
                 "was it vastgesteld without report.jaarverantwoording in the config?");
}

}  // namespace

void apply_administration(Config &config, const Administration &admin, const SourceLocation &posten_where,
                          Diagnostics &diag) {
    if (const auto &vj = admin.jaarrekening_vorig_jaar) {
        if (fits(config, *vj)) {
            for (auto &p : config.posten) {
                const PostAmount *a = vj->find(p.code);
                p.vorig_jaar = a ? a->amount : Money();
            }
            warn_unknown(config, vj->posten, "the " + vj->description(), posten_where, diag);
            config.administratie_bronnen.push_back("Realisatie vorig jaar: " + vj->description() + ".");
        } else {
            ignored(config, *vj, posten_where, diag);
        }
    }
    if (const auto &b = admin.begroting) {
        if (!fits(config, *b)) {
            ignored(config, *b, posten_where, diag);
            return;
        }
        for (auto &p : config.posten) {
            const PostAmount *a = b->find(p.code);
            const Money primitief = a ? a->amount : Money();
            if (!(p.primitief == primitief))
                diag.warning(p.where, p.key_path + ".begroting_primitief",
                             "post '" + p.code + "': begroting primitief " + p.primitief.format_nl() +
                                 " in the config, " + primitief.format_nl() + " in the " + b->description() +
                                 "; the documents show the vastgestelde",
                             "a vastgestelde begroting changes only through a begrotingswijziging");
            p.primitief = p.na_wijziging = primitief;
        }
        warn_unknown(config, b->posten, "the " + b->description(), posten_where, diag);
        std::string bron = "Begroting: " + b->description();
        for (const auto &w : admin.wijzigingen) {
            for (const auto &change : w.posten) {
                const int i = config.find_post(change.code);
                if (i >= 0) config.posten[static_cast<std::size_t>(i)].na_wijziging += change.amount;
            }
            warn_unknown(config, w.posten, "begrotingswijziging " + std::to_string(w.nummer), posten_where, diag);
            bron += "; begrotingswijziging " + std::to_string(w.nummer) + " (besluit " + w.besluit + ", " + w.datum + ")";
        }
        config.administratie_bronnen.push_back(bron + ".");
    }
}

std::vector<PostFigures> post_figures(const Config &config) {
    std::vector<PostFigures> out;
    for (const auto &p : config.posten) out.push_back({p.code, p.naam, p.primitief, p.realisatie()});
    return out;
}

}  // namespace vhh::jaarverantwoording
