#include "jaarrekening.h"

#include <algorithm>

#include "vhh/text.h"

namespace vhh::jaarverantwoording {

Bedragen &Bedragen::operator+=(const Bedragen &o) {
    vorig_jaar += o.vorig_jaar;
    primitief += o.primitief;
    na_wijziging += o.na_wijziging;
    realisatie += o.realisatie;
    return *this;
}

Bedragen operator-(Bedragen a, const Bedragen &b) {
    a.vorig_jaar -= b.vorig_jaar;
    a.primitief -= b.primitief;
    a.na_wijziging -= b.na_wijziging;
    a.realisatie -= b.realisatie;
    return a;
}

Bedragen Jaarrekening::bedragen(const Post &p) const {
    return {p.vorig_jaar.value_or(Money()), p.primitief, p.na_wijziging, p.realisatie()};
}

namespace {

std::string drempel_text(const Drempel &d) {
    return "more than " + format_percentage_nl(d.percentage_ppm) + (d.beide ? " and " : " or ") + "more than " +
           d.bedrag.format_nl();
}

/// Books every contribution line on the baten post that names its source (see the file comment).
void boek_lijnen(Config &c, const std::vector<ContributionLine> &lines, const SourceLocation &posten_where) {
    for (const auto &l : lines) {
        int owner = -1;
        for (std::size_t i = 0; i < c.posten.size() && owner < 0; ++i)
            for (const auto &src : c.posten[i].lijnen)
                if (src == l.source) owner = static_cast<int>(i);
        if (owner < 0) {
            if (l.source == kAfrekeningBron) continue;
            const std::string code = "niet-begroot-" + l.source;
            owner = c.find_post(code);
            if (owner < 0) {
                Post p;
                p.code = code;
                p.naam = "Overige baten: " + l.source + " (niet begroot)";
                p.soort = Soort::baten;
                p.categorie = "overige_baten";
                p.lijnen = {l.source};
                p.niet_begroot = true;
                p.where = posten_where;
                p.key_path = c.key("posten");
                // Keep baten together: insert after the last baten post.
                std::size_t at = 0;
                for (std::size_t i = 0; i < c.posten.size(); ++i)
                    if (c.posten[i].soort == Soort::baten) at = i + 1;
                c.posten.insert(c.posten.begin() + static_cast<std::ptrdiff_t>(at), p);
                owner = static_cast<int>(at);
            }
        }
        c.posten[owner].uit_lijnen += l.amount;
        c.posten[owner].lijnen_aantal += 1;
    }
}

void bereken_afrekening(Jaarrekening &j, const Region &region, const std::vector<ContributionLine> &lines,
                        const SourceLocation &where, Diagnostics &diag) {
    const Config &c = j.config;
    bool any_afrekening = false;
    for (const auto &l : lines)
        if (l.source == kAfrekeningBron) any_afrekening = true;
    for (const auto &l : lines)
        if (l.source == kAfrekeningBron)
            for (const auto &p : c.posten)
                for (const auto &src : p.lijnen)
                    if (src == kAfrekeningBron) any_afrekening = false;  // booked as baten: not a settlement
    j.afrekening_uit_lijnen = any_afrekening;

    Money totaal_voorlopig;
    for (const auto &g : region.gemeenten) {
        Afrekening a;
        a.code = g.code;
        a.naam = g.naam;
        for (const auto &l : lines) {
            if (l.payer_id != g.code) continue;
            if (l.source == c.verdeelsleutel_bron) a.voorlopig += l.amount;
            if (any_afrekening && l.source == kAfrekeningBron) {
                a.afrekening += l.amount;
                a.grondslag = l.basis;
            }
        }
        totaal_voorlopig += a.voorlopig;
        j.afrekening.push_back(std::move(a));
    }
    for (auto &a : j.afrekening)
        if (totaal_voorlopig.in_cents() > 0 && a.voorlopig.in_cents() > 0) {
            const __int128 num = static_cast<__int128>(a.voorlopig.in_cents()) * 1000000;
            a.sleutel_ppm = static_cast<std::int64_t>((2 * num + totaal_voorlopig.in_cents()) /
                                                      (2 * static_cast<__int128>(totaal_voorlopig.in_cents())));
        }
    const Money resultaat = j.resultaat.realisatie;
    if (any_afrekening) {
        Money som;
        for (auto &a : j.afrekening) {
            a.aandeel = -a.afrekening;
            som += a.aandeel;
        }
        j.afrekening_verschil = resultaat - som;
        if (som != resultaat)
            diag.warning(where, c.key("posten"),
                         "the afrekening lines in the bijdragen divide " + som.format_nl() +
                             ", but the resultaat of the jaarverantwoording is " + resultaat.format_nl(),
                         "set afrekening_resultaat of the financing plugin to the resultaat");
        return;
    }
    if (resultaat.in_cents() == 0) {
        for (auto &a : j.afrekening) a.grondslag = "geen resultaat te verdelen";
        return;
    }
    std::vector<std::int64_t> weights;
    bool any = false;
    for (const auto &a : j.afrekening) {
        weights.push_back(std::max<std::int64_t>(0, a.voorlopig.in_cents()));
        any = any || weights.back() > 0;
    }
    if (!any) {
        j.afrekening_verdeeld = false;
        diag.warning(where, c.key("verdeelsleutel_bron"),
                     "the resultaat of " + resultaat.format_nl() + " cannot be divided: no gemeente has lines of source '" +
                         c.verdeelsleutel_bron + "'",
                     "configure the financing plugin of that source, or set verdeelsleutel_bron");
        for (auto &a : j.afrekening) a.grondslag = "niet verdeeld: geen verdeelsleutel";
        return;
    }
    const bool tekort = resultaat.in_cents() < 0;
    const Money magnitude = tekort ? -resultaat : resultaat;
    const auto parts = allocate_largest_remainder(magnitude, weights);
    for (std::size_t i = 0; i < j.afrekening.size(); ++i) {
        Afrekening &a = j.afrekening[i];
        a.aandeel = tekort ? -parts[i].amount : parts[i].amount;
        a.afrekening = -a.aandeel;
        a.grondslag = percentage_nl_2(a.sleutel_ppm) + " van " + resultaat.format_nl() + " (sleutel: " +
                      c.verdeelsleutel_bron + " " + a.voorlopig.format_nl() + " van " + totaal_voorlopig.format_nl() +
                      ")" + (parts[i].received_remainder ? ", + € 0,01 restverdeling" : "");
    }
}

}  // namespace

Jaarrekening bereken(Config config, const Region &region, const std::vector<ContributionLine> &lines,
                     const std::optional<Grootboek> &grootboek, const std::optional<Grootboek> &vorig,
                     std::optional<Indicatoren> indicatoren, const SourceLocation &posten_where, Diagnostics &diag) {
    Jaarrekening j;
    boek_lijnen(config, lines, posten_where);
    for (auto &p : config.posten) {
        if (grootboek) {
            auto it = grootboek->per_post.find(p.code);
            if (it != grootboek->per_post.end()) p.uit_grootboek = it->second;
            auto n = grootboek->aantal.find(p.code);
            if (n != grootboek->aantal.end()) p.boekingen = n->second;
        }
        if (vorig && !p.vorig_jaar && p.lijnen.empty()) {
            auto it = vorig->per_post.find(p.code);
            p.vorig_jaar = it == vorig->per_post.end() ? Money() : it->second;
        }
    }
    j.config = std::move(config);
    const Config &c = j.config;
    for (std::size_t i = 0; i < c.posten.size(); ++i) {
        const Post &p = c.posten[i];
        (p.soort == Soort::baten ? j.baten : j.lasten).push_back(static_cast<int>(i));
        if (p.vorig_jaar) j.met_vorig_jaar = true;
        (p.soort == Soort::baten ? j.baten_totaal : j.lasten_totaal) += j.bedragen(p);
    }
    j.saldo = j.baten_totaal - j.lasten_totaal;
    for (const auto &r : c.reserves) {
        j.toevoegingen += r.toevoeging;
        j.onttrekkingen += r.onttrekking;
        j.begroot_toevoegingen += r.begroot_toevoeging;
        j.begroot_onttrekkingen += r.begroot_onttrekking;
        if (r.weerstand) j.beschikbaar += r.eind();
    }
    // The resultaat na bestemming: the saldo minus toevoegingen plus onttrekkingen, in the begroting
    // columns with the budgeted mutations and in the realisatie with the realised ones.
    j.resultaat = j.saldo;
    j.resultaat.primitief = j.saldo.primitief - j.begroot_toevoegingen + j.begroot_onttrekkingen;
    j.resultaat.na_wijziging = j.saldo.na_wijziging - j.begroot_toevoegingen + j.begroot_onttrekkingen;
    j.resultaat.realisatie = j.saldo.realisatie - j.toevoegingen + j.onttrekkingen;
    for (const auto &r : c.risicos) j.benodigd += r.benodigd();
    j.weerstand = weerstandsvermogen(j.beschikbaar, j.benodigd);

    // Variances that need a toelichting.
    for (const auto &p : c.posten) {
        const bool boven = boven_drempel(p.verschil(), p.na_wijziging, c.drempel);
        j.boven_drempel.push_back(boven);
        if (boven && p.toelichting.empty()) {
            const std::string vn = voordelig_nadelig(p.soort, p.verschil());
            diag.warning(p.where, p.key_path + ".toelichting",
                         "post '" + p.code + "' (" + p.naam + "): verschil " + p.verschil().format_nl() + " " + vn +
                             " is " + drempel_text(c.drempel) + ", but has no toelichting",
                         "add 'toelichting:' to the post; the documents say 'toelichting ontbreekt'");
        }
    }

    bereken_afrekening(j, region, lines, posten_where, diag);

    if (indicatoren) {
        j.onderdrukking = suppress(indicatoren->per_thema, indicatoren->met_niveau ? &indicatoren->per_niveau : nullptr,
                                   c.minimum);
        if (!j.onderdrukking.strict)
            diag.warning(c.indicatoren ? c.indicatoren->where : posten_where, c.key("minimum_celwaarde"),
                         "some suppressed counts can be narrowed down to a single value by a reader who knows that "
                         "'<" + std::to_string(c.minimum) + "' means 1 to " + std::to_string(c.minimum - 1) +
                             " (every suppressed count still has more than one value given the published figures)",
                         "a higher minimum_celwaarde protects more (minimum 2 can never be strict: '<2' means 1)");
        j.indicatoren = std::move(indicatoren);
    }
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto &g : region.gemeenten) names.emplace_back(g.naam, g.code);
    j.slugs = unique_slugs(names);
    return j;
}

}  // namespace vhh::jaarverantwoording
