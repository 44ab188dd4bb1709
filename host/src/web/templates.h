// The pages' Mustache templates (share/vhh/web/templates/*.mustache, HTML escaping on: every value
// is text unless the template says {{{…}}}, which only the layout does for the page it wraps) and
// the static files (share/vhh/web/static/), read once when the server starts.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace vhh::host::web {

/// The data a template is rendered with.
using Data = kainjow::mustache::data;

/// The web folder's templates and static files.
class Templates {
public:
    /// Reads `dir`/templates/*.mustache and `dir`/static/*; a missing folder or a template that does
    /// not parse is a std::runtime_error naming the file.
    explicit Templates(const std::string &dir);

    /// The page `name` rendered with `data` inside layout.mustache (which gets `titel` from `data`).
    std::string page(const std::string &name, const Data &data) const;

    /// The static file `name` (e.g. "vhh.css"), or nullptr.
    const std::string *static_file(const std::string &name) const;

private:
    /// Template `name` parsed, this thread's copy.
    kainjow::mustache::mustache &parsed(const std::string &name) const;

    std::uint64_t id_;
    std::map<std::string, std::string> templates_;
    std::map<std::string, std::string> static_;
};

}  // namespace vhh::host::web
