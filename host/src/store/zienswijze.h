// The zienswijze procedure: a raad's zienswijze on the ontwerpbegroting (or on a begrotingswijziging)
// with its optional attachment (stored once, by sha256), and the dagelijks bestuur's reaction. A
// begroting is not vastgesteld while a zienswijze on it has no reaction. Each record is sealed and
// its seal named in its audit log entry (store/seal.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace vhh::host::store {

/// What a zienswijze is about: "ontwerpbegroting" or "wijziging N".
std::string zienswijze_onderwerp(int wijziging_nummer);

/// A zienswijze to record.
struct ZienswijzeInput {
    std::string regio;
    int jaar = 0;              ///< the begrotingsjaar
    std::string onderwerp;     ///< zienswijze_onderwerp()
    std::string gemeente, gemeente_naam;
    std::string ontvangen;     ///< YYYY-MM-DD
    std::string samenvatting;
    std::string bijlage_naam;  ///< the attachment's file name ("" when none)
    std::string bijlage;       ///< its bytes
};

/// A zienswijze as the store holds it, with its reaction when there is one.
struct StoredZienswijze {
    std::int64_t id = 0;
    std::string onderwerp, gemeente, gemeente_naam, ontvangen, samenvatting, bijlage_naam, bijlage_sha256, sha256;
    std::optional<std::string> reactie_datum, reactie;
};

/// Stores `bytes` once in the table bijlagen (in the open write transaction); returns their sha256.
std::string store_bijlage(Store &store, const std::string &bytes);
/// The bytes of bijlage `sha256`, or nullopt when the store has none with it.
std::optional<std::string> read_bijlage(Store &store, const std::string &sha256);

/// The zienswijzen of `regio` and `jaar` (all onderwerpen), by id.
std::vector<StoredZienswijze> find_zienswijzen(Store &store, const std::string &regio, int jaar);

/// Records `z` in the open write transaction and returns its seal; the attachment is stored once by
/// its sha256. A second zienswijze of the same gemeente on the same onderwerp is refused (65). The
/// audit log entry (naming the seal) is the caller's.
std::string record_zienswijze(Store &store, const ZienswijzeInput &z);

/// Records the dagelijks bestuur's reaction to zienswijze `id` and returns its seal. A second
/// reaction is refused (65): a reaction is never replaced.
std::string record_reactie(Store &store, const StoredZienswijze &z, const std::string &datum, const std::string &reactie);

/// The zienswijzen on the ontwerpbegroting of `regio` and `jaar` that have no reaction yet.
std::vector<StoredZienswijze> unanswered_zienswijzen(Store &store, const std::string &regio, int jaar);

/// "GM0654 Borsele (ontvangen 2013-06-20), …": the gemeenten of `list`.
std::string gemeenten_text(const std::vector<StoredZienswijze> &list);

/// The first zienswijze, reactie or bijlage whose content does not match its seal (or its sha256),
/// or whose seal no audit log entry names; nullopt when all hold.
std::optional<std::string> verify_zienswijzen(Store &store);

/// The zienswijzen of a year as a table or JSON (`vhh zienswijze lijst`).
std::string zienswijzen_text(const std::vector<StoredZienswijze> &list, int jaar, const std::string &format);

}  // namespace vhh::host::store
