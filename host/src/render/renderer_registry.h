// The renderers of the document model, one per format (document_renderer.h). The config's
// `formaten:` key picks which of them a run uses.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "render/document_renderer.h"

namespace vhh::host {

/// Every format name `formaten:` may list, in the order of the documented default.
inline const std::vector<std::string> kDocumentFormats = {"pdf", "xlsx", "html", "txt"};

/// Renderers by format; at most one per format.
class RendererRegistry {
public:
    /// Adds `renderer`; throws std::logic_error when the registry has one of its format already.
    void add(std::unique_ptr<DocumentRenderer> renderer);
    /// The renderer of `format`, or nullptr.
    const DocumentRenderer *find(const std::string &format) const;
    /// The formats it renders, in the order of kDocumentFormats (the default of `formaten:`).
    std::vector<std::string> formats() const;

    /// The renderers this vhh has.
    static const RendererRegistry &builtin();

private:
    std::vector<std::unique_ptr<DocumentRenderer>> renderers_;
};

}  // namespace vhh::host
