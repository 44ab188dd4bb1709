#include "render/png_image.h"

#include <algorithm>

namespace vhh::host {

cairo_surface_t *decode_png(const std::string &bytes) {
    struct Source {
        const std::string &bytes;
        std::size_t at = 0;
    } source{bytes, 0};
    cairo_surface_t *png = cairo_image_surface_create_from_png_stream(
        [](void *closure, unsigned char *data, unsigned int length) {
            auto *s = static_cast<Source *>(closure);
            if (s->bytes.size() - s->at < length) return CAIRO_STATUS_READ_ERROR;
            std::copy_n(s->bytes.data() + s->at, length, data);
            s->at += length;
            return CAIRO_STATUS_SUCCESS;
        },
        &source);
    if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(png);
        return nullptr;
    }
    return png;
}

std::string png_problem(const std::string &bytes) {
    if (bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return "not a PNG image";
    cairo_surface_t *png = decode_png(bytes);
    if (png == nullptr) return "a damaged PNG image (it cannot be decoded)";
    cairo_surface_destroy(png);
    return "";
}

}  // namespace vhh::host
