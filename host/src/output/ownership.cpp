#include "output/ownership.h"

#include <sys/stat.h>
#include <unistd.h>

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "output/file_digest_cache.h"
#include "output/output_set.h"
#include "output/sha256.h"

namespace vhh::host {

namespace fs = std::filesystem;

namespace {

constexpr const char *kManifest = "manifest.json";

/// An entry of a directory tree: its path relative to the tree's root and its type (not following symlinks).
struct TreeEntry {
    std::string name;
    fs::file_type type;
};

/// Every entry below `dir`, in name order; throws OutputError when a folder cannot be read.
std::vector<TreeEntry> walk(const fs::path &dir) {
    std::vector<TreeEntry> entries;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code sec;
        const fs::file_type type = it->symlink_status(sec).type();
        entries.push_back({it->path().lexically_relative(dir).generic_string(), type});
    }
    if (ec) throw OutputError("cannot read " + dir.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end(), [](const TreeEntry &a, const TreeEntry &b) { return a.name < b.name; });
    return entries;
}

/// What DIR's own manifest says is vhh's: listed files by name and the folders that hold them.
struct Ownership {
    bool has_manifest = false;
    std::string why_not;  ///< why there is no own manifest
    std::map<std::string, ListedFile> files;
    std::set<std::string> folders;

    explicit Ownership(const fs::path &dir) {
        auto listed = read_own_manifest(dir.string(), &why_not);
        if (!listed) return;
        has_manifest = true;
        for (auto &f : *listed) {
            for (auto slash = f.name.find('/'); slash != std::string::npos; slash = f.name.find('/', slash + 1))
                folders.insert(f.name.substr(0, slash));
            files.emplace(f.name, f);
        }
    }

    /// Empty when `entry` (below `dir`) is vhh's own; otherwise why it is not. A listed file of
    /// the right size that is one of `kept` (its bytes live on under another name) needs no digest.
    std::string verdict(const fs::path &dir, const TreeEntry &entry, const std::set<FileIdentity> *kept = nullptr) const {
        if (entry.type == fs::file_type::directory)
            return folders.count(entry.name) ? "" : "a folder vhh did not write" + context();
        if (entry.type != fs::file_type::regular) return "which is not a file vhh wrote (a link or special file)";
        if (entry.name == kManifest && has_manifest) return "";
        auto found = files.find(entry.name);
        if (found == files.end()) return "which vhh did not write" + context();
        const fs::path path = dir / entry.name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != found->second.bytes)
            return "which was changed after vhh wrote it";
        if (kept && kept->count({st.st_dev, st.st_ino})) return "";
        try {
            if (sha256_hex_file_remembered(path.string()) != found->second.sha256)
                return "which was changed after vhh wrote it";
        } catch (const std::runtime_error &) {
            return "which vhh cannot read to compare with its manifest.json";
        }
        return "";
    }

    std::string context() const { return has_manifest ? "" : " (" + why_not + ")"; }
};

}  // namespace

std::string manifest_seal(const std::vector<ListedFile> &files) {
    std::string text = "vhh manifest 1\n";
    for (const auto &f : files) text += f.name + " " + std::to_string(f.bytes) + " " + f.sha256 + "\n";
    return "sha256:" + sha256_hex(text);
}

namespace {

/// What a manifest's bytes say: its files, or why it is not vhh's.
struct ManifestReading {
    std::optional<std::vector<ListedFile>> files;
    std::string why;
};

ManifestReading parse_manifest(const std::string &bytes) {
    std::vector<ListedFile> files;
    std::string seal;
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(bytes).extract<Poco::JSON::Object::Ptr>();
        auto program = root->getObject("program");
        if (!program || program->optValue<std::string>("name", "") != "vhh")
            return {std::nullopt, "its manifest.json was not written by vhh"};
        seal = root->optValue<std::string>("seal", "");
        auto list = root->getArray("files");
        if (!list || seal.empty()) return {std::nullopt, "its manifest.json has no seal of vhh"};
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto f = list->getObject(static_cast<unsigned>(i));
            if (!f) return {std::nullopt, "its manifest.json lists something that is not a file"};
            files.push_back({f->getValue<std::string>("name"), f->getValue<Poco::UInt64>("bytes"),
                             f->getValue<std::string>("sha256"), f->optValue<std::string>("render_inputs", "")});
        }
    } catch (const std::exception &) {
        return {std::nullopt, "its manifest.json is not one vhh wrote"};
    }
    if (manifest_seal(files) != seal) return {std::nullopt, "its manifest.json's seal does not match the files it lists"};
    return {std::move(files), ""};
}

std::mutex readings_mutex;
std::map<std::string, ManifestReading> readings;  ///< by the SHA-256 of the manifest's bytes

}  // namespace

std::optional<std::vector<ListedFile>> read_own_manifest(const std::string &dir, std::string *why) {
    auto fail = [&](const std::string &reason) {
        if (why) *why = reason;
        return std::nullopt;
    };
    const fs::path manifest = fs::path(dir) / kManifest;
    std::error_code ec;
    const auto status = fs::symlink_status(manifest, ec);
    if (!fs::exists(status)) return fail("there is no manifest.json of vhh");
    if (!fs::is_regular_file(status)) return fail("its manifest.json is not a file vhh wrote");
    std::string bytes;
    try {
        bytes = read_file_bytes(manifest.string());
    } catch (const std::exception &) {
        return fail("its manifest.json is not one vhh wrote");
    }
    const std::string key = sha256_hex(bytes);
    ManifestReading reading;
    {
        std::lock_guard<std::mutex> lock(readings_mutex);
        if (auto it = readings.find(key); it != readings.end()) reading = it->second;
    }
    if (!reading.files && reading.why.empty()) {
        reading = parse_manifest(bytes);
        std::lock_guard<std::mutex> lock(readings_mutex);
        if (readings.size() >= 8) readings.clear();  // a run reads one or two manifests
        readings.emplace(key, reading);
    }
    if (!reading.files) return fail(reading.why);
    return reading.files;
}

std::optional<ForeignEntry> find_foreign_entry(const std::string &dir) {
    const Ownership ownership{fs::path(dir)};
    for (const auto &entry : walk(dir)) {
        std::string why = ownership.verdict(dir, entry);
        if (!why.empty()) return ForeignEntry{entry.name, why};
    }
    return std::nullopt;
}

bool remove_owned(const std::string &dir, const std::set<FileIdentity> &kept) {
    std::vector<TreeEntry> entries;
    try {
        entries = walk(dir);
    } catch (const OutputError &) {
        return false;
    }
    const Ownership ownership{fs::path(dir)};
    bool manifest_is_own = false;
    for (const auto &entry : entries) {
        if (entry.type == fs::file_type::directory || !ownership.verdict(dir, entry, &kept).empty()) continue;
        if (entry.name == kManifest) manifest_is_own = true;
        else ::unlink((fs::path(dir) / entry.name).c_str());
    }
    if (manifest_is_own) ::unlink((fs::path(dir) / kManifest).c_str());
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)  // deepest first
        if (it->type == fs::file_type::directory && ownership.folders.count(it->name))
            ::rmdir((fs::path(dir) / it->name).c_str());
    return ::rmdir(dir.c_str()) == 0;
}

}  // namespace vhh::host
