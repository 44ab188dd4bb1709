// report.jaarverantwoording: the jaarverantwoording in BBV form and the raadsbrieven per gemeente.
//
// Per programma the three W-questions (Wat wilden we bereiken? Wat hebben we daarvoor gedaan? Wat
// heeft het gekost?), the overview of baten and lasten (begroting primitief, na wijziging,
// realisatie, verschil with V/N, prior year when known), reserves and weerstandsvermogen, the
// settlement per gemeente and the case counts (suppressed). Realisatie of baten from the
// contribution lines of the financing plugins, of lasten from ledger exports that an importer plugin
// reads (`grootboek_importer`, default importer.csv-nl, through ctx.import_ledger); counts from an
// indicator CSV. Inputs are read in the report phase through the host (recorded in manifest.json).
// Outputs: the described documents jaarverantwoording-Y and raadsbrief-Y-<gemeente> (documents.h).
#pragma once

#include <string>
#include <utility>

#include "administratie.h"
#include "config.h"
#include "documents.h"
#include "imports.h"
#include "jaarrekening.h"
#include "vhh/plugin.h"

namespace vhh::jaarverantwoording {

/// Reads the inputs, computes and adds the documents; errors and warnings go to the diagnostics.
void run_report(ReportContext &ctx, const std::string &key_prefix);

/// The plugin object (kind REPORT: it reads its inputs in the report phase).
class JaarverantwoordingPlugin : public Plugin {
public:
    void report(ReportContext &ctx) override { run_report(ctx, ctx.key_path()); }
};

}  // namespace vhh::jaarverantwoording
