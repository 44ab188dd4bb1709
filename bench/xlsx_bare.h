/* The cells of the workbook benchmark, shared by the bare-libxlsxwriter writer (C) and the report
 * model builder (C++), so both write exactly the same values. Row i (0-based data row) holds:
 *   A text "Regel i+1", B integer aantal, C money cents, D money correctie, E text categorie,
 *   F percentage (ppm), G integer i+1, H formula C+D with its cached value. */
#ifndef VHH_BENCH_XLSX_BARE_H
#define VHH_BENCH_XLSX_BARE_H

#define VHH_BENCH_AANTAL(i) (((long long)(i) * 7919) % 100000)
#define VHH_BENCH_CENTS(i) (((long long)(i) * 104729) % 10000000 + 1)
#define VHH_BENCH_CORRECTIE(i) ((i) % 10 == 3 ? -(((long long)(i) * 31) % 50000) : 0)
#define VHH_BENCH_PPM(i) (((long long)(i) * 9973) % 1000000)

#ifdef __cplusplus
extern "C" {
#endif

/** Writes the benchmark workbook of `rows` data rows to `path` with bare libxlsxwriter
 *  (constant-memory mode). Returns 0 on success. */
int vhh_bench_bare_write(const char *path, int rows);

#ifdef __cplusplus
}
#endif

#endif
