// The document model: what report plugins describe and the host renders as PDF, HTML, xlsx and
// text. A document is a value (metadata, sections, tables of typed cells, charts as data, a
// letter's parts); it carries no presentation: no widths, no padding, no Excel syntax. The host
// picks one renderer per format (config key `formaten:`), as hledger renders one report value
// with one renderer per output format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "vhh/date.h"
#include "vhh/money.h"
#include "vhh/data_node.h"

namespace vhh::doc {

/// A typed value: what a table cell or a figure holds. Renderers choose how to show each kind
/// (money right-aligned on the decimal comma, "<5" aligned with the numbers, dates as 1-1-2013).
class Value {
public:
    /// What the value is.
    enum class Kind { empty, text, integer, money, percentage, fraction, date, suppressed };

    Value() = default;
    /// Text, never interpreted (not as a number, not as a formula).
    static Value text(std::string value);
    /// A whole number (inwoners, werkplekken, counts).
    static Value integer(std::int64_t value);
    /// An amount, exact to the cent.
    static Value money(Money value);
    /// A percentage in millionths (25000 = 2,5 %).
    static Value percentage_ppm(std::int64_t ppm);
    /// numerator / denominator (denominator > 0), e.g. 30 werkplek-maanden / 12 = 2,5.
    static Value fraction(std::int64_t numerator, std::int64_t denominator);
    /// A calendar date.
    static Value date(Date value);
    /// A count withheld for privacy, shown as `shown` (e.g. "<5" or "x"); never a number.
    static Value suppressed(std::string shown);

    Kind kind() const { return kind_; }
    const std::string &text_value() const { return text_; }  ///< text, or the suppressed mark
    std::int64_t integer_value() const { return integer_; }   ///< integer, ppm, or numerator
    std::int64_t denominator() const { return denominator_; } ///< fraction's denominator (1 otherwise)
    Money money_value() const { return money_; }              ///< money
    const Date &date_value() const { return date_; }          ///< date

private:
    Kind kind_ = Kind::empty;
    std::string text_;
    std::int64_t integer_ = 0;
    std::int64_t denominator_ = 1;
    Money money_;
    Date date_;
};

/// A table cell: a value, optionally named (so formulas elsewhere can refer to it) and optionally
/// computed by a formula.
///
/// A formula is an expression over named cells, never spreadsheet syntax:
///   numbers, cell names ([A-Za-z_][A-Za-z0-9_.]*), + - * /, parentheses, unary minus, and the
///   functions SUM(...), ROUND(x; digits), MIN(...), MAX(...); `kolom(KEY)` inside SUM/MIN/MAX
///   stands for every body row of column KEY of the same table.
/// `value` is what the formula computes (the plugin computes it exactly; renderers that do not
/// recalculate show it). The xlsx renderer turns names into cell references; `vhh check` refuses
/// a formula that does not parse or names a cell that does not exist, naming the plugin.
struct Cell {
    Value value;          ///< what the cell shows
    std::string name;     ///< unique within the document, or empty
    std::string formula;  ///< expression over named cells, or empty
};

/// What a row is for; renderers set totals apart.
enum class RowRole { body, subtotal, total };

/// A row of a table.
struct Row {
    std::vector<Cell> cells;     ///< at most one per column
    RowRole role = RowRole::body;
};

/// A column of a table: a stable key (for `kolom(KEY)` and charts) and its header text.
struct Column {
    std::string key;     ///< e.g. "bijdrage"
    std::string header;  ///< e.g. "Bijdrage 2013"
};

/// A table of typed cells. Renderers repeat the header row on every page and keep it with its body.
struct Table {
    std::string id;                ///< unique within the document (charts and sheet names refer to it)
    std::string caption;           ///< what the table shows (HTML caption, PDF/xlsx title)
    std::vector<Column> columns;   ///< left to right
    std::vector<Row> rows;         ///< body, subtotal and total rows
};

/// A chart: data, not drawing instructions. Its figures are columns of a table in the same document.
struct Chart {
    enum class Type { column, bar, line, pie };
    Type type = Type::column;
    std::string title;                       ///< chart title
    std::string table_id;                    ///< the table holding the data
    std::string category_column;             ///< key of the column with the category labels
    std::vector<std::string> value_columns;  ///< keys of the columns with the series (at least one)
    std::string description;                 ///< text alternative for readers who cannot see the chart
};

/// A paragraph of running text.
struct Paragraph {
    std::string text;
};

/// A bulleted or numbered list.
struct List {
    bool ordered = false;
    std::vector<std::string> items;
};

/// A remark set apart from the text (a note under a table, an explanation of a basis).
struct Note {
    std::string text;
};

/// One block of a section's content.
using Block = std::variant<Paragraph, List, Table, Chart, Note>;

/// A section with a heading; nested sections are subsections (heading levels follow the nesting).
struct Section {
    std::string title;               ///< the heading
    std::vector<Block> blocks;       ///< content before the subsections
    std::vector<Section> sections;   ///< subsections
};

/// A person named in a letter.
struct Person {
    std::string name;
    std::string function;  ///< e.g. "controller Veiligheidshuis Zeeland"
    std::string phone;
    std::string email;
};

/// The parts of a letter (raadsbrief, zienswijzebrief, begeleidende brief bij een factuur).
/// Empty sender fields are filled by the host from the config's letterhead.
struct Letter {
    std::vector<std::string> addressee;  ///< lines of the address block, first line the name
    Date date;                           ///< date of the letter
    std::string kenmerk;                 ///< our reference
    std::string onderwerp;               ///< subject
    std::string aanhef;                  ///< e.g. "Geachte leden van de raad,"
    std::vector<Block> body;             ///< the letter's text
    std::string slot;                    ///< e.g. "Met vriendelijke groet,"
    Person contact;                      ///< contact person for questions
    Person signatory;                    ///< who signs
    std::vector<std::string> bijlagen;   ///< enclosures
    /// Optional: the letter's wording from a Mustache template the user may reword (the config's
    /// `templates:` folder, else the bundled one), e.g. "raadsbrief.txt.mustache". The host renders
    /// it with `template_data` and turns the text into the letter's parts (docs/rendering.md,
    /// "Letters from templates"): leading `Onderwerp:`, `Aanhef:`, `Slot:` and `Bijlage:` lines set
    /// those fields; the rest becomes `body`: paragraphs at blank lines (lines joined), a
    /// paragraph of `- ` lines a list, and a line `[tabel ID]` the table of `body` with that id.
    /// Blocks of `body` that the text does not place are dropped.
    std::string body_template;
    DataNode template_data;              ///< values for `body_template`
};

/// Document metadata (PDF info and language, HTML head, workbook properties).
struct Meta {
    std::string title;               ///< e.g. "Bijdragen 2013"
    std::string subtitle;            ///< optional
    std::string region;              ///< region name
    int year = 0;                    ///< begrotings- or boekjaar
    std::string language = "nl-NL"; ///< BCP 47
    Date date;                       ///< date of the document (not of the run: outputs stay byte-identical)
    std::string kenmerk;             ///< reference, optional
};

/// A document a report plugin describes; the host renders it in every configured format as
/// `<name>.<extension>` (e.g. "bijdragen-2013.pdf").
struct Document {
    /// What the document is: a report (sections) or a letter (letter, optionally with sections as
    /// an appendix).
    enum class Kind { report, letter };
    Kind kind = Kind::report;
    std::string name;                ///< file stem, a plain name: "bijdragen-2013", "raadsbrief-2013-goes"
    Meta meta;                       ///< metadata
    std::vector<Section> sections;   ///< the report's content (a letter's appendix)
    std::optional<Letter> letter;    ///< present for Kind::letter
    /// Optional, for Kind::report: the report's text from a Mustache template the user may reword
    /// (as Letter::body_template), e.g. "partners.txt.mustache". The host renders it with
    /// `template_data` and turns the text into `sections` (docs/rendering.md, "Reports from
    /// templates"): a line underlined with `---` or `===` starts a section with that heading (text
    /// before the first heading is a section "Inleiding"); paragraphs, lists and `[tabel ID]` as
    /// in letters, where ID is a table of `sections` as the plugin described them.
    std::string body_template;
    DataNode template_data;          ///< values for `body_template`
};

}  // namespace vhh::doc
