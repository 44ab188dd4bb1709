#include "resultaatbestemming.h"

namespace vhh::jaarverantwoording {

std::string resultaatbestemming_voorstel(const Jaarrekening &j, int year) {
    const Money r = j.resultaat.realisatie;
    const std::string jaar = std::to_string(year);
    if (r.in_cents() == 0)
        return "Het resultaat " + jaar + " is nihil: er is niets te bestemmen.";
    const bool voordelig = r.in_cents() > 0;
    const Money bedrag = voordelig ? r : -r;
    const std::string wat = std::string("het ") + (voordelig ? "voordelige" : "nadelige") + " resultaat " + jaar +
                            " van " + bedrag.format_nl();
    // The afrekening divides the resultaat over the gemeenten (afrekening_section): the proposal follows it.
    if (!j.afrekening.empty() && j.afrekening_verdeeld) {
        std::string s = "Het dagelijks bestuur stelt het algemeen bestuur voor " + wat +
                        (voordelig ? " terug te betalen aan de gemeenten" : " door de gemeenten te laten bijbetalen") +
                        ", ieder naar zijn aandeel volgens de verdeelsleutel (zie Bijdragen per gemeente).";
        if (j.afrekening_verschil.in_cents() != 0)
            s += " Het deel dat niet met de gemeenten wordt verrekend (" + j.afrekening_verschil.format_nl() +
                 ") bestemt het algemeen bestuur afzonderlijk.";
        return s;
    }
    for (const Reserve &res : j.config.reserves) {
        if (!res.weerstand) continue;
        std::string s = "Het dagelijks bestuur stelt het algemeen bestuur voor " + wat +
                        (voordelig ? " toe te voegen aan de " : " te onttrekken aan de ") + res.naam + " (" +
                        res.code + "), die daarna " + (voordelig ? res.eind() + bedrag : res.eind() - bedrag).format_nl() +
                        " bedraagt.";
        if (!voordelig && res.eind() < bedrag)
            s += " De " + res.naam + " (" + res.eind().format_nl() +
                 " per 31 december) is daarvoor niet toereikend: het tekort moet op een andere manier worden gedekt.";
        return s;
    }
    return "Het dagelijks bestuur legt de bestemming van " + wat +
           " voor aan het algemeen bestuur: er is geen afrekening met de gemeenten en geen reserve die het kan "
           "opvangen.";
}

doc::Section resultaatbestemming_section(const Jaarrekening &j, int year) {
    return {"Voorstel resultaatbestemming", {doc::Paragraph{resultaatbestemming_voorstel(j, year)}}, {}};
}

}  // namespace vhh::jaarverantwoording
