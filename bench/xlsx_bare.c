/* The comparison for workbook writing: the same cells as bench/workbook_model.h puts in vhh's report
 * model (a header row and ROWS rows × 8 columns: text, integer, money, money, text, percentage,
 * integer, formula with its cached value), written straight with libxlsxwriter in constant-memory
 * mode with the number formats vhh's renderer uses. This is what the peer figure "bare
 * libxlsxwriter ≈ 1,2 s (≈ 4 MB)" measures; vhh's overhead is the ratio to it.
 *
 * As a program (built as vhh_bench_xlsx_bare): vhh_bench_xlsx_bare [ROWS [FILE]]
 * prints "bare libxlsxwriter: ROWS rows x 8 columns: wall S s, peak RSS K KiB". */
#include "xlsx_bare.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *const kCategories[] = {"personeel", "huisvesting", "ict", "projecten", "overige lasten",
                                          "rijksbijdrage", "gemeentelijke bijdragen", "werkplekhuur"};

int vhh_bench_bare_write(const char *path, int rows) {
    lxw_workbook_options options;
    memset(&options, 0, sizeof options);
    options.constant_memory = LXW_TRUE;
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (!wb) return 1;
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = (char *)"benchmark";
    props.created = 1704067200; /* 2024-01-01 */
    workbook_set_properties(wb, &props);

    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *integer = workbook_add_format(wb);
    format_set_num_format(integer, "#,##0");
    lxw_format *money = workbook_add_format(wb);
    format_set_num_format(money, "\"\xE2\x82\xAC \"#,##0.00;-\"\xE2\x82\xAC \"#,##0.00");
    lxw_format *percentage = workbook_add_format(wb);
    format_set_num_format(percentage, "0.00%");

    lxw_worksheet *ws = workbook_add_worksheet(wb, "Regels");
    if (!ws) return 1;
    static const char *const headers[] = {"Omschrijving", "Aantal", "Bedrag", "Correctie",
                                          "Categorie", "Percentage", "Volgnummer", "Totaal"};
    static const double widths[] = {24, 12, 16, 16, 22, 12, 12, 16};
    for (int c = 0; c < 8; ++c) worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    worksheet_freeze_panes(ws, 1, 0);
    for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 0, (lxw_col_t)c, headers[c], bold);

    char text[64], formula[64];
    for (int i = 0; i < rows; ++i) {
        const lxw_row_t r = (lxw_row_t)(i + 1);
        long long cents = VHH_BENCH_CENTS(i), correctie = VHH_BENCH_CORRECTIE(i);
        snprintf(text, sizeof text, "Regel %d", i + 1);
        worksheet_write_string(ws, r, 0, text, NULL);
        worksheet_write_number(ws, r, 1, (double)VHH_BENCH_AANTAL(i), integer);
        worksheet_write_number(ws, r, 2, (double)cents / 100.0, money);
        worksheet_write_number(ws, r, 3, (double)correctie / 100.0, money);
        worksheet_write_string(ws, r, 4, kCategories[i % 8], NULL);
        worksheet_write_number(ws, r, 5, (double)VHH_BENCH_PPM(i) / 1e6, percentage);
        worksheet_write_number(ws, r, 6, (double)(i + 1), integer);
        snprintf(formula, sizeof formula, "=C%d+D%d", i + 2, i + 2);
        worksheet_write_formula_num(ws, r, 7, formula, money, (double)(cents + correctie) / 100.0);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

#ifdef VHH_BENCH_BARE_MAIN
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

int main(int argc, char **argv) {
    const int rows = argc > 1 ? atoi(argv[1]) : 100000;
    const char *path = argc > 2 ? argv[2] : "/tmp/vhh-bench-bare.xlsx";
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    if (vhh_bench_bare_write(path, rows) != 0) {
        fprintf(stderr, "vhh_bench_xlsx_bare: cannot write %s\n", path);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("bare libxlsxwriter: %d rows x 8 columns: wall %.3f s, peak RSS %ld KiB\n", rows,
           (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9, ru.ru_maxrss);
    return 0;
}
#endif
