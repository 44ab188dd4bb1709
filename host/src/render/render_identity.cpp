#include "render/render_identity.h"

#include <cairo.h>
#include <elf.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb.h>
#include <link.h>
#include <pango/pango.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "output/sha256.h"
#include "render/pdf_typesetter.h"

namespace vhh::host {

namespace {

/// The main program's NT_GNU_BUILD_ID note as hex, or "" when it has none.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](struct dl_phdr_info *info, size_t, void *data) -> int {
            auto &out = *static_cast<std::string *>(data);
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr) &ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const char *p = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
                const char *end = p + ph.p_memsz;
                while (p + sizeof(ElfW(Nhdr)) <= end) {
                    const auto *note = reinterpret_cast<const ElfW(Nhdr) *>(p);
                    const char *name = p + sizeof(ElfW(Nhdr));
                    const char *desc = name + ((note->n_namesz + 3) & ~3u);
                    if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        static const char hex[] = "0123456789abcdef";
                        for (unsigned k = 0; k < note->n_descsz; ++k) {
                            const auto b = static_cast<unsigned char>(desc[k]);
                            out += hex[b >> 4];
                            out += hex[b & 15];
                        }
                        return 1;
                    }
                    p = desc + ((note->n_descsz + 3) & ~3u);
                }
            }
            return 1;  // the first object is the main program: never look further
        },
        &id);
    return id;
}

/// The files fontconfig lists for the PDF's family, each with size and modification time, sorted.
std::string font_files() {
    std::vector<std::string> files;
    FcPattern *pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8 *>(pdf::font_family().c_str()));
    FcObjectSet *objects = FcObjectSetBuild(FC_FILE, nullptr);
    if (FcFontSet *set = FcFontList(nullptr, pattern, objects)) {
        for (int i = 0; i < set->nfont; ++i) {
            FcChar8 *file = nullptr;
            if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
            struct stat st {};
            const char *path = reinterpret_cast<const char *>(file);
            std::string line = path;
            if (::stat(path, &st) == 0)
                line += " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                        std::to_string(st.st_mtim.tv_nsec);
            files.push_back(line);
        }
        FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    std::sort(files.begin(), files.end());
    std::string out;
    for (const auto &f : files) out += f + "\n";
    return out;
}

}  // namespace

const std::string &render_environment_digest() {
    static const std::string digest = [] {
        std::string id = build_id();
        if (id.empty()) id = "program " + sha256_hex_file("/proc/self/exe");
        return sha256_hex("vhh render environment 1\n" + id + "\ncairo " + cairo_version_string() + "\npango " +
                          pango_version_string() + "\nharfbuzz " + hb_version_string() + "\n" + font_files());
    }();
    return digest;
}

std::string house_style_digest(const HouseStyle &house) {
    std::string text = "vhh house style 1\n" + house.organisation + "\n";
    for (const auto &line : house.address_lines) text += "address " + line + "\n";
    auto person = [&](const char *role, const doc::Person &p) {
        text += std::string(role) + "\n" + p.name + "\n" + p.function + "\n" + p.phone + "\n" + p.email + "\n";
    };
    person("contact", house.contact);
    person("signatory", house.signatory);
    if (!house.logo_path.empty()) {
        std::string logo;
        try {
            logo = sha256_hex_file(house.logo_path);
        } catch (const std::exception &) {  // the renderer reports it
            logo = "unreadable " + house.logo_path;
        }
        text += "logo " + logo + "\n";
    }
    return sha256_hex(text);
}

}  // namespace vhh::host
