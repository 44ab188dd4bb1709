// Reads YAML through yaml-cpp's event parser into a located YamlNode tree.
//
// yaml-cpp's node API keeps the last of two equal keys silently and resolves `0123`
// as octal when asked for a number; the event API gives us every key and the raw
// text of every scalar, together with its position.
#include "config/yaml_document.h"

#include <cstdio>

#include "vhh/text.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <sstream>
#include <string_view>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace vhh::host {

const YamlNode *YamlNode::find(const std::string &key) const {
    if (kind != Kind::map) return nullptr;
    for (const auto &entry : entries)
        if (entry.first.is_scalar() && entry.first.text == key) return &entry.second;
    return nullptr;
}

std::string YamlNode::describe() const {
    switch (kind) {
        case Kind::null: return "nothing";
        case Kind::scalar: return "a text value";
        case Kind::sequence: return "a list";
        case Kind::map: return "a map";
    }
    return "nothing";
}

namespace {

/// Builds the tree from parser events and reports duplicate and non-text keys.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const std::string &text, const std::string &path, Diagnostics &diag, std::string root_path)
        : text_(text), path_(path), diag_(diag), root_path_(std::move(root_path)) {
        // yaml-cpp strips a UTF-8 byte order mark; its positions count from after it.
        if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) bom_ = 3;
    }

    void OnDocumentStart(const YAML::Mark &mark) override { doc_where_ = location(mark); }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
        YamlNode node;
        node.kind = YamlNode::Kind::null;
        node.where = null_location(mark);
        complete(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        YamlNode node;
        if (it == anchors_.end()) {
            // yaml-cpp reports unknown anchor names itself; this is an alias inside its own anchor.
            diag_.error(ExitCode::config, location(mark), child_path(),
                        "an alias cannot refer to a node that contains it (recursive alias)");
            node.where = location(mark);
        } else if (expanded_ + anchor_sizes_[anchor] > kMaxAliasNodes) {
            // Aliases of aliases grow exponentially ("billion laughs"): refuse, once.
            if (!alias_limit_reported_)
                diag_.error(ExitCode::config, location(mark), child_path(),
                            "aliases expand to more than " + std::to_string(kMaxAliasNodes) + " nodes",
                            "use fewer nested aliases; write the values out instead");
            alias_limit_reported_ = true;
            node.where = location(mark);
        } else {
            expanded_ += anchor_sizes_[anchor];
            node = it->second;
            node.where = location(mark);
        }
        complete(std::move(node), 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override {
        YamlNode node;
        node.kind = YamlNode::Kind::scalar;
        node.where = location(mark);
        node.text = value;
        // Plain scalars carry the non-specific tag "?"; quoted and block scalars "!";
        // an explicit tag such as !!str also marks the text as deliberately written.
        node.quoted = tag != "?";
        complete(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(YamlNode::Kind::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(YamlNode::Kind::map, mark, anchor);
    }
    void OnMapEnd() override { close(); }

    /// Closes containers left open by a syntax error and returns what was read.
    YamlNode finish() {
        while (!stack_.empty()) {
            Frame &top = stack_.back();
            if (top.node.is_map() && top.have_key) {
                YamlNode null_value;
                null_value.where = top.key.where;
                top.node.entries.emplace_back(std::move(top.key), std::move(null_value));
                top.have_key = false;
            }
            close();
        }
        if (!have_root_) root_.where = doc_where_;
        return std::move(root_);
    }

    bool has_root() const { return have_root_; }

    /// 1-based location of a yaml-cpp mark (0-based); only the file for a null mark.
    SourceLocation location(const YAML::Mark &mark) const {
        if (mark.is_null() || mark.line < 0) return SourceLocation{path_, 0, 0};
        return SourceLocation{path_, mark.line + 1, mark.column + 1};
    }

private:
    struct Frame {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        std::string path;             ///< key path of this container
        bool have_key = false;        ///< maps: a key waits for its value
        YamlNode key;                 ///< maps: that key
        std::map<std::string, SourceLocation> seen;  ///< maps: first location of every key
    };

    /// Key path of the node that comes next in the current container.
    std::string child_path() const {
        if (stack_.empty()) return root_path_;
        const Frame &top = stack_.back();
        if (top.node.is_sequence()) return top.path + "[" + std::to_string(top.node.items.size()) + "]";
        if (top.have_key) return key_path(top.path, top.key.is_scalar() ? excerpt(top.key.text) : "?");
        return top.path;  // a key itself
    }

    static std::string key_path(const std::string &parent, const std::string &key) {
        return parent.empty() ? key : parent + "." + key;
    }

    void open(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor) {
        Frame frame;
        frame.path = child_path();
        frame.node.kind = kind;
        frame.node.where = location(mark);
        frame.anchor = anchor;
        stack_.push_back(std::move(frame));
    }

    void close() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        complete(std::move(frame.node), frame.anchor);
    }

    /// Adds a finished node to its parent (or makes it the root).
    void complete(YamlNode node, YAML::anchor_t anchor) {
        if (anchor != 0) {
            anchors_[anchor] = node;
            anchor_sizes_[anchor] = count_nodes(node);
        }
        if (stack_.empty()) {
            if (!have_root_) {
                root_ = std::move(node);
                have_root_ = true;
            }
            return;
        }
        Frame &top = stack_.back();
        if (top.node.is_sequence()) {
            top.node.items.push_back(std::move(node));
            return;
        }
        if (!top.have_key) {
            check_key(top, node);
            top.key = std::move(node);
            top.have_key = true;
            return;
        }
        top.node.entries.emplace_back(std::move(top.key), std::move(node));
        top.key = YamlNode();
        top.have_key = false;
    }

    void check_key(Frame &map, const YamlNode &key) {
        if (!key.is_scalar()) {
            diag_.error(ExitCode::config, key.where, map.path,
                        "a map key must be a text value, found " + key.describe(),
                        key.is_null() ? "write a name before the ':'" : "");
            return;
        }
        auto [it, fresh] = map.seen.emplace(key.text, key.where);
        if (fresh) return;
        const SourceLocation &first = it->second;
        std::string hint = "'" + excerpt(key.text) + "' was first given at line " + std::to_string(first.line);
        if (first.column > 0) hint += ", column " + std::to_string(first.column);
        hint += "; a key may appear only once in a map";
        diag_.error(ExitCode::config, key.where, key_path(map.path, excerpt(key.text)),
                    "duplicate key '" + excerpt(key.text) + "'", hint);
    }

    /// Location of a null node. yaml-cpp places an empty value (`key:` or a bare `-`)
    /// at the next token, often on a later line; such a null is placed at its indicator
    /// instead (and a map value at its key, see complete()).
    SourceLocation null_location(const YAML::Mark &mark) {
        if (mark.is_null() || mark.pos < 0) return location(mark);
        std::size_t pos = static_cast<std::size_t>(mark.pos) + bom_;
        if (explicit_null_at(pos)) return location(mark);
        if (!stack_.empty() && stack_.back().node.is_map() && stack_.back().have_key) return stack_.back().key.where;
        if (stack_.empty()) return doc_where_;
        std::size_t indicator = 0;
        if (find_indicator_before(pos, indicator)) return location_of_offset(indicator);
        return location(mark);
    }

    bool explicit_null_at(std::size_t pos) const {
        if (pos >= text_.size()) return false;
        if (text_[pos] == '~') return true;
        for (const char *word : {"null", "Null", "NULL"})
            if (text_.compare(pos, 4, word) == 0) return true;
        return false;
    }

    /// Finds the last meaningful character before `pos`, skipping blanks and comments.
    bool find_indicator_before(std::size_t pos, std::size_t &out) const {
        std::size_t end = std::min(pos, text_.size());
        while (end > bom_) {
            std::size_t line_start = text_.rfind('\n', end - 1);
            line_start = line_start == std::string::npos ? 0 : line_start + 1;
            std::string_view line(text_.data() + line_start, end - line_start);
            // Cut a comment: '#' at the start or after a blank.
            for (std::size_t i = 0; i < line.size(); ++i)
                if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                    line = line.substr(0, i);
                    break;
                }
            std::size_t last = line.find_last_not_of(" \t\r\n");
            if (last != std::string_view::npos) {
                out = line_start + last;
                return true;
            }
            if (line_start == 0) break;
            end = line_start - 1;
        }
        return false;
    }

    SourceLocation location_of_offset(std::size_t offset) const {
        int line = 1;
        std::size_t line_start = bom_;
        for (std::size_t i = bom_; i < offset && i < text_.size(); ++i)
            if (text_[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        return SourceLocation{path_, line, static_cast<int>(offset - line_start) + 1};
    }

    static std::size_t count_nodes(const YamlNode &n) {
        std::size_t count = 1;
        for (const auto &item : n.items) count += count_nodes(item);
        for (const auto &[k, v] : n.entries) count += count_nodes(k) + count_nodes(v);
        return count;
    }

    static constexpr std::size_t kMaxAliasNodes = 100000;
    const std::string &text_;
    const std::string &path_;
    Diagnostics &diag_;
    std::string root_path_;
    std::map<YAML::anchor_t, std::size_t> anchor_sizes_;
    std::size_t expanded_ = 0;
    bool alias_limit_reported_ = false;
    std::size_t bom_ = 0;
    SourceLocation doc_where_{path_, 0, 0};
    std::vector<Frame> stack_;
    std::map<YAML::anchor_t, YamlNode> anchors_;
    YamlNode root_;
    bool have_root_ = false;
};

/// Notices whether a further document starts, and ignores its content.
class DocumentSpotter : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark &mark) override {
        if (!seen) {
            seen = true;
            where = mark;
        }
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

    bool seen = false;
    YAML::Mark where;
};

/// The offset of the first control character YAML does not allow (C0 other than tab, line feed and
/// carriage return, and DEL), or text.size().
std::size_t first_control_character(const std::string &text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    }
    return text.size();
}

void syntax_error(const TreeBuilder &builder, const YAML::Mark &mark, const std::string &msg, Diagnostics &diag) {
    diag.error(ExitCode::config, builder.location(mark), "", "YAML syntax error: " + msg);
}

}  // namespace

YamlNode read_yaml_text(const std::string &text, const std::string &path, Diagnostics &diag,
                        const std::string &key_prefix) {
    if (std::size_t bad = first_invalid_utf8(text); bad != text.size()) {
        auto [line, column] = line_and_column(text, bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        diag.error(ExitCode::data, SourceLocation{path, line, column}, "",
                   std::string("the file is not UTF-8 text (byte ") + byte + ")",
                   "save it as UTF-8 (in most editors: Save as, encoding UTF-8)");
        YamlNode none;
        none.where = SourceLocation{path, 0, 0};
        none.truncated = true;
        return none;
    }
    if (std::size_t bad = first_control_character(text); bad != text.size()) {
        // yaml-cpp would read on past a NUL and report something unrelated ("unknown escape character").
        auto [line, column] = line_and_column(text, bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        diag.error(ExitCode::data, SourceLocation{path, line, column}, "",
                   std::string("the file holds a control character (byte ") + byte +
                       (text[bad] == '\0' ? ", NUL" : "") + "), which YAML text cannot contain",
                   "remove it; a YAML file is plain text (tabs, line ends and printable characters)");
        YamlNode none;
        none.where = SourceLocation{path, 0, 0};
        none.truncated = true;
        return none;
    }
    std::istringstream in(text);
    TreeBuilder builder(text, path, diag, key_prefix);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder)) return builder.finish();  // empty or only comments
        DocumentSpotter next;
        try {
            parser.HandleNextDocument(next);
        } catch (const YAML::ParserException &) {
            if (!next.seen) throw;
            // The extra document is reported below; its own syntax is of no interest.
        }
        if (next.seen)
            diag.error(ExitCode::config, builder.location(next.where), "",
                       "a second YAML document: the file must hold exactly one document",
                       "remove the '---' line and everything after it, or merge the documents");
    } catch (const YAML::ParserException &e) {
        syntax_error(builder, e.mark, e.msg, diag);
        YamlNode partial = builder.finish();
        partial.truncated = true;
        return partial;
    } catch (const YAML::Exception &e) {
        syntax_error(builder, e.mark, e.msg, diag);
        YamlNode partial = builder.finish();
        partial.truncated = true;
        return partial;
    }
    return builder.finish();
}

}  // namespace vhh::host
