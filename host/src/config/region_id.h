// The rule for a region's id (regio.id): it names the region's folder in --out of a province run
// and the region in manifest.json, so it must be a safe slug.
#pragma once

#include <string>

namespace vhh::host {

/// The longest region id.
inline constexpr std::size_t kMaxRegionIdLength = 64;

/// Empty when `id` is a safe slug: 1 to kMaxRegionIdLength characters of a–z, 0–9, '-' and '_',
/// starting with a letter or digit (so never "..", "a/b" or "manifest.json"); otherwise what is wrong.
inline std::string region_id_problem(const std::string &id) {
    if (id.size() > kMaxRegionIdLength)
        return "a region id has at most " + std::to_string(kMaxRegionIdLength) + " characters, this one " +
               std::to_string(id.size());
    const auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    bool ok = !id.empty() && plain(id.front());
    for (char c : id) ok = ok && (plain(c) || c == '-' || c == '_');
    if (!ok) return "a region id is lower-case letters, digits, '-' and '_', starting with a letter or digit";
    return "";
}

}  // namespace vhh::host
