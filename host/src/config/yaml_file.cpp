// read_yaml_file: a YAML file read as the host reads its inputs (size limits, regular files only)
// and parsed by read_yaml_text. Apart from yaml_document.cpp because the parser is also part of the
// settings validator library the SDK's test kit links, which reads no files.
#include "config/yaml_document.h"

#include "config/input_file.h"
#include "output/sha256.h"

namespace vhh::host {

YamlNode read_yaml_file(const std::string &path, Diagnostics &diag, const std::string &key_prefix,
                        std::string *sha256) {
    InputRead file = read_input_file(path, InputKind::config);
    if (sha256) *sha256 = file.ok() ? sha256_hex(file.value) : std::string();
    if (!file.ok()) {
        diag.error(file.error.code, SourceLocation{path, 0, 0}, "", "cannot read config file: " + file.error.reason);
        YamlNode none;
        none.where = SourceLocation{path, 0, 0};
        return none;
    }
    return read_yaml_text(file.value, path, diag, key_prefix);
}

}  // namespace vhh::host
