// In-process rendering for plugin tests; see vhh/testing_render.h.
#include "vhh/testing_render.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <sys/wait.h>
#include <unistd.h>

#include "read_workbook_script.h"
#include "temporary_folder.h"
#include "render/document_renderer.h"
#include "render/renderer_registry.h"

namespace vhh::testing {

namespace {

/// Runs `argv` (no shell), returns its stdout; throws with its stderr when it does not exit 0.
std::string run_tool(const std::vector<std::string> &argv, const std::string &folder) {
    const std::string out_path = folder + "/stdout", err_path = folder + "/stderr";
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("cannot start " + argv[0]);
    if (pid == 0) {
        if (!std::freopen(out_path.c_str(), "w", stdout) || !std::freopen(err_path.c_str(), "w", stderr)) _exit(127);
        std::vector<char *> args;
        for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    auto slurp = [](const std::string &path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(argv[0] + " failed: " + slurp(err_path));
    return slurp(out_path);
}

}  // namespace

std::string render_document(const doc::Document &document, const std::string &format) {
    const host::DocumentRenderer *renderer = host::RendererRegistry::builtin().find(format);
    if (renderer == nullptr) throw std::invalid_argument("vhh renders no format '" + format + "'");
    host::RenderOptions options;
    options.created = 946684800;  // 2000-01-01T00:00:00Z: the same document gives the same bytes
    try {
        return renderer->render(document, options);
    } catch (const std::exception &e) {
        throw std::runtime_error(document.name + "." + renderer->extension() + ": " + e.what());
    }
}

std::string read_independently(const std::string &bytes, const std::string &format) {
    if (format == "html" || format == "txt") return bytes;
    if (format != "xlsx" && format != "pdf") throw std::invalid_argument("no independent reader for '" + format + "'");
    TemporaryFolder folder;
    const std::string file = folder.path() + "/document." + format;
    {
        std::ofstream out(file, std::ios::binary);
        out << bytes;
        if (!out.good()) throw std::runtime_error("cannot write " + file);
    }
    if (format == "xlsx") {
        const std::string reader = folder.path() + "/read_workbook.py";
        {
            std::ofstream out(reader, std::ios::binary);
            out << detail::read_workbook_script();
            if (!out.good()) throw std::runtime_error("cannot write " + reader);
        }
        return run_tool({"/usr/bin/python3", reader, file}, folder.path());
    }
    return run_tool({"pdftotext", "-layout", file, "-"}, folder.path());
}

}  // namespace vhh::testing
