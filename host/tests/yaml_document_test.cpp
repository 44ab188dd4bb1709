// Tests of the located YAML reader: tree shape, 1-based locations, duplicate keys, errors.
#include "config/yaml_document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace vhh::host {
namespace {

using Kind = YamlNode::Kind;

YamlNode parse(const std::string &text, Diagnostics &diag) { return read_yaml_text(text, "test.yaml", diag); }

/// The errors of a collection (warnings and notes left out).
std::vector<Diagnostic> errors(const Diagnostics &diag) {
    std::vector<Diagnostic> out;
    for (const auto &d : diag.all())
        if (d.severity == Severity::error) out.push_back(d);
    return out;
}

/// A file in a fresh temporary directory, removed at the end of the test.
class TempFile {
public:
    explicit TempFile(const std::string &content) {
        dir_ = std::filesystem::temp_directory_path() /
               ("vhh-yaml-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / "vhh.yaml").string();
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    const std::string &path() const { return path_; }
    std::string dir() const { return dir_.string(); }

private:
    static inline int counter_ = 0;
    std::filesystem::path dir_;
    std::string path_;
};

TEST(YamlDocument, BuildsMapsListsAndScalars) {
    Diagnostics diag;
    YamlNode root = parse("regio:\n  id: zeeland\n  boekjaar: 2013\nlijst:\n  - a\n  - b\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_TRUE(root.is_map());
    ASSERT_EQ(root.entries.size(), 2u);
    EXPECT_EQ(root.entries[0].first.text, "regio");
    EXPECT_EQ(root.entries[1].first.text, "lijst");
    const YamlNode *regio = root.find("regio");
    ASSERT_NE(regio, nullptr);
    ASSERT_TRUE(regio->is_map());
    ASSERT_NE(regio->find("boekjaar"), nullptr);
    EXPECT_EQ(regio->find("boekjaar")->text, "2013");
    EXPECT_EQ(regio->find("missing"), nullptr);
    const YamlNode *lijst = root.find("lijst");
    ASSERT_NE(lijst, nullptr);
    ASSERT_TRUE(lijst->is_sequence());
    ASSERT_EQ(lijst->items.size(), 2u);
    EXPECT_EQ(lijst->items[1].text, "b");
    EXPECT_EQ(lijst->find("a"), nullptr);  // not a map
}

TEST(YamlDocument, LocationsAreOneBasedAndExact) {
    Diagnostics diag;
    //                       col: 123456789
    YamlNode root = parse("a: 1\nb:\n  - x\n  - {k: v}\nc: \"q\"\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(root.where.file, "test.yaml");
    EXPECT_EQ(root.where.line, 1);
    EXPECT_EQ(root.where.column, 1);
    const auto &a = root.entries[0];
    EXPECT_EQ(a.first.where.line, 1);
    EXPECT_EQ(a.first.where.column, 1);
    EXPECT_EQ(a.second.where.line, 1);
    EXPECT_EQ(a.second.where.column, 4);
    const auto &b = root.entries[1];
    EXPECT_EQ(b.first.where.line, 2);
    EXPECT_EQ(b.first.where.column, 1);
    ASSERT_TRUE(b.second.is_sequence());
    EXPECT_EQ(b.second.items[0].where.line, 3);
    EXPECT_EQ(b.second.items[0].where.column, 5);
    const YamlNode &flow = b.second.items[1];
    ASSERT_TRUE(flow.is_map());
    EXPECT_EQ(flow.where.line, 4);
    EXPECT_EQ(flow.where.column, 5);
    EXPECT_EQ(flow.entries[0].first.where.column, 6);
    EXPECT_EQ(flow.entries[0].second.where.column, 9);
    const YamlNode *c = root.find("c");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->where.line, 5);
    EXPECT_EQ(c->where.column, 4);  // the opening quote
}

TEST(YamlDocument, ColumnsCountBytesAfterUtf8) {
    Diagnostics diag;
    YamlNode root = parse("pl\xC3\xA9: x\n", diag);  // "plé: x"
    ASSERT_FALSE(diag.has_errors());
    EXPECT_EQ(root.entries[0].second.where.column, 7);
}

TEST(YamlDocument, ByteOrderMarkDoesNotShiftLocations) {
    Diagnostics diag;
    YamlNode root = parse("\xEF\xBB\xBF" "a: 1\nb:\n", diag);
    ASSERT_FALSE(diag.has_errors());
    EXPECT_EQ(root.entries[0].second.where.column, 4);
    EXPECT_EQ(root.entries[1].second.where.line, 2);
}

TEST(YamlDocument, ScalarsStayTextNoOctalOrFloatResolution) {
    Diagnostics diag;
    YamlNode root = parse("code: 0123\nhex: 0x1F\nf: 1.50\nb: yes\nd: 2013-01-01\n", diag);
    ASSERT_FALSE(diag.has_errors());
    EXPECT_EQ(root.find("code")->text, "0123");
    EXPECT_FALSE(root.find("code")->quoted);
    EXPECT_EQ(root.find("hex")->text, "0x1F");
    EXPECT_EQ(root.find("f")->text, "1.50");
    EXPECT_EQ(root.find("b")->text, "yes");
    EXPECT_EQ(root.find("d")->text, "2013-01-01");
}

TEST(YamlDocument, QuotedAndBlockScalarsAreMarked) {
    Diagnostics diag;
    YamlNode root = parse("p: plain\ns: 'single'\nd: \"dou\\tble\"\nb: |\n  line one\n  line two\nt: !!str 5\ne: ''\n",
                          diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_FALSE(root.find("p")->quoted);
    EXPECT_TRUE(root.find("s")->quoted);
    EXPECT_EQ(root.find("s")->text, "single");
    EXPECT_TRUE(root.find("d")->quoted);
    EXPECT_EQ(root.find("d")->text, "dou\tble");  // unescaped
    EXPECT_TRUE(root.find("b")->quoted);
    EXPECT_EQ(root.find("b")->text, "line one\nline two\n");
    EXPECT_TRUE(root.find("t")->quoted);
    EXPECT_EQ(root.find("t")->text, "5");
    ASSERT_TRUE(root.find("e")->is_scalar());  // an empty quoted text is not null
    EXPECT_EQ(root.find("e")->text, "");
}

TEST(YamlDocument, NullValues) {
    Diagnostics diag;
    YamlNode root = parse("a:\nb: ~\nc: null\nd: Null\ne: \"null\"\nf: [x, ~]\n", diag);
    ASSERT_FALSE(diag.has_errors());
    EXPECT_TRUE(root.find("a")->is_null());
    EXPECT_TRUE(root.find("b")->is_null());
    EXPECT_TRUE(root.find("c")->is_null());
    EXPECT_TRUE(root.find("d")->is_null());
    ASSERT_TRUE(root.find("e")->is_scalar());
    EXPECT_EQ(root.find("e")->text, "null");
    EXPECT_TRUE(root.find("f")->items[1].is_null());
}

TEST(YamlDocument, EmptyValueIsLocatedAtItsKeyOrDash) {
    Diagnostics diag;
    YamlNode root = parse("a:\nb: ~\nlijst:\n  - x\n  -\n  - # leeg\n", diag);
    ASSERT_FALSE(diag.has_errors());
    // yaml-cpp would put `a:`'s value on line 2; it belongs to line 1.
    EXPECT_EQ(root.find("a")->where.line, 1);
    EXPECT_EQ(root.find("a")->where.column, 1);
    EXPECT_EQ(root.find("b")->where.line, 2);
    EXPECT_EQ(root.find("b")->where.column, 4);
    const YamlNode *lijst = root.find("lijst");
    ASSERT_EQ(lijst->items.size(), 3u);
    EXPECT_TRUE(lijst->items[1].is_null());
    EXPECT_EQ(lijst->items[1].where.line, 5);
    EXPECT_EQ(lijst->items[1].where.column, 3);
    EXPECT_EQ(lijst->items[2].where.line, 6);
    EXPECT_EQ(lijst->items[2].where.column, 3);
}

TEST(YamlDocument, EmptyTextAndOnlyCommentsGiveNullWithoutError) {
    for (const std::string text : {"", "# only a comment\n\n# and another\n", "---\n", "\n\n"}) {
        Diagnostics diag;
        YamlNode root = parse(text, diag);
        EXPECT_TRUE(root.is_null()) << text;
        EXPECT_FALSE(diag.has_errors()) << text << diag.format_all();
        EXPECT_EQ(root.where.file, "test.yaml");
    }
}

TEST(YamlDocument, DuplicateKeyIsReportedAtSecondWithFirstLine) {
    Diagnostics diag;
    YamlNode root = parse("tarief: 0.40\nnaam: x\ntarief: 0.50\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u) << diag.format_all();
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_EQ(errs[0].message, "duplicate key 'tarief'");
    EXPECT_EQ(errs[0].key_path, "tarief");
    EXPECT_EQ(errs[0].where.file, "test.yaml");
    EXPECT_EQ(errs[0].where.line, 3);
    EXPECT_EQ(errs[0].where.column, 1);
    EXPECT_NE(errs[0].hint.find("line 1"), std::string::npos) << errs[0].hint;
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
    // The tree keeps both entries in document order; find() gives the first.
    ASSERT_EQ(root.entries.size(), 3u);
    EXPECT_EQ(root.find("tarief")->text, "0.40");
}

TEST(YamlDocument, EveryDuplicateIsReportedWithKeyPathsAndLines) {
    const std::string text =
        "regio:\n"              // 1
        "  id: a\n"             // 2
        "  id: b\n"             // 3
        "gemeenten:\n"          // 4
        "  - code: GM1\n"       // 5
        "    inwoners: 1\n"     // 6
        "  - code: GM2\n"       // 7
        "  - code: GM3\n"       // 8
        "  - code: GM4\n"       // 9
        "    inwoners: 10\n"    // 10
        "    inwoners: 11\n"    // 11
        "    inwoners: 12\n"    // 12
        "  - {a: 1, a: 2}\n"    // 13
        "regio: again\n";       // 14
    Diagnostics diag;
    parse(text, diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 5u) << diag.format_all();
    EXPECT_EQ(errs[0].key_path, "regio.id");
    EXPECT_EQ(errs[0].where.line, 3);
    EXPECT_EQ(errs[0].where.column, 3);
    EXPECT_NE(errs[0].hint.find("line 2"), std::string::npos);
    EXPECT_EQ(errs[1].key_path, "gemeenten[3].inwoners");
    EXPECT_EQ(errs[1].message, "duplicate key 'inwoners'");
    EXPECT_EQ(errs[1].where.line, 11);
    EXPECT_EQ(errs[1].where.column, 5);
    EXPECT_NE(errs[1].hint.find("line 10"), std::string::npos);
    EXPECT_EQ(errs[2].key_path, "gemeenten[3].inwoners");
    EXPECT_EQ(errs[2].where.line, 12);
    EXPECT_NE(errs[2].hint.find("line 10"), std::string::npos);
    EXPECT_EQ(errs[3].key_path, "gemeenten[4].a");
    EXPECT_EQ(errs[3].where.line, 13);
    EXPECT_EQ(errs[3].where.column, 12);
    EXPECT_NE(errs[3].hint.find("line 13, column 6"), std::string::npos) << errs[3].hint;
    EXPECT_EQ(errs[4].key_path, "regio");
    EXPECT_EQ(errs[4].where.line, 14);
    EXPECT_NE(errs[4].hint.find("line 1"), std::string::npos);
    for (const auto &e : errs) EXPECT_EQ(e.code, ExitCode::config);
    // Formatted compiler style with the note on its own line.
    EXPECT_EQ(errs[1].format().substr(0, errs[1].format().find('\n')),
              "test.yaml:11:5: error: gemeenten[3].inwoners: duplicate key 'inwoners'");
}

TEST(YamlDocument, SameKeyInDifferentMapsIsNoDuplicate) {
    Diagnostics diag;
    parse("a:\n  x: 1\nb:\n  x: 2\nl:\n  - x: 1\n  - x: 2\n", diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
}

TEST(YamlDocument, NonTextKeyIsAnError) {
    Diagnostics diag;
    YamlNode root = parse("? [a, b]\n: 1\nok: 2\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u) << diag.format_all();
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_NE(errs[0].message.find("map key must be a text value"), std::string::npos);
    EXPECT_NE(errs[0].message.find("a list"), std::string::npos);
    EXPECT_EQ(errs[0].where.line, 1);
    EXPECT_EQ(root.find("ok")->text, "2");
}

TEST(YamlDocument, AnchorsAndAliasesCopyTheNode) {
    Diagnostics diag;
    YamlNode root = parse("basis: &b\n  tarief: 0.40\n  jaar: 2013\nkopie: *b\nwaarde: &w 12\nook: *w\n", diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    const YamlNode *kopie = root.find("kopie");
    ASSERT_NE(kopie, nullptr);
    ASSERT_TRUE(kopie->is_map());
    EXPECT_EQ(kopie->find("tarief")->text, "0.40");
    EXPECT_EQ(kopie->where.line, 4);  // the alias itself
    EXPECT_EQ(kopie->where.column, 8);
    EXPECT_EQ(root.find("ook")->text, "12");
    // The copy is independent of the original.
    root.entries[0].second.entries[0].second.text = "changed";
    EXPECT_EQ(root.find("kopie")->find("tarief")->text, "0.40");
}

TEST(YamlDocument, UnknownAliasIsASyntaxError) {
    Diagnostics diag;
    parse("a: *nergens\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_EQ(errs[0].message.rfind("YAML syntax error: ", 0), 0u) << errs[0].message;
}

TEST(YamlDocument, RecursiveAliasIsAnError) {
    Diagnostics diag;
    parse("- &a [*a]\n", diag);
    EXPECT_EQ(diag.error_count(), 1u);
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
}

TEST(YamlDocument, SyntaxErrorIsOneLocatedError) {
    Diagnostics diag;
    YamlNode root = parse("a: [1, 2\nb: 3\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u) << diag.format_all();
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_EQ(errs[0].message.rfind("YAML syntax error: ", 0), 0u);
    EXPECT_NE(errs[0].message.find("end of sequence flow not found"), std::string::npos);
    EXPECT_EQ(errs[0].where.file, "test.yaml");
    EXPECT_EQ(errs[0].where.line, 2);
    EXPECT_EQ(errs[0].where.column, 2);
    EXPECT_EQ(diag.exit_code(), ExitCode::config);
    // What could be read before the error is returned.
    EXPECT_TRUE(root.is_map());
}

TEST(YamlDocument, BadIndentationIsASyntaxError) {
    Diagnostics diag;
    parse("regio:\n  id: a\n naam: b\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].where.line, 3);
    EXPECT_EQ(errs[0].where.column, 2);
    EXPECT_EQ(errs[0].format().rfind("test.yaml:3:2: error: YAML syntax error: ", 0), 0u) << errs[0].format();
}

TEST(YamlDocument, TabIndentationIsASyntaxError) {
    Diagnostics diag;
    parse("a: 1\n\tb: 2\n", diag);
    ASSERT_EQ(diag.error_count(), 1u);
    EXPECT_EQ(diag.all()[0].where.line, 2);
}

TEST(YamlDocument, SecondDocumentIsAnError) {
    Diagnostics diag;
    YamlNode root = parse("a: 1\n---\nb: 2\n", diag);
    auto errs = errors(diag);
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].code, ExitCode::config);
    EXPECT_EQ(errs[0].where.line, 2);
    EXPECT_NE(errs[0].message.find("second YAML document"), std::string::npos);
    // The first document is still read.
    EXPECT_EQ(root.find("a")->text, "1");
    EXPECT_EQ(root.find("b"), nullptr);
}

TEST(YamlDocument, SecondDocumentWithBrokenSyntaxIsStillOneDocumentError) {
    Diagnostics diag;
    parse("a: 1\n---\nb: [\n", diag);
    ASSERT_EQ(diag.error_count(), 1u) << diag.format_all();
    EXPECT_NE(diag.all()[0].message.find("second YAML document"), std::string::npos);
}

TEST(YamlDocument, ExplicitStartAndEndMarkersAreFine) {
    Diagnostics diag;
    YamlNode root = parse("---\na: 1\n...\n", diag);
    EXPECT_FALSE(diag.has_errors()) << diag.format_all();
    EXPECT_EQ(root.find("a")->text, "1");
}

TEST(YamlDocument, DescribeNamesTheKind) {
    YamlNode n;
    EXPECT_EQ(n.describe(), "nothing");
    n.kind = Kind::scalar;
    EXPECT_EQ(n.describe(), "a text value");
    n.kind = Kind::sequence;
    EXPECT_EQ(n.describe(), "a list");
    n.kind = Kind::map;
    EXPECT_EQ(n.describe(), "a map");
}

TEST(YamlFile, ReadsAFileWithItsPathInLocations) {
    TempFile file("boekjaar: 2013\n");
    Diagnostics diag;
    YamlNode root = read_yaml_file(file.path(), diag);
    ASSERT_FALSE(diag.has_errors()) << diag.format_all();
    ASSERT_NE(root.find("boekjaar"), nullptr);
    EXPECT_EQ(root.find("boekjaar")->where.file, file.path());
    EXPECT_EQ(root.find("boekjaar")->where.line, 1);
    EXPECT_EQ(root.find("boekjaar")->where.column, 11);
}

TEST(YamlFile, MissingFileIsNoInput) {
    TempFile file("");
    std::string missing = file.dir() + "/does-not-exist.yaml";
    Diagnostics diag;
    YamlNode root = read_yaml_file(missing, diag);
    EXPECT_TRUE(root.is_null());
    ASSERT_EQ(diag.error_count(), 1u);
    const Diagnostic &d = diag.all()[0];
    EXPECT_EQ(d.code, ExitCode::no_input);
    EXPECT_EQ(d.where.file, missing);
    EXPECT_EQ(d.where.line, 0);
    EXPECT_EQ(d.message, "cannot read config file: No such file or directory");
    EXPECT_EQ(diag.exit_code(), ExitCode::no_input);
    EXPECT_EQ(d.format(), missing + ": error: cannot read config file: No such file or directory");
}

TEST(YamlFile, DirectoryIsNoInput) {
    TempFile file("");
    Diagnostics diag;
    read_yaml_file(file.dir(), diag);
    ASSERT_EQ(diag.error_count(), 1u);
    EXPECT_EQ(diag.exit_code(), ExitCode::no_input);
    EXPECT_EQ(diag.all()[0].message.rfind("cannot read config file: ", 0), 0u);
}

TEST(YamlFile, EmptyFileIsNullWithoutError) {
    TempFile file("");
    Diagnostics diag;
    YamlNode root = read_yaml_file(file.path(), diag);
    EXPECT_TRUE(root.is_null());
    EXPECT_FALSE(diag.has_errors());
}

TEST(YamlFile, DuplicatesInFileUseThePath) {
    TempFile file("a: 1\na: 2\n");
    Diagnostics diag;
    read_yaml_file(file.path(), diag);
    ASSERT_EQ(diag.error_count(), 1u);
    EXPECT_EQ(diag.all()[0].where.file, file.path());
    EXPECT_EQ(diag.all()[0].where.line, 2);
}

}  // namespace
}  // namespace vhh::host
