// Publication to the raad portal and the technische vragen on published documents (migration 7).
// A controller publishes a document of a year (every format it was rendered in); its bytes are kept
// in the store (bijlagen, by sha256), so the portal serves what was published even after the config
// changes, and every `vhh serve` process on one store serves the same. A raad account asks a question
// on a published document (a section optional); the controller answers it, and the answer is shown
// with the question. Every change is one audit log entry naming the user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace vhh::host::store {

/// A published document with its files.
struct Publicatie {
    std::int64_t id = 0;
    std::string regio;
    int jaar = 0;
    std::string document;  ///< the file stem: "jaarverantwoording-2013", "raadsbrief-2013-borsele"
    std::string gemeente;  ///< the CBS code of the gemeente a letter is for; "" for every raad
    std::string door, op;  ///< who published it, when (UTC)
    std::vector<std::pair<std::string, std::string>> bestanden;  ///< file name, sha256
};

/// Publishes `document` of `jaar` with its `files` (name, bytes) in the open write transaction and
/// appends the audit entry. A document is published once: a second time is refused (65).
void publish_document(Store &store, const std::string &regio, int jaar, const std::string &document,
                      const std::string &gemeente, const std::vector<std::pair<std::string, std::string>> &files,
                      const std::string &door);

/// Every publication of `regio`, newest year first, then by document name.
std::vector<Publicatie> find_publicaties(Store &store, const std::string &regio);

/// The publication of `document`, or nullopt.
std::optional<Publicatie> find_publicatie(Store &store, const std::string &regio, const std::string &document);

/// True when a user of role raad for `gemeente` may read `p` (a letter only for its own gemeente).
bool raad_may_read(const Publicatie &p, const std::string &gemeente);

/// A technische vraag and, once given, its answer.
struct Vraag {
    std::int64_t id = 0, publicatie_id = 0;
    std::string sectie, gemeente, vrager, gesteld, vraag;
    std::string antwoord, beantwoorder, beantwoord;  ///< "" until answered
    int versie = 0;                                 ///< 1 when asked, 2 once answered
};

/// The problem of a question's text or section as the form shows it at its field, or "".
std::string vraag_problem(const std::string &vraag);
std::string sectie_problem(const std::string &sectie);

/// Records a question of `vrager` (a raad account of `gemeente`) on publication `p` and appends the
/// audit entry; returns its id.
std::int64_t ask_vraag(Store &store, const Publicatie &p, const std::string &sectie, const std::string &gemeente,
                       const std::string &vrager, const std::string &vraag);

/// Answers question `id` as it was at `versie` (what the controller's form showed). A question that
/// changed since (answered by someone else) is refused with VraagConflict: never overwritten.
void answer_vraag(Store &store, std::int64_t id, int versie, const std::string &antwoord, const std::string &door);

/// The question changed since the form was shown (optimistic locking).
struct VraagConflict : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The questions on publication `publicatie_id`, by id.
std::vector<Vraag> find_vragen(Store &store, std::int64_t publicatie_id);

}  // namespace vhh::host::store
