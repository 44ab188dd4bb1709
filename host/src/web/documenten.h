// The documents of the boekjaar in the controller's workspace (documenten.cpp) and how a
// document's file is sent (also by the raad portal).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/exchange.h"

namespace vhh::host::web {

/// One document as `vhh run` would write it: its files in every format the config chose.
struct GeneratedDocument {
    std::string name;      ///< the file stem
    std::string titel;     ///< its title
    std::string gemeente;  ///< a letter's gemeente (CBS code; "?" when unknown), "" for every raad
    int jaar = 0;          ///< the year it is about (begroting-2014: 2014), the boekjaar otherwise
    std::vector<std::pair<std::string, std::string>> bestanden;  ///< file name, bytes
};

/// Every document of the config's boekjaar, or why there are none.
struct GeneratedDocuments {
    int jaar = 0;
    std::vector<GeneratedDocument> documents;
    std::string fout;  ///< the run's errors when it could not produce documents
};

/// The documents as last generated; generated now when there are none yet or `fresh`.
std::shared_ptr<const GeneratedDocuments> generated_documents(const Context &ctx, bool fresh);

/// The template list of `files` (names first: bestand, formaat = its extension).
Data files_data(const std::vector<std::pair<std::string, std::string>> &files);

/// The bytes of the published file `name` of the region (read from the store) when the user may
/// read it (a raad user: every raad's documents and its own gemeente's letters), else nullopt.
std::optional<std::string> published_file(Exchange &x, const std::string &name);

/// Sends a document's file with its content type (PDF and HTML inline, others as download) and a
/// sandboxing Content-Security-Policy.
void send_file(Exchange &x, const std::string &name, const std::string &bytes);

}  // namespace vhh::host::web
