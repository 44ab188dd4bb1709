// A temporary folder for the test kit's helpers (render.cpp, region.cpp); not installed.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace vhh::testing {

/// A fresh folder under $TMPDIR (else /tmp), removed with everything in it when this goes.
class TemporaryFolder {
public:
    TemporaryFolder() {
        const char *tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/vhh-kit-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
        path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder &) = delete;
    TemporaryFolder &operator=(const TemporaryFolder &) = delete;
    /// The folder's path.
    const std::string &path() const { return path_; }

private:
    std::string path_;
};

}  // namespace vhh::testing
