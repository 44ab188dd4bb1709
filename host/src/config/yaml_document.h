// A YAML file read into a tree that remembers where every node was written.
// Built on yaml-cpp's event parser so that duplicate keys are caught (yaml-cpp's
// node API keeps the last one silently) and scalars stay text (no octal surprises:
// the caller decides what `0123` means).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vhh/diagnostics.h"

namespace vhh::host {

/// A node of a YAML document with its location.
class YamlNode {
public:
    enum class Kind { null, scalar, sequence, map };

    Kind kind = Kind::null;
    SourceLocation where;   ///< 1-based line and column of the node's first character
    std::string text;       ///< scalar text exactly as written (unquoted, unescaped)
    bool quoted = false;    ///< true when the scalar was quoted ('..' or "..") or a block scalar
    bool truncated = false; ///< root only: the file had a syntax error, so this is only what came before it
    std::vector<YamlNode> items;                        ///< sequence elements
    std::vector<std::pair<YamlNode, YamlNode>> entries; ///< map entries in document order (key, value)

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    /// The value of a map entry whose key is the scalar `key`, or nullptr (also when not a map).
    const YamlNode *find(const std::string &key) const;
    /// Describes the kind for messages: "a map", "a list", "a text value", "nothing".
    std::string describe() const;
};

/// Reads a YAML file. On a syntax error, a duplicate key or a missing file, records
/// located errors in `diag` (missing/unreadable file: ExitCode::no_input; syntax and
/// duplicate keys: ExitCode::config) and returns what could be read (a null node when nothing).
/// Every duplicate key of the document is reported, not only the first. An empty file is a null node.
/// `key_prefix` (e.g. "plugins[3]") is put before the key paths of its errors, for a file that
/// holds one section of a bigger configuration. When `sha256` is given, it receives the SHA-256
/// (hex) of the bytes parsed (empty when the file could not be read), so that a manifest records
/// the file that was read, not whatever is at the path later. (Defined in yaml_file.cpp, in the host
/// library: the settings validator library holds the parser only.)
YamlNode read_yaml_file(const std::string &path, Diagnostics &diag, const std::string &key_prefix = "",
                        std::string *sha256 = nullptr);

/// Same, from text already in memory; `path` is only used in locations.
YamlNode read_yaml_text(const std::string &text, const std::string &path, Diagnostics &diag,
                        const std::string &key_prefix = "");

}  // namespace vhh::host
