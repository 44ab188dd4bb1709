// Exports importer.csv-nl through the SDK's versioned entry point.
#include "csv_nl.h"

VHH_PLUGIN(vhh::importer_csv_nl::CsvNlImporter, "importer.csv-nl", "1.0.0",
           "ledger exports separated by ';' with Dutch amounts (1.234,56) and dates dd-mm-jjjj",
           VHH_KIND_IMPORT, vhh::importer_csv_nl::kSettings)
