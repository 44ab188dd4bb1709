// Reading an input file in pieces: a ledger export of a million lines is read a buffer at a time,
// never held whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vhh {

/// The bytes of an input file, read in pieces from the start. The host gives an importer one for
/// the ledger export it imports (InputFile::stream); StringInputStream reads bytes held in memory.
class InputStream {
public:
    virtual ~InputStream() = default;
    /// Copies up to `size` of the next bytes into `buffer` and returns how many; 0 only at the end.
    /// Throws std::runtime_error when the file cannot be read.
    virtual std::size_t read(char *buffer, std::size_t size) = 0;
    /// Starts again at the first byte (a reader may read the file twice: once to check it, once to
    /// parse it). The bytes are the same on every pass.
    virtual void rewind() = 0;
};

/// An InputStream over bytes in memory (tests, InputFile::contents). The bytes must outlive it.
class StringInputStream : public InputStream {
public:
    /// A stream of `bytes`.
    explicit StringInputStream(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read(char *buffer, std::size_t size) override {
        const std::size_t n = bytes_.size() - pos_ < size ? bytes_.size() - pos_ : size;
        bytes_.copy(buffer, n, pos_);
        pos_ += n;
        return n;
    }
    void rewind() override { pos_ = 0; }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

}  // namespace vhh
