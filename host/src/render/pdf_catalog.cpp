// An incremental update of a PDF's catalog: cairo 1.16 writes no /Lang (and has no API for it),
// so the renderer appends a new version of the catalog that has one.
#include <cstdio>

#include "render/pdf_renderer.h"
#include "render/xlsx_renderer.h"

namespace vhh::host {

namespace {

[[noreturn]] void unexpected(const std::string &what) {
    throw RenderError("PDF from cairo not as expected (" + what + "); cannot add the catalog entries");
}

long number_after(const std::string &text, const std::string &key) {
    const std::size_t at = text.find(key);
    if (at == std::string::npos) unexpected(key + " missing");
    return std::strtol(text.c_str() + at + key.size(), nullptr, 10);
}

}  // namespace

std::string add_catalog_entries(const std::string &pdf, const std::string &entries) {
    const std::size_t trailer_at = pdf.rfind("trailer");
    const std::size_t startxref_at = pdf.rfind("startxref");
    if (trailer_at == std::string::npos || startxref_at == std::string::npos || startxref_at < trailer_at)
        unexpected("no trailer");
    const std::string trailer = pdf.substr(trailer_at, startxref_at - trailer_at);
    const long size = number_after(trailer, "/Size ");
    const long root = number_after(trailer, "/Root ");
    const long info = number_after(trailer, "/Info ");
    const long previous_xref = std::strtol(pdf.c_str() + startxref_at + 9, nullptr, 10);

    // The catalog's offset from the xref table: entry `root` of the section starting at 0.
    const std::size_t xref_at = static_cast<std::size_t>(previous_xref);
    if (pdf.compare(xref_at, 4, "xref") != 0) unexpected("no xref table at startxref");
    const std::size_t first_entry = pdf.find('\n', pdf.find('\n', xref_at) + 1) + 1;
    const std::size_t entry_at = first_entry + static_cast<std::size_t>(root) * 20;
    if (root <= 0 || root >= size || entry_at + 20 > pdf.size()) unexpected("catalog not in the xref table");
    const std::size_t catalog_at = static_cast<std::size_t>(std::strtol(pdf.c_str() + entry_at, nullptr, 10));
    const std::size_t open = pdf.find("<<", catalog_at);
    const std::size_t end = pdf.find("endobj", catalog_at);
    if (open == std::string::npos || end == std::string::npos) unexpected("catalog object");
    const std::size_t close = pdf.rfind(">>", end);
    if (close == std::string::npos || close < open ||
        pdf.substr(open, close - open).find("/Type /Catalog") == std::string::npos)
        unexpected("catalog dictionary");

    std::string out = pdf;
    if (out.back() != '\n') out += '\n';
    const std::size_t object_at = out.size();
    out += std::to_string(root) + " 0 obj\n" + pdf.substr(open, close - open) + "   " + entries + "\n>>\nendobj\n";
    const std::size_t new_xref = out.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", object_at);
    out += "xref\n" + std::to_string(root) + " 1\n" + entry;
    out += "trailer\n<< /Size " + std::to_string(size) + "\n   /Root " + std::to_string(root) + " 0 R\n   /Info " +
           std::to_string(info) + " 0 R\n   /Prev " + std::to_string(previous_xref) + "\n>>\nstartxref\n" +
           std::to_string(new_xref) + "\n%%EOF\n";
    return out;
}

}  // namespace vhh::host
