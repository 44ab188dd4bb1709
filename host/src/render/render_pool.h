// Renders the documents of a run on a small pool of worker threads, with results delivered in the
// order of the documents, so that output, manifest and errors are the same for 1 and N threads.
//
// Thread safety (why the workers need no further locks):
// - A job gets its own inputs (a const document and const options) and builds everything it draws
//   on itself: a cairo surface and context per document, a PangoContext per Typesetter from the
//   thread's own default PangoFontMap (pango_cairo_font_map_get_default is per thread since Pango
//   1.32.6), an lxw_workbook per workbook. cairo, fontconfig and HarfBuzz guard their shared
//   caches themselves.
// - The renderers are stateless (const render(), no mutable members, no static caches except C++
//   magic statics such as pdf::font_family(), whose initialisation is thread-safe).
// - libxlsxwriter's workbook_close calls gmtime() (one static buffer) and vhh silences stderr
//   around it with dup2 (process-wide): both run under one mutex (xlsx_renderer.cpp).
// - Nothing calls setlocale or changes the environment while workers run; getenv is only read.
// - Only the calling thread writes files (OutputSet is not shared): workers return bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace vhh::host {

/// Worker threads for rendering: VHH_RENDER_THREADS when set to a number from 1 to 64, else the
/// hardware concurrency (at least 1). 1 renders on the calling thread, as vhh always did.
unsigned render_threads();

/// Calls `job(i)` for i in [0, count) on up to render_threads() threads and `deliver(i, bytes)` on
/// the calling thread in order of i. When a job throws, every job before it is delivered first,
/// then its exception is rethrown (later jobs are abandoned): the first error of the sequential
/// order, never a later one. An exception from `deliver` abandons the rest the same way. At most
/// a few results per thread wait in memory. Returns once no job runs any more.
void render_in_order(std::size_t count, const std::function<std::string(std::size_t)> &job,
                     const std::function<void(std::size_t, std::string &&)> &deliver);

}  // namespace vhh::host
