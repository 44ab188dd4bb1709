// The rules a zienswijze must meet before it is recorded, shared by `vhh zienswijze` and the
// dashboard's form of `vhh serve`: the same checks, the same messages, each at its field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/zienswijze.h"
#include "vhh/region.h"

namespace vhh::host::store {

/// A problem with one field of a zienswijze: the field's name (its option without "--") and
/// the message `vhh zienswijze` prints.
struct FieldProblem {
    std::string veld;
    std::string melding;
};

/// The problems of the text fields (jaar, ontvangen, samenvatting) as given; empty when they hold.
/// A missing field is a problem of that field.
std::vector<FieldProblem> zienswijze_field_problems(const std::string &jaar, const std::string &gemeente,
                                                    const std::string &ontvangen, const std::string &samenvatting);

/// The gemeente `code` of `region`, or nullptr with `problem` set (it names the region's gemeenten).
const Gemeente *zienswijze_gemeente(const Region &region, const std::string &code, const std::string &jaar,
                                    std::string &problem);

/// Why the store refuses a zienswijze on `nummer` (0: the ontwerpbegroting) of `jaar` now: the
/// begroting is already vastgesteld, or no such begrotingswijziging; nullopt when it may be recorded
/// (inside the transaction that records it).
std::optional<std::string> zienswijze_store_problem(Store &store, const std::string &regio, int jaar, int nummer);

/// Records `z` (record_zienswijze) with its audit log entry by `door`, in the open write transaction.
void record_zienswijze_logged(Store &store, const ZienswijzeInput &z, const std::string &door);

/// The problems of a reaction's text fields (jaar, datum, reactie) as given; empty when they hold.
std::vector<FieldProblem> reactie_field_problems(const std::string &jaar, const std::string &datum,
                                                 const std::string &reactie);

/// The zienswijze of `gemeente` on `onderwerp` that a reaction answers, with `datum` not before it
/// was received (inside the transaction that records it); a StoreError (65) otherwise.
StoredZienswijze zienswijze_to_answer(Store &store, const std::string &regio, int jaar, const std::string &onderwerp,
                                      const std::string &gemeente, const std::string &datum);

/// Records the reaction (record_reactie) with its audit log entry by `door`, in the open write
/// transaction.
void record_reactie_logged(Store &store, const std::string &regio, int jaar, const StoredZienswijze &z,
                           const std::string &datum, const std::string &reactie, const std::string &door);

}  // namespace vhh::host::store
