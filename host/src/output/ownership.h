// Which files in an output directory vhh may remove: the files that a manifest.json written by
// vhh lists, as long as they are unchanged. vhh seals each manifest.json it writes ("seal": a
// SHA-256 over the files it lists, see manifest_seal), so a manifest.json of another program
// (a web build's, a hand-written one) never makes vhh remove anything. Files at every depth count.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace vhh::host {

/// One file as manifest.json lists it: a path relative to the output directory, size, SHA-256.
struct ListedFile {
    std::string name;
    std::uint64_t bytes = 0;
    std::string sha256;  ///< 64 lowercase hex digits
    std::string render_inputs;  ///< what the file was made from, when the manifest says (else "")
};

/// The "seal" vhh writes into its manifest.json: "sha256:" and the SHA-256 (hex) of the line
/// "vhh manifest 1" followed by one line "<name> <bytes> <sha256>" per listed file, in order.
std::string manifest_seal(const std::vector<ListedFile> &files);

/// The files DIR/manifest.json lists when vhh wrote it (program.name "vhh" and a seal that matches
/// its files); otherwise nullopt, and `why` (when given) says what is missing. The file is read
/// each time; what the same bytes said is remembered (a run reads its output directory's manifest
/// several times).
std::optional<std::vector<ListedFile>> read_own_manifest(const std::string &dir, std::string *why = nullptr);

/// An entry of an output directory that vhh may not remove.
struct ForeignEntry {
    std::string name;  ///< relative path, e.g. "zeeland/archief/2014.xlsx"
    std::string why;   ///< e.g. "which vhh did not write"
};

/// A file's device and inode: the file itself, whatever its names.
using FileIdentity = std::pair<std::uint64_t, std::uint64_t>;

/// The first entry of `dir` (at any depth, in name order) that is not vhh's own: not listed by
/// DIR/manifest.json of vhh, listed but changed (size or SHA-256), not a regular file or a folder
/// (a symlink, a FIFO), or a folder that holds no listed file. nullopt when everything is vhh's.
/// Digests come from sha256_hex_file_remembered (output/file_digest_cache.h).
std::optional<ForeignEntry> find_foreign_entry(const std::string &dir);

/// Removes from `dir` what find_foreign_entry would accept: the unchanged files its own
/// manifest.json lists, the manifest, then the folders left empty, and `dir` itself when empty.
/// A listed file of its listed size that is one of `kept` — linked into the set that replaced `dir`,
/// checked when it was linked — is removed without reading it again: removing this name of it
/// loses no bytes. Returns true when `dir` is gone; false when something else remained (it is kept).
bool remove_owned(const std::string &dir, const std::set<FileIdentity> &kept = {});

}  // namespace vhh::host
