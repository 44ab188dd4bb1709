#include "output/output_set.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/JSON/Parser.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <set>

#include "output/sha256.h"

namespace vhh::host {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

void fsync_path(const std::string &path, bool directory) {
    int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw OutputError("cannot open " + path + " to flush it: " + errno_text());
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0) throw OutputError("cannot flush " + path + ": " + std::strerror(saved));
}

/// Files that an earlier vhh run lists in DIR/manifest.json (plus the manifest itself).
std::set<std::string> files_listed_in_manifest(const fs::path &dir) {
    std::set<std::string> listed;
    fs::path manifest = dir / "manifest.json";
    std::error_code ec;
    if (!fs::is_regular_file(manifest, ec)) return listed;
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(read_file_bytes(manifest.string())).extract<Poco::JSON::Object::Ptr>();
        auto files = root->getArray("files");
        if (!files) return listed;
        for (std::size_t i = 0; i < files->size(); ++i) {
            auto f = files->getObject(static_cast<unsigned>(i));
            if (f && f->has("name")) listed.insert(f->getValue<std::string>("name"));
        }
        listed.insert("manifest.json");
    } catch (...) {
        listed.clear();
    }
    return listed;
}

/// Removes staging directories of runs whose process is gone.
void remove_stale_staging(const fs::path &parent, const std::string &prefix) {
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(parent, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
        fs::remove_all(entry.path(), ec);
    }
}

}  // namespace

bool OutputSet::is_plain_file_name(const std::string &name) {
    if (name.empty() || name == "." || name == ".." || name.size() > 255) return false;
    for (unsigned char c : name)
        if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    return true;
}

OutputSet::OutputSet(std::string out_dir) : out_dir_(std::move(out_dir)) {
    if (out_dir_.empty()) throw OutputError("output directory is empty");
    fs::path out = fs::path(out_dir_);
    if (out.filename().empty()) out = out.parent_path();  // "out/" -> "out"
    std::error_code ec;
    fs::path absolute = fs::absolute(out, ec);
    if (ec) throw OutputError("cannot resolve output directory " + out_dir_ + ": " + ec.message());
    fs::path parent = absolute.parent_path();
    auto status = fs::status(absolute, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw OutputError("output path " + out_dir_ + " exists and is not a directory");
        std::set<std::string> ours = files_listed_in_manifest(absolute);
        for (const auto &entry : fs::directory_iterator(absolute, ec)) {
            std::string name = entry.path().filename().string();
            // A sub-directory is ours when the manifest lists files in it (a consolidation run).
            bool listed_dir = entry.is_directory() &&
                              std::any_of(ours.begin(), ours.end(), [&](const std::string &f) { return f.rfind(name + "/", 0) == 0; });
            if (!ours.count(name) && !listed_dir)
                throw OutputError("refusing to replace " + out_dir_ + ": it holds '" + name +
                                  "', which vhh did not write; choose an empty or new directory");
        }
        if (ec) throw OutputError("cannot read output directory " + out_dir_ + ": " + ec.message());
    } else if (!fs::is_directory(parent, ec)) {
        throw OutputError("cannot write to " + out_dir_ + ": parent directory " + parent.string() +
                          " does not exist or is not a directory");
    }
    std::string prefix = "." + absolute.filename().string() + ".vhh-staging-";
    remove_stale_staging(parent, prefix);
    staging_dir_ = (parent / (prefix + std::to_string(::getpid()))).string();
    fs::remove_all(staging_dir_, ec);
    if (::mkdir(staging_dir_.c_str(), 0755) != 0) {
        std::string why = errno_text();
        staging_dir_.clear();
        throw OutputError("cannot write to " + out_dir_ + ": cannot create a directory in " + parent.string() +
                          ": " + why);
    }
    out_dir_ = absolute.string();
}

OutputSet::~OutputSet() {
    if (!committed_ && !staging_dir_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_dir_, ec);
    }
}

bool OutputSet::is_safe_relative_name(const std::string &name) {
    auto slash = name.find('/');
    if (slash == std::string::npos) return is_plain_file_name(name);
    return is_plain_file_name(name.substr(0, slash)) && is_plain_file_name(name.substr(slash + 1));
}

std::string OutputSet::staging_path(const std::string &file_name) {
    if (!is_safe_relative_name(file_name))
        throw std::invalid_argument("unsafe output file name '" + file_name + "'");
    if (auto slash = file_name.find('/'); slash != std::string::npos) {
        std::error_code ec;
        fs::create_directories(fs::path(staging_dir_) / file_name.substr(0, slash), ec);
        if (ec) throw OutputError("cannot create " + file_name.substr(0, slash) + " in the staging directory: " + ec.message());
    }
    for (const auto &f : files_)
        if (f == file_name) throw std::invalid_argument("output file '" + file_name + "' is produced twice");
    files_.push_back(file_name);
    return (fs::path(staging_dir_) / file_name).string();
}

std::string OutputSet::staging_path_of(const std::string &file_name) const {
    return (fs::path(staging_dir_) / file_name).string();
}

void OutputSet::write_file(const std::string &file_name, const std::string &bytes) {
    std::string path = staging_path(file_name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError("cannot create " + path + ": " + errno_text());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw OutputError("cannot write " + path + ": " + errno_text());
    written_[file_name] = FileDigest{bytes.size(), sha256_hex(bytes)};
}

OutputSet::FileDigest OutputSet::digest(const std::string &file_name) const {
    if (auto it = written_.find(file_name); it != written_.end()) return it->second;
    const std::string bytes = read_file_bytes(staging_path_of(file_name));
    return FileDigest{bytes.size(), sha256_hex(bytes)};
}

void OutputSet::commit() {
    std::set<std::string> dirs;
    for (const auto &f : files_) {
        fsync_path((fs::path(staging_dir_) / f).string(), false);
        if (auto slash = f.find('/'); slash != std::string::npos) dirs.insert(f.substr(0, slash));
    }
    for (const auto &d : dirs) fsync_path((fs::path(staging_dir_) / d).string(), true);
    fsync_path(staging_dir_, true);
    std::error_code ec;
    bool exists = fs::exists(out_dir_, ec);
    if (exists) {
        if (::renameat2(AT_FDCWD, staging_dir_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) != 0)
            throw OutputError("cannot swap new documents into " + out_dir_ + ": " + errno_text());
        committed_ = true;
        fs::remove_all(staging_dir_, ec);  // now holds the previous contents
    } else {
        if (::rename(staging_dir_.c_str(), out_dir_.c_str()) != 0)
            throw OutputError("cannot move new documents to " + out_dir_ + ": " + errno_text());
        committed_ = true;
    }
    fsync_path(fs::path(out_dir_).parent_path().string(), true);
}

}  // namespace vhh::host
