// Reading CSV as financial systems write it: ';' separated, optional UTF-8 BOM, quoted
// fields, Dutch amounts ("1.234,56", "-1.234,56") and dates ("31-12-2015").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Parses CSV text. A leading UTF-8 BOM is skipped; lines end in \n or \r\n; fields are
/// separated by `separator`; a field may be quoted with '"' ("" inside is one quote, and
/// may span lines). Parsing goes on after an error so that every error is reported. Text that
/// is not UTF-8 (or is UTF-16) gives one located error and no records.
CsvTable parse_csv(std::string_view text, char separator = ';');

/// Parses a Dutch amount: "1.234,56", "-1.234,56", "1234,56", "1234", "0,5" (at most two
/// decimals; '.' only as thousands separator in groups of three). Nothing otherwise.
std::optional<Money> parse_amount_nl(std::string_view text);

}  // namespace vhh
