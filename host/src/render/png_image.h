// PNG images (the huisstijl's logo) decoded with cairo from bytes in memory: the PDF renderer draws
// them, `vhh check` decodes them whole first, so a file that is PNG only in its first bytes is
// refused by check and never reaches a run.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>

namespace vhh::host {

/// The image of PNG `bytes` as a cairo surface the caller destroys, or nothing when cairo cannot
/// decode them (a truncated or corrupt file).
cairo_surface_t *decode_png(const std::string &bytes);

/// Why `bytes` are not a PNG image cairo can draw ("" when they are).
std::string png_problem(const std::string &bytes);

}  // namespace vhh::host
