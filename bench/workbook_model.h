// The workbook benchmark's cells (see xlsx_bare.h) as vhh's report model: what a plugin would add
// with ctx.add_workbook and the host renders with render_workbook.
#pragma once

#include <string>

#include "vhh/report.h"
#include "xlsx_bare.h"

namespace vhh::bench {

inline const char *const kCategories[] = {"personeel", "huisvesting", "ict", "projecten", "overige lasten",
                                          "rijksbijdrage", "gemeentelijke bijdragen", "werkplekhuur"};

/// A workbook with one sheet "Regels": a header row and `rows` rows × 8 columns.
inline Workbook workbook_model(int rows) {
    Workbook wb;
    wb.file_name = "benchmark.xlsx";
    wb.title = "benchmark";
    Table t;
    t.name = "Regels";
    t.columns = {{"Omschrijving", 24}, {"Aantal", 12},    {"Bedrag", 16},     {"Correctie", 16},
                 {"Categorie", 22},    {"Percentage", 12}, {"Volgnummer", 12}, {"Totaal", 16}};
    t.rows.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        const long long cents = VHH_BENCH_CENTS(i), correctie = VHH_BENCH_CORRECTIE(i);
        std::vector<Cell> row;
        row.reserve(8);
        row.push_back(Cell::text("Regel " + std::to_string(i + 1)));
        row.push_back(Cell::integer(VHH_BENCH_AANTAL(i)));
        row.push_back(Cell::money(Money::cents(cents)));
        row.push_back(Cell::money(Money::cents(correctie)));
        row.push_back(Cell::text(kCategories[i % 8]));
        row.push_back(Cell::percentage_ppm(VHH_BENCH_PPM(i)));
        row.push_back(Cell::integer(i + 1));
        row.push_back(Cell::formula(Table::ref(static_cast<std::size_t>(i), 2) + "+" +
                                        Table::ref(static_cast<std::size_t>(i), 3),
                                    Cell::money(Money::cents(cents + correctie))));
        t.rows.push_back(std::move(row));
    }
    wb.sheets.push_back(std::move(t));
    return wb;
}

}  // namespace vhh::bench
