// Text rendering with kainjow Mustache: no HTML escaping, located syntax errors, and a strict check
// that every tag the template reaches resolves in the data (Mustache itself renders unknown tags
// as empty text).
#include "render/text_renderer.h"

#include <kainjow/mustache.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace vhh::host {

namespace {

namespace mu = kainjow::mustache;
using Component = mu::component<std::string>;
using TagType = mu::tag_type;

/// Location of byte `offset` in `source`: 1-based line, and 1-based column counted in characters
/// (UTF-8 code points), so "€ {{x}}" puts the tag in column 3.
SourceLocation locate(const std::string &source, std::size_t offset, const std::string &path) {
    SourceLocation where;
    where.file = path;
    if (offset > source.size()) return where;
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(source[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++column;
        }
    }
    where.line = line;
    where.column = column;
    return where;
}

/// Best-effort search for a tag `name` in the source when no position is known: finds
/// "{{name", "{{#name", "{{^name", "{{{name", "{{&name", "{{/name" or "{{>name" (spaces allowed).
std::optional<std::size_t> find_tag(const std::string &source, const std::string &name) {
    for (std::size_t pos = source.find("{{"); pos != std::string::npos; pos = source.find("{{", pos + 1)) {
        std::size_t i = pos + 2;
        if (i < source.size() && source[i] != '\0' && std::strchr("{#^&/>", source[i]) != nullptr) ++i;
        while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
        if (source.compare(i, name.size(), name) != 0) continue;
        const std::size_t after = i + name.size();
        if (after >= source.size() || source[after] == '}' || source[after] == ' ' || source[after] == '\t') {
            return pos;
        }
    }
    return std::nullopt;
}

/// The tag as it would be written with the default delimiters, for messages.
std::string spell(const Component &c) {
    const std::string &n = c.tag.name;
    switch (c.tag.type) {
        case TagType::section_begin: return "{{#" + n + "}}";
        case TagType::section_begin_inverted: return "{{^" + n + "}}";
        case TagType::section_end: return "{{/" + n + "}}";
        case TagType::unescaped_variable: return "{{{" + n + "}}}";
        case TagType::partial: return "{{>" + n + "}}";
        default: return "{{" + n + "}}";
    }
}

/// Turns a kainjow parse error ("Unclosed section \"x\" at 12") into a located TemplateError.
TemplateError syntax_error(const std::string &source, const std::string &path, const std::string &message) {
    std::string text = message;
    std::optional<std::size_t> offset;
    const auto at = message.rfind(" at ");
    if (at != std::string::npos && at + 4 < message.size() &&
        message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
        offset = std::stoull(message.substr(at + 4));
        text = message.substr(0, at);
    }
    std::string name;
    const auto q1 = text.find('"');
    const auto q2 = text.rfind('"');
    if (q1 != std::string::npos && q2 > q1) name = text.substr(q1 + 1, q2 - q1 - 1);

    std::string explained;
    if (text.rfind("Unclosed section", 0) == 0) {
        explained = "section \"" + name + "\" is not closed (no matching {{/" + name + "}})";
    } else if (text.rfind("Unopened section", 0) == 0) {
        explained = "closing tag {{/" + name + "}} has no opening section";
    } else if (text.rfind("Unclosed tag", 0) == 0) {
        explained = "tag is not closed (no closing delimiter)";
    } else if (text.rfind("Invalid set delimiter tag", 0) == 0) {
        explained = "invalid set-delimiter tag (expected e.g. {{=<% %>=}})";
    } else {
        explained = text;
    }
    if (!offset && !name.empty()) offset = find_tag(source, name);
    SourceLocation where = offset ? locate(source, *offset, path) : SourceLocation{path, 0, 0};
    return TemplateError(where, "template syntax error: " + explained);
}

/// Converts the report data tree to Mustache data.
mu::data to_mustache(const DataNode &node) {
    switch (node.kind()) {
        case DataNode::Kind::text: return mu::data(node.text());
        case DataNode::Kind::boolean: return mu::data(node.boolean_value());
        case DataNode::Kind::list: {
            mu::list items;
            items.reserve(node.items().size());
            for (const auto &item : node.items()) items.push_back(to_mustache(item));
            return mu::data(items);
        }
        case DataNode::Kind::map: break;
    }
    mu::data object;  // an empty object
    for (const auto &[key, value] : node.fields()) object[key] = to_mustache(value);
    return object;
}

/// Finds the first section tag that opens a section nested deeper than kMaxTemplateDepth, by
/// the tokenising rules of kainjow's parser (delimiter changes included), before kainjow parses:
/// kainjow keeps every section's text, so its parse takes memory quadratic in the nesting depth.
/// Stops quietly at a malformed tag; kainjow's own parse reports it.
void check_depth(const std::string &source, const std::string &path) {
    std::string open = "{{", close = "}}";
    std::size_t depth = 0;
    for (std::size_t pos = source.find(open); pos != std::string::npos; pos = source.find(open, pos)) {
        const bool braces = open == "{{" && close == "}}";
        std::size_t start = pos + open.size();
        const bool triple = braces && start < source.size() && source[start] == '{';
        if (triple) ++start;
        const std::string &end_delim = triple ? std::string("}}}") : close;
        const std::size_t end = source.find(end_delim, start);
        if (end == std::string::npos) return;
        std::string contents = source.substr(start, end - start);
        const auto first = contents.find_first_not_of(" \t\r\n");
        const char kind = first == std::string::npos ? '\0' : contents[first];
        if (kind == '=') {
            // {{=<% %>=}}: the new delimiters are the two words between the '=' signs.
            const auto last = contents.find_last_not_of(" \t\r\n");
            if (last == first || contents[last] != '=') return;
            std::istringstream words(contents.substr(first + 1, last - first - 1));
            std::string a, b;
            if (!(words >> a >> b)) return;
            open = a;
            close = b;
        } else if (kind == '#' || kind == '^') {
            if (++depth > kMaxTemplateDepth) {
                throw TemplateError(locate(source, pos, path),
                                    "template syntax error: sections are nested more than " +
                                        std::to_string(kMaxTemplateDepth) + " deep");
            }
        } else if (kind == '/' && depth > 0) {
            --depth;
        }
        pos = end + end_delim.size();
    }
}

/// Rejects partials anywhere in the template, also in sections the data would skip.
void reject_partials(const Component &parent, const std::string &source, const std::string &path) {
    for (const auto &c : parent.children) {
        if (c.tag.type == TagType::partial) {
            throw TemplateError(locate(source, c.position, path),
                                "partials are not supported: " + spell(c) + " (templates cannot include other files)");
        }
        reject_partials(c, source, path);
    }
}

/// Stands for an item of an empty list while its section's body is checked: names not found
/// inside it are taken as the items' fields.
const DataNode kAnyItemField = DataNode::map();

/// Walks the parsed template over the data exactly as kainjow renders it and collects every tag
/// whose name does not resolve (or a variable tag that names a list, map or boolean), each place
/// once, up to kMaxTemplateErrors; finish() throws them as one TemplateError. Sections
/// the data skips this time (a false flag, an empty list, an inverted section over a value) are
/// walked too, without output, so that a misspelt tag in them fails now and not in the year the
/// section renders: a flag's body against the same data, an empty list's body against its items'
/// declared shape (DataNode::list(item_shape)), or, for a list without one, against the data
/// around it (an unknown name may be a field of the list's items there and passes). Meanwhile it
/// adds up the size of the text the render will produce and throws once it passes
/// kMaxTemplateOutput, before kainjow renders anything.
class Checker {
public:
    Checker(const std::string &source, const std::string &path, const DataNode &root)
        : source_(source), path_(path) {
        stack_.push_back(&root);
    }

    /// Checks the tags that rendering `parent`'s children with the current data reaches, and
    /// (without output) the tags of the sections it skips.
    void check(const Component &parent, bool renders = true) {
        for (const auto &c : parent.children) {
            count(c, 0);  // every step, also of a section walked without output
            switch (c.tag.type) {
                case TagType::text: {
                    if (renders) count(c, c.text.size());
                    break;
                }
                case TagType::variable:
                case TagType::unescaped_variable: {
                    const DataNode *v = resolve(c);
                    if (v == nullptr || v == &kAnyItemField) break;
                    if (v->kind() != DataNode::Kind::text) {
                        std::string message = "tag " + spell(c) + " names " + kind_name(*v) + ", not text";
                        if (c.tag.name != ".") {
                            message += v->kind() == DataNode::Kind::map
                                           ? "; use a dotted name such as {{" + c.tag.name + ".field}}"
                                           : "; use a section {{#" + c.tag.name + "}}…{{/" + c.tag.name + "}}";
                        }
                        record(c, message);
                        break;
                    }
                    if (renders) count(c, v->text().size());
                    break;
                }
                case TagType::section_begin: {
                    const DataNode *v = resolve(c);
                    if (v == nullptr) break;  // reported; its body cannot be checked without data
                    if (v->kind() == DataNode::Kind::list && !v->items().empty()) {
                        for (const auto &item : v->items()) {
                            count(c, 0);  // each repetition is a step, also with nothing inside
                            stack_.push_back(&item);
                            check(c, renders);
                            stack_.pop_back();
                        }
                    } else {
                        // An empty list: its body is checked against the items' declared shape
                        // (DataNode::list(item_shape)); without one the items' fields are unknown
                        // here. Any other value (a flag, a map, text) is the context of its body,
                        // also when false.
                        const bool empty_list = v->kind() == DataNode::Kind::list || v == &kAnyItemField;
                        const DataNode *shape = v->kind() == DataNode::Kind::list ? v->item_shape() : nullptr;
                        stack_.push_back(shape ? shape : empty_list ? &kAnyItemField : v);
                        check(c, renders && !falsy(*v));
                        stack_.pop_back();
                    }
                    break;
                }
                case TagType::section_begin_inverted: {
                    const DataNode *v = resolve(c);
                    if (v == nullptr) break;
                    check(c, renders && falsy(*v));
                    break;
                }
                default: break;  // comments, delimiter changes (partials were rejected when compiling)
            }
        }
    }

private:
    /// kainjow's lookup (context::get): '.' is the current item; a plain name is looked up from the
    /// innermost context outwards; a dotted name must resolve completely within one context.
    const DataNode *lookup(const std::string &name) const {
        if (name == ".") return stack_.back();
        const auto parts = name.find('.') == std::string::npos ? std::vector<std::string>{name} : mu::split(name, '.');
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            const DataNode *v = *it;
            if (v == &kAnyItemField) return v;  // may be a field of an empty list's items
            for (const auto &part : parts) {
                if (v->kind() != DataNode::Kind::map) {
                    v = nullptr;
                    break;
                }
                const auto f = v->fields().find(part);
                v = f == v->fields().end() ? nullptr : &f->second;
                if (!v) break;
            }
            if (v) return v;
        }
        return nullptr;
    }

    const DataNode *resolve(const Component &c) {
        if (const DataNode *v = lookup(c.tag.name)) return v;
        std::string message = c.tag.name.empty() ? std::string("empty tag ") + spell(c)
                                                 : "unknown tag " + spell(c) + ": the data has no '" +
                                                       c.tag.name + "' here";
        // Name what is available in the innermost map, to help spot typos.
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            if ((*it)->kind() != DataNode::Kind::map) continue;
            std::string names;
            std::size_t n = 0;
            for (const auto &field : (*it)->fields()) {
                if (n++ == 12) {
                    names += ", …";
                    break;
                }
                names += (names.empty() ? "" : ", ") + field.first;
            }
            if (!names.empty()) message += " (available: " + names + ")";
            break;
        }
        record(c, message);
        return nullptr;
    }

    /// Records a problem of tag `c`, once per place in the template, at most kMaxTemplateErrors.
    void record(const Component &c, const std::string &message) {
        if (!places_.insert(c.position).second) return;
        if (found_.size() < kMaxTemplateErrors) found_.emplace_back(locate(source_, c.position, path_), message);
        else ++unshown_;
    }

public:
    /// Throws the problems recorded, the first with the others in TemplateError::more.
    void finish() const {
        if (found_.empty()) return;
        TemplateError first = found_.front();
        first.more.assign(found_.begin() + 1, found_.end());
        if (unshown_ > 0)
            first.more.emplace_back(SourceLocation{path_, 0, 0},
                                    std::to_string(unshown_) + " more tags the data does not have");
        throw first;
    }

private:

    /// Counts one step of the walk and `bytes` of output; throws past the limits.
    void count(const Component &c, std::size_t bytes) {
        output_ += bytes;
        if (output_ > kMaxTemplateOutput) {
            throw with_found(locate(source_, c.position, path_),
                                "the document would be larger than " + std::to_string(kMaxTemplateOutput >> 20) +
                                    " MiB (a section repeated over long lists?)");
        }
        if (++steps_ > kMaxTemplateSteps) {
            throw with_found(locate(source_, c.position, path_),
                                "rendering takes more than " + std::to_string(kMaxTemplateSteps / 1000000) +
                                    " million steps (sections repeated over long lists?)");
        }
    }

    /// A fatal error at `where`, carrying the tag problems recorded before it.
    TemplateError with_found(SourceLocation where, const std::string &message) const {
        TemplateError e(std::move(where), message);
        e.more = found_;
        return e;
    }

    static bool falsy(const DataNode &v) {
        return (v.kind() == DataNode::Kind::boolean && !v.boolean_value()) ||
               (v.kind() == DataNode::Kind::list && v.items().empty());
    }

    static const char *kind_name(const DataNode &v) {
        switch (v.kind()) {
            case DataNode::Kind::list: return "a list";
            case DataNode::Kind::map: return "a map";
            case DataNode::Kind::boolean: return "a yes/no value";
            case DataNode::Kind::text: break;
        }
        return "text";
    }

    const std::string &source_;
    const std::string &path_;
    std::vector<const DataNode *> stack_;  ///< context stack; back() is the innermost
    std::size_t output_ = 0;               ///< bytes the render produces so far
    std::size_t steps_ = 0;                ///< components visited so far
    std::vector<TemplateError> found_;     ///< tag problems, in the order found
    std::set<std::size_t> places_;         ///< template offsets with a problem recorded
    std::size_t unshown_ = 0;              ///< problems beyond kMaxTemplateErrors
};

/// Rendering context that remembers the first name it could not resolve: a safety net behind
/// Checker, so that an unknown tag can never render silently as empty text.
class StrictContext : public mu::basic_context<std::string> {
public:
    explicit StrictContext(const mu::data *root) : inner_(root) {}
    void push(const mu::data *data) override { inner_.push(data); }
    void pop() override { inner_.pop(); }
    const mu::data *get(const std::string &name) const override {
        const mu::data *v = inner_.get(name);
        if (!v && !missed) missed = name;
        return v;
    }
    const mu::data *get_partial(const std::string &name) const override {
        if (!missed) missed = name;
        return nullptr;
    }
    mutable std::optional<std::string> missed;  ///< first unresolved name

private:
    mu::context<std::string> inner_;
};

}  // namespace

/// The parsed template: our own component tree (with tag positions, for the tag check) and
/// kainjow's renderer, which parses the same text into its own private tree.
struct CompiledTemplate::Impl {
    std::string source;
    std::string path;
    Component root;
    /// kainjow's render is non-const (it records errors of partials and lambdas in the object;
    /// neither can occur here: partials are rejected and the data has no lambdas).
    mutable mu::mustache tmpl;

    Impl(std::string s, std::string p)
        : source(std::move(s)), path(std::move(p)), tmpl((check_depth(source, path), parse_renderer(source))) {
        std::string parse_error;
        {
            mu::context<std::string> unused;
            mu::context_internal<std::string> ctx{unused};
            mu::parser<std::string> parse{source, ctx, root, parse_error};
        }
        if (!parse_error.empty()) throw syntax_error(source, path, parse_error);
        reject_partials(root, source, path);
        if (!tmpl.is_valid()) throw syntax_error(source, path, tmpl.error_message());
    }

    /// kainjow's renderer for `source`, with HTML escaping replaced by one_line_value (validity is checked by the caller).
    static mu::mustache parse_renderer(const std::string &source) {
        mu::mustache m{source};
        m.set_custom_escape(one_line_value);
        return m;
    }
};

CompiledTemplate::CompiledTemplate(std::string source, std::string template_path)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(template_path))) {}
CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate &&) noexcept = default;
CompiledTemplate &CompiledTemplate::operator=(CompiledTemplate &&) noexcept = default;

const std::string &CompiledTemplate::source() const { return impl_->source; }
const std::string &CompiledTemplate::path() const { return impl_->path; }

std::string one_line_value(const std::string &text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            out += ' ';
            ++i;
        } else if (c == '\r' || c == '\n' || c == '\v' || c == '\f') {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
            out += ' ';  // NEL
            ++i;
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            out += ' ';  // LINE SEPARATOR, PARAGRAPH SEPARATOR
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string CompiledTemplate::render(const DataNode &data) const {
    const Impl &t = *impl_;
    Checker checker(t.source, t.path, data);
    checker.check(t.root);
    checker.finish();

    const mu::data converted = to_mustache(data);
    StrictContext ctx{&converted};
    std::string out = t.tmpl.render(ctx);
    if (out.size() > kMaxTemplateOutput) {  // the checker's estimate is a bound; this is the fact
        throw TemplateError(SourceLocation{t.path, 0, 0}, "the document would be larger than " +
                                                               std::to_string(kMaxTemplateOutput >> 20) + " MiB");
    }
    if (!t.tmpl.is_valid()) {
        const std::string message = t.tmpl.error_message();
        t.tmpl = Impl::parse_renderer(t.source);  // kainjow keeps the error; start clean for the next document
        throw TemplateError(SourceLocation{t.path, 0, 0}, "template error: " + message);
    }
    if (ctx.missed) {
        const auto pos = find_tag(t.source, *ctx.missed);
        throw TemplateError(pos ? locate(t.source, *pos, t.path) : SourceLocation{t.path, 0, 0},
                            "unknown tag {{" + *ctx.missed + "}}: the data has no '" + *ctx.missed + "' here");
    }
    return out;
}

std::string render_template(const std::string &source, const std::string &template_path, const DataNode &data) {
    return CompiledTemplate(source, template_path).render(data);
}

std::string render_template_file(const std::string &template_path, const DataNode &data) {
    const SourceLocation where{template_path, 0, 0};
    std::error_code ec;
    if (std::filesystem::is_directory(template_path, ec)) {
        throw TemplateError(where, "cannot read template " + template_path + ": it is a directory");
    }
    errno = 0;
    std::ifstream in(template_path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw TemplateError(where, "cannot read template " + template_path + ": " +
                                       (err ? std::strerror(err) : "cannot open file"));
    }
    std::string source{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        throw TemplateError(where, "cannot read template " + template_path + ": read error");
    }
    return render_template(source, template_path, data);
}

}  // namespace vhh::host
