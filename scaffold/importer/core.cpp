#include "{{ident}}.h"

#include <vector>

namespace {{ident}}_plugin {

const vhh::SettingsTable<Instellingen> kSettings{
    vhh::bind("scheidingsteken", &Instellingen::scheidingsteken).fallback(";").doc("het scheidingsteken tussen de velden"),
};

namespace {
enum Kolom : std::size_t { kDatum, kKostenplaats, kRekening, kBedrag };
}  // namespace

void {{klasse}}::import_ledger(vhh::ImportContext &ctx, const vhh::InputFile &file, vhh::LedgerSink &sink) {
    vhh::Diagnostics &diag = ctx.diagnostics();
    const Instellingen instellingen = kSettings.read(ctx.settings());
    if (instellingen.scheidingsteken.size() != 1) {
        diag.error(vhh::ExitCode::config, ctx.settings().where("scheidingsteken"), ctx.key_path() + ".scheidingsteken",
                   "expected one character, got '" + instellingen.scheidingsteken + "'");
        return;
    }
    const std::vector<vhh::ledger_csv::Column> columns = {
        {"Datum", "", true}, {"Kostenplaats", "", true}, {"Rekening", "", true}, {"Bedrag", "", true}};
    auto table = vhh::ledger_csv::open(file, instellingen.scheidingsteken[0], columns, ctx.key_path(),
                                       "{{plugin}} reads Datum, Kostenplaats, Rekening and Bedrag", diag);
    if (!table) return;  // the header's errors are reported
    vhh::CsvRecordView r;
    vhh::LedgerLine line;
    while (table->next(r, diag)) {
        if (!vhh::ledger_csv::width_ok(*table, r, diag)) continue;
        const auto datum = vhh::Date::parse_iso(vhh::ledger_csv::field(*table, r, kDatum));
        if (!datum) {
            diag.error(vhh::ExitCode::data, vhh::ledger_csv::at(*table, r, kDatum), "",
                       "expected a date like 2024-12-31, got '" + std::string(vhh::ledger_csv::field(*table, r, kDatum)) + "'");
            continue;
        }
        const std::string_view text = vhh::ledger_csv::field(*table, r, kBedrag);
        const auto bedrag = vhh::Money::parse(text);
        if (!bedrag) {
            diag.error(vhh::ExitCode::data, vhh::ledger_csv::at(*table, r, kBedrag), "",
                       "expected an amount like 1234.56, got '" + std::string(text) + "'");
            continue;
        }
        if (!vhh::ledger_csv::amount_in_range(*bedrag, text, "Bedrag", vhh::ledger_csv::at(*table, r, kBedrag), diag))
            continue;
        line.datum = *datum;
        line.kostenplaats = vhh::ledger_csv::field(*table, r, kKostenplaats);
        line.rekening = vhh::ledger_csv::field(*table, r, kRekening);
        line.bedrag = *bedrag;
        vhh::ledger_csv::locate(*table, r, kDatum, line.where);
        sink.add(line);
    }
}

}  // namespace {{ident}}_plugin
