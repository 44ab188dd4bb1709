#include "config/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace vhh::host {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

/// "256 MiB", or bytes for a small figure.
std::string size_text(std::uint64_t bytes) {
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    if (bytes >= kMiB) return std::to_string(bytes / kMiB) + "." + std::to_string(bytes % kMiB * 10 / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

const char *file_type(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

/// Closes a descriptor when it goes out of scope.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string resolved(const std::string &path) {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf) == nullptr) return {};
    return buf;
}

}  // namespace

std::uint64_t input_size_limit(InputKind kind) {
    switch (kind) {
        case InputKind::config: return 16 * kMiB;
        case InputKind::settings_file: return 16 * kMiB;
        case InputKind::ledger: return 256 * kMiB;
        case InputKind::plugin_input: return 64 * kMiB;
        case InputKind::template_file: return 1 * kMiB;
        case InputKind::image: return 4 * kMiB;
    }
    return 16 * kMiB;
}

const char *input_kind_name(InputKind kind) {
    switch (kind) {
        case InputKind::config: return "config file";
        case InputKind::settings_file: return "settings file";
        case InputKind::ledger: return "ledger export";
        case InputKind::plugin_input: return "input file";
        case InputKind::template_file: return "template";
        case InputKind::image: return "image";
    }
    return "input file";
}

namespace {

/// "it is more than 256 MiB; a ledger export may be at most 256 MiB".
InputError too_large(InputKind kind, std::uint64_t size, bool at_least) {
    return InputError{ExitCode::data, "it is " + std::string(at_least ? "more than " : "") + size_text(size) +
                                          "; a " + input_kind_name(kind) + " may be at most " +
                                          size_text(input_size_limit(kind))};
}

/// Opens `path` for reading and checks it is a regular file within the kind's limit (by fstat);
/// -1 with `error` set otherwise.
int open_checked(const std::string &path, InputKind kind, struct stat &st, InputError &error) {
    Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) {
        error = {ExitCode::no_input, std::strerror(errno), true};
        return -1;
    }
    if (::fstat(f.fd, &st) != 0) {
        error = {ExitCode::no_input, std::strerror(errno)};
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        const std::string type = file_type(st.st_mode);
        error = {ExitCode::no_input,
                 type == "not a regular file" ? "it is " + type : "it is " + type + ", not a regular file"};
        return -1;
    }
    if (static_cast<std::uint64_t>(st.st_size) > input_size_limit(kind)) {
        error = too_large(kind, static_cast<std::uint64_t>(st.st_size), false);
        return -1;
    }
    const int fd = f.fd;
    f.fd = -1;
    return fd;
}

}  // namespace

std::unique_ptr<InputFileStream> InputFileStream::open(const std::string &path, InputKind kind,
                                                       const std::function<void(const char *, std::size_t)> &on_bytes,
                                                       InputError &error) {
    struct stat st {};
    const int fd = open_checked(path, kind, st, error);
    if (fd < 0) return nullptr;
    std::unique_ptr<InputFileStream> s(new InputFileStream(fd, path));
    const std::uint64_t limit = input_size_limit(kind);
    std::string piece(1 << 20, '\0');
    for (;;) {
        const ssize_t n = ::read(fd, piece.data(), piece.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            error = {ExitCode::no_input, std::strerror(errno)};
            return nullptr;
        }
        if (n == 0) break;
        s->size_ += static_cast<std::uint64_t>(n);
        if (s->size_ > limit) {  // it grew while being read
            error = too_large(kind, limit, true);
            return nullptr;
        }
        on_bytes(piece.data(), static_cast<std::size_t>(n));
    }
    s->rewind();
    return s;
}

InputFileStream::~InputFileStream() { ::close(fd_); }

void InputFileStream::rewind() {
    if (::lseek(fd_, 0, SEEK_SET) != 0)
        throw std::runtime_error("cannot read " + path_ + ": " + std::strerror(errno));
    pos_ = 0;
}

std::size_t InputFileStream::read(char *buffer, std::size_t size) {
    const std::uint64_t left = size_ - pos_;
    if (left < size) size = static_cast<std::size_t>(left);
    if (size == 0) return 0;
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error("cannot read " + path_ + ": " + std::strerror(errno));
        if (n == 0) throw std::runtime_error("cannot read " + path_ + ": it became shorter while being read");
        pos_ += static_cast<std::uint64_t>(n);
        return static_cast<std::size_t>(n);
    }
}

InputRead read_input_file(const std::string &path, InputKind kind) {
    InputRead r;
    struct stat st {};
    Fd f{open_checked(path, kind, st, r.error)};
    if (f.fd < 0) return r;
    const std::uint64_t limit = input_size_limit(kind);
    // Read the size fstat gave, then probe for more: a file that grew while being read is read on
    // (up to the limit), and one that did not is never copied to grow the buffer.
    r.value.resize(static_cast<std::size_t>(st.st_size));
    std::size_t have = 0;
    for (;;) {
        char probe[4096];
        const bool full = have == r.value.size();
        const ssize_t n =
            full ? ::read(f.fd, probe, sizeof probe) : ::read(f.fd, &r.value[have], r.value.size() - have);
        if (n < 0) {
            if (errno == EINTR) continue;
            r.value.clear();
            r.error = {ExitCode::no_input, std::strerror(errno)};
            return r;
        }
        if (n == 0) break;
        if (full) {
            r.value.append(probe, static_cast<std::size_t>(n));
            if (r.value.size() > limit) {  // it grew while being read
                r.value.clear();
                r.error = too_large(kind, limit, true);
                return r;
            }
        }
        have += static_cast<std::size_t>(n);
    }
    r.value.resize(have);
    return r;
}

InputScope scope_of_config(const std::string &config_path, bool allow_outside) {
    InputScope scope;
    scope.allow_outside = allow_outside;
    std::filesystem::path dir = std::filesystem::path(config_path).parent_path();
    scope.root = resolved(dir.empty() ? "." : dir.string());
    return scope;
}

InputScope scope_for(const std::string &config_path, const InputPolicy &policy) {
    if (policy.root.empty()) return scope_of_config(config_path, policy.allow_outside);
    return InputScope{policy.root, policy.allow_outside};
}

std::optional<std::string> outside_scope(const std::string &path, const InputScope &scope) {
    if (scope.allow_outside || scope.root.empty()) return std::nullopt;
    const std::string real = resolved(path);
    if (real.empty()) return std::nullopt;  // missing: the reader says so
    const std::string &root = scope.root;
    const bool under = real == root || (real.size() > root.size() && real.compare(0, root.size(), root) == 0 &&
                                        (root.back() == '/' || real[root.size()] == '/'));
    if (under) return std::nullopt;
    return "it is " + real + ", outside the config's folder " + root;  // (a province's folder in a province run)
}

std::string outside_scope_hint() {
    return "a config reads files from its own folder only; move the file there, or run with "
           "--allow-outside-inputs when the config and the file are trusted";
}

}  // namespace vhh::host
