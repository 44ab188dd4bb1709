// Contribution lines: what a financing plugin computes, one per payer and source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vhh/money.h"

namespace vhh {

/// One input figure a line was computed from, shown in JSON `inputs` and in the basis.
struct LineInput {
    std::string key;            ///< e.g. "inwoners", "tarief_cents"
    std::int64_t integer = 0;   ///< the value when numeric (money inputs in cents, keys end in _cents)
    std::string text;           ///< the value when textual
    bool is_text = false;       ///< which of the two holds the value
};

/// An amount a payer owes (or receives) from one source, with how it was computed.
struct ContributionLine {
    std::string source;             ///< plugin-defined source id, e.g. "inwonerbijdrage"
    std::string payer_id;           ///< CBS code for a gemeente, partner id for a partner
    std::string payer;              ///< display name
    Money amount;                   ///< exact amount
    std::string basis;              ///< human-readable basis: "22.551 inwoners × € 0,40"
    std::vector<LineInput> inputs;  ///< the figures behind the amount

    /// Adds a numeric input.
    ContributionLine &input(std::string key, std::int64_t value) {
        inputs.push_back({std::move(key), value, {}, false});
        return *this;
    }
    /// Adds a text input.
    ContributionLine &input_text(std::string key, std::string value) {
        inputs.push_back({std::move(key), 0, std::move(value), true});
        return *this;
    }
};

}  // namespace vhh
