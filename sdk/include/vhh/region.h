// The region a run is about: its gemeenten (keyed by CBS code) and boekjaar.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vhh/date.h"
#include "vhh/diagnostics.h"

namespace vhh {

/// A gemeente of the region. Keyed by its CBS code ("GM0687"), never by name.
struct Gemeente {
    std::string code;            ///< CBS code, kept as text
    std::string naam;            ///< name as the region writes it
    std::int64_t inwoners = 0;   ///< population at the region's peildatum
    std::string inwoners_bron;   ///< where the figure comes from (date, source)
    SourceLocation where;        ///< where the gemeente is declared in the config
    std::vector<std::string> voorgangers;  ///< CBS codes merged into this gemeente for this boekjaar
};

/// A herindeling: gemeenten `van` merged into `naar` on date `per` (e.g. Veghel GM0860 and
/// Sint-Oedenrode GM0846 into Meierijstad GM1948 on 2017-01-01).
struct Herindeling {
    Date per;                      ///< the day the new gemeente exists
    std::string naar;              ///< CBS code of the new gemeente
    std::string naam;              ///< its name
    std::vector<std::string> van;  ///< CBS codes of the gemeenten that merged
    SourceLocation where;          ///< where it is declared

    /// True when the new gemeente exists on 1 January of `boekjaar` (so for the whole year).
    bool in_force(int boekjaar) const { return per <= Date{boekjaar, 1, 1}; }
};

/// The region and boekjaar of a run, as the config declares them.
struct Region {
    std::string id;                    ///< short stable id, e.g. "zeeland"
    std::string naam;                  ///< display name, e.g. "Veiligheidshuis Zeeland"
    int boekjaar = 0;                  ///< the year the documents are about
    std::string centrumgemeente;       ///< CBS code of the centrumgemeente
    Date peildatum;                    ///< population reference date
    std::string bevolking_bron;        ///< source of the population figures
    bool bevolking_indicatief = false; ///< true when figures are indicative, to be replaced by CBS figures
    std::vector<Gemeente> gemeenten;   ///< in config order, after herindelingen in force in the boekjaar
    std::vector<Herindeling> herindelingen;  ///< every herindeling the config declares

    /// The herindeling in force in the boekjaar that merged `code` away, or nullptr.
    const Herindeling *merged_away(const std::string &code) const {
        for (const auto &h : herindelingen)
            if (h.in_force(boekjaar))
                for (const auto &v : h.van)
                    if (v == code) return &h;
        return nullptr;
    }

    /// The gemeente with this CBS code, or nullptr.
    const Gemeente *find(const std::string &code) const {
        for (const auto &g : gemeenten)
            if (g.code == code) return &g;
        return nullptr;
    }
};

}  // namespace vhh
