#include "store/zienswijze_rules.h"

#include "store/administration.h"
#include "store/audit_log.h"
#include "store/seal.h"
#include "store/snapshot.h"
#include "store/store_commands.h"

namespace vhh::host::store {

std::vector<FieldProblem> zienswijze_field_problems(const std::string &jaar, const std::string &gemeente,
                                                    const std::string &ontvangen, const std::string &samenvatting) {
    std::vector<FieldProblem> out;
    if (jaar.empty()) out.push_back({"jaar", "--jaar is missing: the begrotingsjaar"});
    else if (auto p = year_and_date_problem(jaar, "", ""); !p.empty()) out.push_back({"jaar", p});
    if (gemeente.empty()) out.push_back({"gemeente", "--gemeente is missing: the CBS code of the gemeente"});
    if (ontvangen.empty()) out.push_back({"ontvangen", "--ontvangen is missing: the date YYYY-MM-DD it was received"});
    else if (auto p = year_and_date_problem("2000", "ontvangen", ontvangen); !p.empty()) out.push_back({"ontvangen", p});
    if (samenvatting.find_first_not_of(" \t\r\n") == std::string::npos)
        out.push_back({"samenvatting", "--samenvatting is empty: summarise the zienswijze"});
    return out;
}

const Gemeente *zienswijze_gemeente(const Region &region, const std::string &code, const std::string &jaar,
                                    std::string &problem) {
    for (const auto &candidate : region.gemeenten)
        if (candidate.code == code) return &candidate;
    std::string codes;
    for (const auto &candidate : region.gemeenten) codes += (codes.empty() ? "" : ", ") + candidate.code;
    problem = "--gemeente " + code + " is not a gemeente of " + region.id + " in " + jaar + " (its gemeenten: " + codes + ")";
    return nullptr;
}

std::optional<std::string> zienswijze_store_problem(Store &store, const std::string &regio, int jaar, int nummer) {
    const std::string j = std::to_string(jaar);
    if (nummer == 0) {
        if (auto b = find_vaststelling(store, regio, "begroting", jaar))
            return "the begroting " + j + " of " + regio + " is already vastgesteld on " + b->datum +
                   ": a zienswijze on its ontwerp comes too late";
        return std::nullopt;
    }
    for (const auto &w : find_wijzigingen(store, regio, jaar))
        if (w.nummer == nummer) return std::nullopt;
    return "the store holds no begrotingswijziging " + std::to_string(nummer) + " of " + j + " of " + regio;
}

void record_zienswijze_logged(Store &store, const ZienswijzeInput &z, const std::string &door) {
    const std::string seal = record_zienswijze(store, z);
    append_log(store, door, "zienswijze",
               z.regio + " " + std::to_string(z.jaar) + " " + z.onderwerp + " " + z.gemeente + " ontvangen " +
                   z.ontvangen + seal_text(seal));
}

std::vector<FieldProblem> reactie_field_problems(const std::string &jaar, const std::string &datum,
                                                 const std::string &reactie) {
    std::vector<FieldProblem> out;
    if (auto p = year_and_date_problem(jaar, "", ""); !p.empty()) out.push_back({"jaar", p});
    if (datum.empty()) out.push_back({"datum", "--datum is missing: the date YYYY-MM-DD of the reaction"});
    else if (auto p = year_and_date_problem("2000", "datum", datum); !p.empty()) out.push_back({"datum", p});
    if (reactie.find_first_not_of(" \t\r\n") == std::string::npos) out.push_back({"reactie", "--reactie is empty"});
    return out;
}

StoredZienswijze zienswijze_to_answer(Store &store, const std::string &regio, int jaar, const std::string &onderwerp,
                                      const std::string &gemeente, const std::string &datum) {
    for (auto &z : find_zienswijzen(store, regio, jaar)) {
        if (z.gemeente != gemeente || z.onderwerp != onderwerp) continue;
        if (datum < z.ontvangen)
            throw StoreError(vhh::ExitCode::data,
                             "--datum " + datum + " is before the zienswijze was received (" + z.ontvangen + ")");
        return z;
    }
    throw StoreError(vhh::ExitCode::data, "the store holds no zienswijze of " + gemeente + " on the " + onderwerp + " " +
                                              std::to_string(jaar) + " of " + regio);
}

void record_reactie_logged(Store &store, const std::string &regio, int jaar, const StoredZienswijze &z,
                           const std::string &datum, const std::string &reactie, const std::string &door) {
    const std::string seal = record_reactie(store, z, datum, reactie);
    append_log(store, door, "zienswijze reactie",
               regio + " " + std::to_string(jaar) + " " + z.onderwerp + " " + z.gemeente + " datum " + datum +
                   seal_text(seal));
}

}  // namespace vhh::host::store
