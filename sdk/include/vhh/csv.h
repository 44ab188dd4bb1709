// Reading CSV as financial systems write it: ';' separated, optional UTF-8 BOM, quoted
// fields, Dutch amounts ("1.234,56", "-1.234,56") and dates ("31-12-2015").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vhh/input.h"
#include "vhh/money.h"

namespace vhh {

/// One field of a CSV record with the 1-based column where it starts.
struct CsvField {
    std::string text;  ///< unquoted text
    int column = 1;    ///< 1-based column (in bytes) of the field's first character
};

/// One record of a CSV file with the 1-based line where it starts.
struct CsvRecord {
    int line = 1;                   ///< 1-based line of the record
    std::vector<CsvField> fields;   ///< the fields in order
};

/// A CSV syntax problem (an unterminated quote, text after a closing quote).
struct CsvError {
    int line = 1;
    int column = 1;
    std::string message;
};

/// Result of parsing: the records (empty lines skipped) and any syntax errors.
struct CsvTable {
    std::vector<CsvRecord> records;
    std::vector<CsvError> errors;
};

/// One field of a record read by CsvReader: a view that stays valid until the reader's next
/// call to next() (it points into the text, or into the reader for a quoted field with "" in it).
struct CsvFieldView {
    std::string_view text;  ///< unquoted text
    int column = 1;         ///< 1-based column (in bytes) of the field's first character
};

/// One record read by CsvReader. Reuse one object for every call, so that its field vector keeps
/// its capacity.
struct CsvRecordView {
    int line = 1;                       ///< 1-based line of the record
    std::vector<CsvFieldView> fields;   ///< the fields in order
};

/// Reads CSV text one record at a time, without copying fields: the streaming form of parse_csv
/// (same syntax, same records, same errors), for files of a million lines. It reads text held
/// whole (which must outlive the reader) or an InputStream a piece at a time: then it holds one
/// buffer of about kPiece bytes (more only for a record longer than that), whatever the file's size.
class CsvReader {
public:
    /// Bytes read from an InputStream at a time.
    static constexpr std::size_t kPiece = 1 << 20;

    /// A reader of `text` with fields separated by `separator`. Text that is not UTF-8 (or is
    /// UTF-16, or holds a NUL byte) gives one error and no records.
    explicit CsvReader(std::string_view text, char separator = ';');

    /// A reader of the bytes of `source` (which must outlive the reader), read in pieces: the
    /// constructor reads it once to check the encoding (the same one error and no records as for
    /// text), rewinds it, and next() reads it `piece` bytes at a time (tests use tiny pieces).
    /// Throws what `source` throws.
    explicit CsvReader(InputStream &source, char separator = ';', std::size_t piece = kPiece);

    /// Reads the next record that has content (empty lines are skipped) into `record`; false at
    /// the end of the text. Syntax errors of the record are added to errors() first.
    bool next(CsvRecordView &record);

    /// The syntax errors found so far, in the order of the text: all of them once next() has
    /// returned false.
    const std::vector<CsvError> &errors() const { return errors_; }

    /// The number of line ends ('\n') in the text; there are at most one more records (the last
    /// line may lack its line end). For reserving.
    std::size_t line_ends() const;

private:
    int column_of(std::size_t pos) const { return static_cast<int>(pos - line_start_) + 1; }
    /// Reads the next piece of the stream behind what is left unread (kept from pos_ on); false
    /// at the end of the stream.
    bool refill();
    /// Reads one record (which may be blank) starting at `i` into `record`, leaving `i` after it;
    /// true when it has content.
    bool read_record(CsvRecordView &record, std::size_t &i);
    /// The encoding pass over a stream: sets the one error of a file that is not UTF-8 text.
    void check_stream();

    InputStream *source_ = nullptr;  // the stream read in pieces (nullptr: text_ is the whole text)
    bool at_end_ = true;             // no more bytes after text_
    bool skip_bom_ = false;          // the stream starts with a UTF-8 BOM, skipped at the first piece
    std::size_t line_ends_ = 0;      // of a stream, counted by check_stream
    std::size_t piece_ = kPiece;     // bytes read from the stream at a time
    std::string buffer_;             // a stream's current piece: text_ views it
    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;         // next byte to read
    int line_ = 1;                // line of pos_
    std::size_t line_start_ = 0;  // offset of the first byte of line_ (after a BOM on line 1)
    std::size_t width_ = 0;       // fields of the previous record: most records have as many
    std::string unescaped_;       // quoted fields with "" in them, of the current record
    /// A field of the current record whose text is in unescaped_ (its view is made at the end of
    /// the record, once unescaped_ no longer grows).
    struct Unescaped {
        std::size_t field, offset, size;
    };
    std::vector<Unescaped> pending_;
    std::vector<CsvError> errors_;
};

/// Parses CSV text. A leading UTF-8 BOM is skipped; lines end in \n or \r\n; fields are
/// separated by `separator`; a field may be quoted with '"' ("" inside is one quote, and
/// may span lines). Parsing goes on after an error so that every error is reported. Text that
/// is not UTF-8 (or is UTF-16, or holds a NUL byte) gives one located error and no records. Every field is copied;
/// CsvReader reads the same records without copies.
CsvTable parse_csv(std::string_view text, char separator = ';');

/// Parses a Dutch amount: "1.234,56", "-1.234,56", "1234,56", "1234", "0,5" (at most two
/// decimals; '.' only as thousands separator in groups of three). Nothing otherwise.
std::optional<Money> parse_amount_nl(std::string_view text);

}  // namespace vhh
