#include "csv_nl.h"

#include "vhh/ledger_csv.h"
#include "vhh/csv.h"

namespace vhh::importer_csv_nl {

const vhh_setting_spec kSettings[5] = {
    {"kolom_datum", VHH_SETTING_TEXT, 0, "Datum", nullptr, nullptr, "column with the boekdatum (dd-mm-jjjj)", nullptr,
     0},
    {"kolom_kostenplaats", VHH_SETTING_TEXT, 0, "Kostenplaats", nullptr, nullptr, "column with the kostenplaats",
     nullptr, 0},
    {"kolom_rekening", VHH_SETTING_TEXT, 0, "Grootboekrekening", nullptr, nullptr, "column with the grootboekrekening",
     nullptr, 0},
    {"kolom_bedrag", VHH_SETTING_TEXT, 0, "Bedrag", nullptr, nullptr,
     "column with the amount in Dutch notation (1.234,56 / -1.234,56)", nullptr, 0},
    {"kolom_omschrijving", VHH_SETTING_TEXT, 0, "Omschrijving", nullptr, nullptr,
     "column with the description (optional in the file)", nullptr, 0},
};

namespace {

enum Col : std::size_t { kDatum, kKostenplaats, kRekening, kBedrag, kOmschrijving };

std::vector<ledger_csv::Column> columns(const Kolommen &k) {
    return {{k.datum, "kolom_datum"},
            {k.kostenplaats, "kolom_kostenplaats"},
            {k.rekening, "kolom_rekening"},
            {k.bedrag, "kolom_bedrag"},
            {k.omschrijving, "kolom_omschrijving", false}};
}

const char *kFormatHint =
    "importer.csv-nl reads exports separated by ';' with Dutch amounts (1.234,56) and dates dd-mm-jjjj; "
    "an export separated by ',' with ISO dates and Debet/Credit columns is one for importer.debet-credit";

}  // namespace

std::optional<Kolommen> read_kolommen(const Settings &settings, const std::string &key_prefix, Diagnostics &diag) {
    auto cols = ledger_csv::columns_from_settings(columns(Kolommen{}), settings, key_prefix, diag);
    if (!cols) return std::nullopt;
    Kolommen k;
    k.datum = (*cols)[kDatum].name;
    k.kostenplaats = (*cols)[kKostenplaats].name;
    k.rekening = (*cols)[kRekening].name;
    k.bedrag = (*cols)[kBedrag].name;
    k.omschrijving = (*cols)[kOmschrijving].name;
    return k;
}

void read_ledger(const InputFile &file, const Kolommen &k, const std::string &key_prefix, Diagnostics &diag,
                 LedgerSink &sink) {
    auto table = ledger_csv::open(file, ';', columns(k), key_prefix, kFormatHint, diag);
    if (!table) return;
    CsvRecordView r;
    LedgerLine l;  // one line reused for every record: its strings keep their capacity
    while (table->next(r, diag)) {
        if (!ledger_csv::width_ok(*table, r, diag)) continue;
        bool ok = true;
        const std::string_view datum = ledger_csv::field(*table, r, kDatum);
        if (auto d = Date::parse_nl(datum)) {
            l.datum = *d;
        } else {
            diag.error(ExitCode::data, ledger_csv::at(*table, r, kDatum), "",
                       "expected a date dd-mm-jjjj in column '" + k.datum + "', got '" + std::string(datum) + "'");
            ok = false;
        }
        const std::string_view bedrag = ledger_csv::field(*table, r, kBedrag);
        if (auto m = parse_amount_nl(bedrag)) {
            l.bedrag = *m;
            if (!ledger_csv::amount_in_range(*m, bedrag, k.bedrag, ledger_csv::at(*table, r, kBedrag), diag))
                ok = false;
        } else {
            diag.error(ExitCode::data, ledger_csv::at(*table, r, kBedrag), "",
                       "expected an amount like 1.234,56 or -1.234,56 in column '" + k.bedrag + "', got '" +
                           std::string(bedrag) + "'");
            ok = false;
        }
        if (!ok) continue;
        l.kostenplaats = ledger_csv::field(*table, r, kKostenplaats);
        l.rekening = ledger_csv::field(*table, r, kRekening);
        l.omschrijving = ledger_csv::field(*table, r, kOmschrijving);
        ledger_csv::locate(*table, r, kDatum, l.where);
        sink.add(l);
    }
}

void CsvNlImporter::import_ledger(ImportContext &ctx, const InputFile &file, LedgerSink &sink) {
    if (!checked_) {
        kolommen_ = read_kolommen(ctx.settings(), ctx.key_path(), ctx.diagnostics());
        checked_ = true;
    }
    if (kolommen_) read_ledger(file, *kolommen_, ctx.key_path(), ctx.diagnostics(), sink);
}

}  // namespace vhh::importer_csv_nl
