// Renders text documents from Mustache templates (kainjow), with HTML escaping off
// and unknown tags reported instead of silently rendered as empty text.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "vhh/diagnostics.h"
#include "vhh/data_node.h"
#include "vhh/report.h"

namespace vhh {

/// A text rendered by the host from a Mustache template (a letter's or report's wording).
struct TextDocument {
    std::string file_name;      ///< e.g. "bijdragen-2013.txt"; a plain file name
    std::string template_name;  ///< e.g. "bijdragen.txt.mustache"
    DataNode data;              ///< values for the template
};

}  // namespace vhh

namespace vhh::host {

/// A value as `{{name}}` inserts it into a template: every line break (CR, LF, CR LF, VT, FF,
/// NEL, U+2028, U+2029) becomes one space, so a name from the config cannot start a paragraph, a
/// list item or a letter part ("Onderwerp:") of its own. `{{{name}}}` inserts the value as it is.
std::string one_line_value(const std::string &text);

/// Sections nest at most this deep in a template (deeper is a located syntax error).
inline constexpr std::size_t kMaxTemplateDepth = 100;
/// The tag check reports at most this many problems of one document (then a count of the rest).
inline constexpr std::size_t kMaxTemplateErrors = 100;
/// A rendered text document is at most this many bytes (16 MiB).
inline constexpr std::size_t kMaxTemplateOutput = std::size_t{16} << 20;
/// Rendering one document visits at most this many template parts (sections over long lists).
inline constexpr std::size_t kMaxTemplateSteps = 20'000'000;

/// A template could not be read, parsed or rendered.
class TemplateError : public std::runtime_error {
public:
    TemplateError(SourceLocation where, const std::string &message)
        : std::runtime_error(message), where(std::move(where)) {}
    SourceLocation where;  ///< the template file, with line and column where known
    /// Further problems found in the same pass (the tag check reports every unknown tag of a
    /// document, each place once), to be reported after this one.
    std::vector<TemplateError> more;
};

/// A template parsed and checked once, to render many documents from (e.g. the raadsbrief of
/// every gemeente). Compiling reports what does not depend on the data: syntax errors (located)
/// and partials. Rendering then only checks the tags against each document's data and renders.
/// Not thread-safe: kainjow's render is non-const, so render one document at a time per object.
class CompiledTemplate {
public:
    /// Parses `source` (read from `template_path`, used in errors); throws TemplateError on a
    /// syntax error or a partial.
    CompiledTemplate(std::string source, std::string template_path);
    ~CompiledTemplate();
    CompiledTemplate(CompiledTemplate &&) noexcept;
    CompiledTemplate &operator=(CompiledTemplate &&) noexcept;

    /// Renders with `data`, exactly as render_template does; throws TemplateError when the
    /// template uses a tag whose name the data does not have (also inside sections; every such
    /// tag, the others in TemplateError::more).
    std::string render(const DataNode &data) const;
    /// The template text.
    const std::string &source() const;
    /// The template's path, as named in errors.
    const std::string &path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Renders the template text `source` (read from `template_path`, used in errors) with `data`.
/// Throws TemplateError on a syntax error (located by line and column) or when the template
/// uses a tag whose name the data does not have (also inside sections).
std::string render_template(const std::string &source, const std::string &template_path, const DataNode &data);

/// Reads `template_path` and renders it; throws TemplateError, also when the file cannot be read.
std::string render_template_file(const std::string &template_path, const DataNode &data);

}  // namespace vhh::host
