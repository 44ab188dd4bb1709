// The host's renderer registry; see renderer_registry.h.
#include "render/renderer_registry.h"

#include <algorithm>
#include <stdexcept>

#include "render/document_text_renderer.h"
#include "render/document_xlsx_renderer.h"
#include "render/html_renderer.h"
#include "render/pdf_renderer.h"

namespace vhh::host {

void RendererRegistry::add(std::unique_ptr<DocumentRenderer> renderer) {
    if (find(renderer->format()) != nullptr)
        throw std::logic_error("a second renderer of format '" + renderer->format() + "'");
    renderers_.push_back(std::move(renderer));
}

const DocumentRenderer *RendererRegistry::find(const std::string &format) const {
    for (const auto &r : renderers_)
        if (r->format() == format) return r.get();
    return nullptr;
}

std::vector<std::string> RendererRegistry::formats() const {
    std::vector<std::string> out;
    for (const auto &format : kDocumentFormats)
        if (find(format) != nullptr) out.push_back(format);
    for (const auto &r : renderers_)  // any other, after the documented ones
        if (std::find(out.begin(), out.end(), r->format()) == out.end()) out.push_back(r->format());
    return out;
}

const RendererRegistry &RendererRegistry::builtin() {
    static const RendererRegistry registry = [] {
        RendererRegistry r;
        r.add(std::make_unique<PdfRenderer>());
        r.add(std::make_unique<DocumentXlsxRenderer>());
        r.add(std::make_unique<HtmlRenderer>());
        r.add(std::make_unique<DocumentTextRenderer>());
        return r;
    }();
    return registry;
}

}  // namespace vhh::host
