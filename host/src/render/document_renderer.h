// One renderer per output format for the document model (vhh/document.h), chosen by the config's
// `formaten:` key. A renderer is a pure function of the document and the house style: the same
// inputs give the same bytes (no clock, no random ids; the creation time comes from the run).
#pragma once

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "vhh/document.h"

namespace vhh::host {

/// The organisation's letterhead and house style, from the config; renderers of letters and
/// invoices place it, the others may use the organisation name in headers and metadata.
struct HouseStyle {
    std::string organisation;                ///< e.g. "Veiligheidshuis Zeeland"
    std::vector<std::string> address_lines;  ///< postal address, one line each
    std::string logo_path;                   ///< PNG file (resolved, read through the input rules), or empty
    doc::Person contact;                     ///< default contact person of letters
    doc::Person signatory;                   ///< default signatory of letters
};

/// What every renderer gets besides the document.
struct RenderOptions {
    HouseStyle house;          ///< letterhead and defaults
    std::time_t created = 0;   ///< creation time stored in the file (SOURCE_DATE_EPOCH or the run's fixed time)
    /// A folder for a renderer's temporary files (the run's staging folder beside --out, so that a
    /// full /tmp cannot fail a run); empty: $TMPDIR, else /tmp.
    std::string scratch_dir;
};

/// Renders documents of the model into one format.
class DocumentRenderer {
public:
    virtual ~DocumentRenderer() = default;
    /// The format's name as the config's `formaten:` says it: "pdf", "html", "xlsx", "txt".
    virtual std::string format() const = 0;
    /// The file extension without dot, e.g. "pdf".
    virtual std::string extension() const = 0;
    /// The file's bytes for `document`; throws RenderError (xlsx_renderer.h) naming the document
    /// when it cannot be rendered.
    virtual std::string render(const doc::Document &document, const RenderOptions &options) const = 0;
};

}  // namespace vhh::host
