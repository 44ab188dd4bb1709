#include "debet_credit.h"

#include "vhh/ledger_csv.h"

namespace vhh::importer_debet_credit {

const vhh_setting_spec kSettings[6] = {
    {"kolom_datum", VHH_SETTING_TEXT, 0, "Datum", nullptr, nullptr, "column with the boekdatum (yyyy-mm-dd)", nullptr,
     0},
    {"kolom_kostenplaats", VHH_SETTING_TEXT, 0, "Kostenplaats", nullptr, nullptr, "column with the kostenplaats",
     nullptr, 0},
    {"kolom_rekening", VHH_SETTING_TEXT, 0, "Grootboekrekening", nullptr, nullptr, "column with the grootboekrekening",
     nullptr, 0},
    {"kolom_debet", VHH_SETTING_TEXT, 0, "Debet", nullptr, nullptr,
     "column with the debet amount (1234.56; empty when nothing is debited)", nullptr, 0},
    {"kolom_credit", VHH_SETTING_TEXT, 0, "Credit", nullptr, nullptr,
     "column with the credit amount (1234.56; empty when nothing is credited); the line's amount is debet - credit",
     nullptr, 0},
    {"kolom_omschrijving", VHH_SETTING_TEXT, 0, "Omschrijving", nullptr, nullptr,
     "column with the description (optional in the file)", nullptr, 0},
};

namespace {

enum Col : std::size_t { kDatum, kKostenplaats, kRekening, kDebet, kCredit, kOmschrijving };

std::vector<ledger_csv::Column> columns(const Kolommen &k) {
    return {{k.datum, "kolom_datum"},
            {k.kostenplaats, "kolom_kostenplaats"},
            {k.rekening, "kolom_rekening"},
            {k.debet, "kolom_debet"},
            {k.credit, "kolom_credit"},
            {k.omschrijving, "kolom_omschrijving", false}};
}

const char *kFormatHint =
    "importer.debet-credit reads exports separated by ',' with ISO dates (yyyy-mm-dd) and Debet/Credit amounts "
    "like 1234.56; an export separated by ';' with Dutch amounts (1.234,56) is one for importer.csv-nl";

}  // namespace

std::optional<Kolommen> read_kolommen(const Settings &settings, const std::string &key_prefix, Diagnostics &diag) {
    auto cols = ledger_csv::columns_from_settings(columns(Kolommen{}), settings, key_prefix, diag);
    if (!cols) return std::nullopt;
    Kolommen k;
    k.datum = (*cols)[kDatum].name;
    k.kostenplaats = (*cols)[kKostenplaats].name;
    k.rekening = (*cols)[kRekening].name;
    k.debet = (*cols)[kDebet].name;
    k.credit = (*cols)[kCredit].name;
    k.omschrijving = (*cols)[kOmschrijving].name;
    return k;
}

std::optional<Money> parse_amount(std::string_view text) {
    if (text.empty()) return Money();
    // Money::parse also takes a leading '+'; a ledger amount is written without one.
    if (text[0] == '+') return std::nullopt;
    return Money::parse(text);
}

void read_ledger(const InputFile &file, const Kolommen &k, const std::string &key_prefix, Diagnostics &diag,
                 LedgerSink &sink) {
    auto table = ledger_csv::open(file, ',', columns(k), key_prefix, kFormatHint, diag);
    if (!table) return;
    CsvRecordView r;
    LedgerLine l;  // one line reused for every record: its strings keep their capacity
    while (table->next(r, diag)) {
        if (!ledger_csv::width_ok(*table, r, diag)) continue;
        bool ok = true;
        const std::string_view datum = ledger_csv::field(*table, r, kDatum);
        if (auto d = Date::parse_iso(datum)) {
            l.datum = *d;
        } else {
            diag.error(ExitCode::data, ledger_csv::at(*table, r, kDatum), "",
                       "expected a date yyyy-mm-dd in column '" + k.datum + "', got '" + std::string(datum) + "'");
            ok = false;
        }
        Money side[2];
        bool amounts_ok = true;
        for (int s = 0; s < 2; ++s) {
            const std::size_t c = s == 0 ? kDebet : kCredit;
            const std::string &name = s == 0 ? k.debet : k.credit;
            const std::string_view text = ledger_csv::field(*table, r, c);
            const SourceLocation where = ledger_csv::at(*table, r, c);
            if (auto m = parse_amount(text)) {
                side[s] = *m;
                if (!ledger_csv::amount_in_range(*m, text, name, where, diag)) amounts_ok = false;
            } else {
                diag.error(ExitCode::data, where, "",
                           "expected an amount like 1234.56 in column '" + name + "', got '" + std::string(text) + "'",
                           "a decimal point, at most two decimals, no thousands separators");
                amounts_ok = false;
            }
        }
        const bool neither =
            ledger_csv::field(*table, r, kDebet).empty() && ledger_csv::field(*table, r, kCredit).empty();
        if (amounts_ok && neither) {
            diag.error(ExitCode::data, ledger_csv::at(*table, r, kDebet), "",
                       "no amount: columns '" + k.debet + "' and '" + k.credit + "' are both empty",
                       "write 0.00 for a line of nothing");
            amounts_ok = false;
        }
        if (amounts_ok) {
            l.bedrag = side[0] - side[1];
            if (!ledger_csv::amount_in_range(l.bedrag, side[0].format_plain() + " - " + side[1].format_plain(),
                                             k.debet + " - " + k.credit, ledger_csv::at(*table, r, kDebet), diag))
                amounts_ok = false;
        }
        if (!ok || !amounts_ok) continue;
        l.kostenplaats = ledger_csv::field(*table, r, kKostenplaats);
        l.rekening = ledger_csv::field(*table, r, kRekening);
        l.omschrijving = ledger_csv::field(*table, r, kOmschrijving);
        ledger_csv::locate(*table, r, kDatum, l.where);
        sink.add(l);
    }
}

void DebetCreditImporter::import_ledger(ImportContext &ctx, const InputFile &file, LedgerSink &sink) {
    if (!checked_) {
        kolommen_ = read_kolommen(ctx.settings(), ctx.key_path(), ctx.diagnostics());
        checked_ = true;
    }
    if (kolommen_) read_ledger(file, *kolommen_, ctx.key_path(), ctx.diagnostics(), sink);
}

}  // namespace vhh::importer_debet_credit
