// report.begroting — the small parts its documents are built of (cells, rows, years as text),
// shared by the begroting's documents and the begrotingswijziging's.
#pragma once

#include <string>
#include <vector>

#include "vhh/document.h"
#include "vhh/money.h"

namespace vhh::begroting::parts {

/// A text cell.
inline doc::Cell text(const std::string &s) { return {doc::Value::text(s), "", ""}; }
/// A money cell, optionally named and with its formula.
inline doc::Cell money(Money m, const std::string &name = "", const std::string &formula = "") {
    return {doc::Value::money(m), name, formula};
}
/// A row of cells.
inline doc::Row row(std::vector<doc::Cell> cells, doc::RowRole role = doc::RowRole::body) {
    return {std::move(cells), role};
}
/// A year as text.
inline std::string j(int jaar) { return std::to_string(jaar); }

}  // namespace vhh::begroting::parts

namespace vhh::begroting {
using parts::j;
using parts::money;
using parts::row;
using parts::text;
}  // namespace vhh::begroting
