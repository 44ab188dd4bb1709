// Renders text documents from Mustache templates (kainjow), with HTML escaping off
// and unknown tags reported instead of silently rendered as empty text.
#pragma once

#include <stdexcept>
#include <string>

#include "vhh/diagnostics.h"
#include "vhh/report.h"

namespace vhh::host {

/// A template could not be read, parsed or rendered.
class TemplateError : public std::runtime_error {
public:
    TemplateError(SourceLocation where, const std::string &message)
        : std::runtime_error(message), where(std::move(where)) {}
    SourceLocation where;  ///< the template file, with line and column where known
};

/// Renders the template text `source` (read from `template_path`, used in errors) with `data`.
/// Throws TemplateError on a syntax error (located by line and column) or when the template
/// uses a tag whose name the data does not have (also inside sections).
std::string render_template(const std::string &source, const std::string &template_path, const DataNode &data);

/// Reads `template_path` and renders it; throws TemplateError, also when the file cannot be read.
std::string render_template_file(const std::string &template_path, const DataNode &data);

}  // namespace vhh::host
