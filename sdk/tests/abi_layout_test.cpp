// Records the layout of every type that crosses the plugin boundary for each SDK ABI major.
// A change to any of them without bumping VHH_SDK_ABI_MAJOR fails here: bump the major in
// plugin_api.h and record the new layout below (see docs/plugins.md, "Versioning").
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <type_traits>

#include "vhh/plugin.h"

namespace {

/// Itanium C++ ABI: a pointer to a virtual member function holds 1 + its vtable offset in bytes.
template <typename F>
std::ptrdiff_t vtable_slot(F f) {
    std::ptrdiff_t raw = 0;
    static_assert(sizeof(F) >= sizeof(raw), "unexpected member function pointer size");
    std::memcpy(&raw, &f, sizeof raw);
    return (raw - 1) / static_cast<std::ptrdiff_t>(sizeof(void *));
}

}  // namespace

#if VHH_SDK_ABI_MAJOR == 1
TEST(AbiLayout, CManifestAndSettingsTableV1) {
    EXPECT_EQ(sizeof(vhh_plugin_manifest), 64u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, magic), 0u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_major), 4u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_minor), 6u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, name), 8u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, version), 16u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, description), 24u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, kinds), 32u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, settings), 40u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, setting_count), 48u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, create), 56u);

    EXPECT_EQ(sizeof(vhh_setting_spec), 64u);
    EXPECT_EQ(offsetof(vhh_setting_spec, key), 0u);
    EXPECT_EQ(offsetof(vhh_setting_spec, type), 8u);
    EXPECT_EQ(offsetof(vhh_setting_spec, flags), 12u);
    EXPECT_EQ(offsetof(vhh_setting_spec, default_value), 16u);
    EXPECT_EQ(offsetof(vhh_setting_spec, min_value), 24u);
    EXPECT_EQ(offsetof(vhh_setting_spec, max_value), 32u);
    EXPECT_EQ(offsetof(vhh_setting_spec, description), 40u);
    EXPECT_EQ(offsetof(vhh_setting_spec, fields), 48u);
    EXPECT_EQ(offsetof(vhh_setting_spec, field_count), 56u);

    EXPECT_EQ(VHH_PLUGIN_MAGIC, 0x50484856u);
    EXPECT_EQ(VHH_KIND_LOAD | VHH_KIND_COMPUTE | VHH_KIND_REPORT | VHH_KIND_IMPORT, 15u);
    EXPECT_EQ(VHH_SETTING_CODES, 9);
}

TEST(AbiLayout, CppTypesV1) {
    // Sizes of the C++ types plugins and host exchange (x86_64, libstdc++ with the C++11 ABI).
    EXPECT_EQ(sizeof(vhh::Money), 8u);
    EXPECT_EQ(sizeof(vhh::Date), 12u);
    EXPECT_EQ(sizeof(vhh::SourceLocation), 40u);
    EXPECT_EQ(sizeof(vhh::Diagnostic), 144u);
    EXPECT_EQ(sizeof(vhh::SettingValue), 184u);
    EXPECT_EQ(sizeof(vhh::Cell), 72u);
    EXPECT_EQ(sizeof(vhh::Table), 112u);
    EXPECT_EQ(sizeof(vhh::Chart), 80u);
    EXPECT_EQ(sizeof(vhh::Workbook), 88u);
    EXPECT_EQ(sizeof(vhh::DataNode), 120u);
    EXPECT_EQ(sizeof(vhh::TextDocument), 184u);
    EXPECT_EQ(sizeof(vhh::Gemeente), 168u);
    EXPECT_EQ(sizeof(vhh::Herindeling), 144u);
    EXPECT_EQ(sizeof(vhh::Region), 208u);
    EXPECT_EQ(sizeof(vhh::ContributionLine), 160u);
    EXPECT_EQ(sizeof(vhh::LineInput), 80u);
    EXPECT_EQ(sizeof(vhh::Partner), 328u);
    EXPECT_EQ(sizeof(vhh::WerkplekPeriode), 72u);
    EXPECT_EQ(sizeof(vhh::InputFile), 64u);
    EXPECT_EQ(sizeof(vhh::LedgerLine), 160u);
}

TEST(AbiLayout, VirtualTablesV1) {
    // Slots 0 and 1 are the destructors.
    EXPECT_EQ(vtable_slot(&vhh::Plugin::load), 2);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::compute), 3);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::report), 4);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::import_ledger), 5);
    EXPECT_EQ(vtable_slot(&vhh::LedgerImporters::import_ledger), 2);
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::declare_partner_registry), 2);
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::add_partner), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_line), 2);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_sheet), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::lines), 4);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::lines), 2);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_workbook), 3);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_text), 4);
    EXPECT_EQ(vtable_slot(&vhh::InputFiles::read), 2);
}
#elif VHH_SDK_ABI_MAJOR == 2
// Major 2 (document model, settings bound to structs, toolchain facts in the manifest, store data in
// contexts, streaming import, the legacy Workbook/TextDocument API removed) is FROZEN: its set below
// is as fixed as major 1's. A change to any type or virtual table recorded here is a new major.
TEST(AbiLayout, CManifestAndSettingsTableV2) {
    EXPECT_EQ(offsetof(vhh_plugin_manifest, magic), 0u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_major), 4u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_minor), 6u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, name), 8u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, version), 16u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, description), 24u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, kinds), 32u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, settings), 40u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, setting_count), 48u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, create), 56u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, toolchain), 64u);
    EXPECT_EQ(sizeof(vhh_plugin_manifest), 112u);
    EXPECT_EQ(offsetof(vhh_setting_spec, key), 0u);
    EXPECT_EQ(offsetof(vhh_setting_spec, type), 8u);
    EXPECT_EQ(offsetof(vhh_setting_spec, flags), 12u);
    EXPECT_EQ(offsetof(vhh_setting_spec, default_value), 16u);
    EXPECT_EQ(offsetof(vhh_setting_spec, min_value), 24u);
    EXPECT_EQ(offsetof(vhh_setting_spec, max_value), 32u);
    EXPECT_EQ(offsetof(vhh_setting_spec, description), 40u);
    EXPECT_EQ(offsetof(vhh_setting_spec, fields), 48u);
    EXPECT_EQ(offsetof(vhh_setting_spec, field_count), 56u);
    EXPECT_EQ(offsetof(vhh_setting_spec, choice_count), 60u);
    EXPECT_EQ(offsetof(vhh_setting_spec, choices), 64u);
    EXPECT_EQ(offsetof(vhh_setting_spec, one_of), 72u);
    EXPECT_EQ(sizeof(vhh_setting_spec), 80u);

    EXPECT_EQ(sizeof(vhh_toolchain), 48u);
    EXPECT_EQ(offsetof(vhh_toolchain, size), 0u);
    EXPECT_EQ(offsetof(vhh_toolchain, cxx11_abi), 4u);
    EXPECT_EQ(offsetof(vhh_toolchain, glibcxx_release), 8u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_string), 12u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_vector), 16u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_map), 20u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_optional), 24u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_settings), 28u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_setting_value), 32u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_region), 36u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_phase_context), 40u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_diagnostics), 44u);

    EXPECT_EQ(VHH_PLUGIN_MAGIC, 0x50484856u);
    EXPECT_EQ(VHH_KIND_LOAD | VHH_KIND_COMPUTE | VHH_KIND_REPORT | VHH_KIND_IMPORT, 15u);
    EXPECT_EQ(VHH_SETTING_CODES, 9);
    EXPECT_EQ(VHH_SETTING_CHOICE, 10);
    EXPECT_EQ(VHH_SETTING_GEMEENTE, 11);
    EXPECT_EQ(VHH_SETTING_GEMEENTEN, 12);
}

TEST(AbiLayout, CppTypesV2) {
    // Sizes of the C++ types plugins and host exchange (x86_64, libstdc++ with the C++11 ABI).
    EXPECT_EQ(sizeof(vhh::Money), 8u);
    EXPECT_EQ(sizeof(vhh::Date), 12u);
    EXPECT_EQ(sizeof(vhh::SourceLocation), 40u);
    EXPECT_EQ(sizeof(vhh::Diagnostic), 144u);
    EXPECT_EQ(sizeof(vhh::SettingValue), 184u);
    EXPECT_EQ(sizeof(vhh::Settings), 128u);  // values, declared keys, owner
    EXPECT_EQ(sizeof(vhh::Cell), 72u);
    EXPECT_EQ(sizeof(vhh::Table), 112u);
    EXPECT_EQ(sizeof(vhh::Chart), 80u);
    EXPECT_EQ(sizeof(vhh::Column), 40u);
    EXPECT_EQ(sizeof(vhh::ChartSeries), 96u);
    // Workbook and TextDocument (ReportContext::add_workbook/add_text) left the SDK: every document
    // is described (vhh/document.h); the host keeps its own workbook type for bijdragen-berekening-Y.
    // DataNode gained the item shape of a list (list(item_shape), the template check of an empty
    // list's section): 120 -> 136.
    EXPECT_EQ(sizeof(vhh::DataNode), 136u);
    // Diagnostics keeps its counts (O(1) error_count/exit_code), a per-file keep limit with the
    // dropped counts, and its open DiagnosticsScopes (issue 19).
    EXPECT_EQ(sizeof(vhh::Diagnostics), 136u);
    EXPECT_EQ(sizeof(vhh::DiagnosticsScope), 24u);
    EXPECT_EQ(sizeof(vhh::Gemeente), 168u);
    EXPECT_EQ(sizeof(vhh::Herindeling), 144u);
    EXPECT_EQ(sizeof(vhh::Region), 208u);
    EXPECT_EQ(sizeof(vhh::ContributionLine), 160u);
    EXPECT_EQ(sizeof(vhh::LineInput), 80u);
    EXPECT_EQ(sizeof(vhh::Partner), 328u);
    EXPECT_EQ(sizeof(vhh::WerkplekPeriode), 72u);
    // Streaming import (issue 18): InputFile gained `stream` (64 -> 72).
    EXPECT_EQ(sizeof(vhh::InputFile), 72u);
    EXPECT_EQ(offsetof(vhh::InputFile, stream), 64u);
    EXPECT_EQ(sizeof(vhh::LedgerLine), 160u);
    EXPECT_EQ(sizeof(vhh::PhaseContext), 96u);
    EXPECT_EQ(sizeof(vhh::doc::Value), 80u);
    EXPECT_EQ(sizeof(vhh::doc::Cell), 144u);
    EXPECT_EQ(offsetof(vhh::doc::Cell, name), 80u);
    EXPECT_EQ(offsetof(vhh::doc::Cell, formula), 112u);
    EXPECT_EQ(sizeof(vhh::doc::Row), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Column), 64u);
    EXPECT_EQ(sizeof(vhh::doc::Table), 112u);
    EXPECT_EQ(offsetof(vhh::doc::Table, columns), 64u);
    EXPECT_EQ(offsetof(vhh::doc::Table, rows), 88u);
    EXPECT_EQ(sizeof(vhh::doc::Chart), 160u);
    EXPECT_EQ(sizeof(vhh::doc::Paragraph), 32u);
    EXPECT_EQ(sizeof(vhh::doc::List), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Note), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Block), 168u);
    EXPECT_EQ(sizeof(vhh::doc::Section), 80u);
    EXPECT_EQ(sizeof(vhh::doc::Person), 128u);
    EXPECT_EQ(sizeof(vhh::doc::Meta), 184u);
    // A letter worded by a template (Letter::body_template, Letter::template_data): 472 -> 640.
    EXPECT_EQ(sizeof(vhh::doc::Letter), 640u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, addressee), 0u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, date), 24u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, kenmerk), 40u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, body), 136u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, contact), 192u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, signatory), 320u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, bijlagen), 448u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, body_template), 472u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, template_data), 504u);
    // A report worded by a template too (Document::body_template, Document::template_data, issue
    // 16: partners-Y, regio-Y): 896 -> 1064.
    EXPECT_EQ(sizeof(vhh::doc::Document), 1064u);
    EXPECT_EQ(offsetof(vhh::doc::Document, name), 8u);
    EXPECT_EQ(offsetof(vhh::doc::Document, meta), 40u);
    EXPECT_EQ(offsetof(vhh::doc::Document, sections), 224u);
    EXPECT_EQ(offsetof(vhh::doc::Document, letter), 248u);
    EXPECT_EQ(offsetof(vhh::doc::Document, body_template), 896u);
    EXPECT_EQ(offsetof(vhh::doc::Document, template_data), 928u);
    // The administration's figures in the report context (vhh/administration.h).
    EXPECT_EQ(sizeof(vhh::PostAmount), 72u);
    EXPECT_EQ(sizeof(vhh::AdoptedDocument), 184u);
    EXPECT_EQ(sizeof(vhh::BudgetAmendment), 96u);
    EXPECT_EQ(sizeof(vhh::Administration), 408u);
    EXPECT_EQ(sizeof(vhh::PostFigures), 80u);
    // The begroting cycle (vhh/begroting.h).
    EXPECT_EQ(sizeof(vhh::RamingPost), 248u);
    EXPECT_EQ(sizeof(vhh::RamingBijdrage), 112u);
    EXPECT_EQ(sizeof(vhh::Meerjarenraming), 80u);
    EXPECT_EQ(sizeof(vhh::Zienswijzetermijn), 120u);
}

TEST(AbiLayout, VirtualTablesV2) {
    // Slots 0 and 1 are the destructors.
    EXPECT_EQ(vtable_slot(&vhh::Plugin::load), 2);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::compute), 3);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::report), 4);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::import_ledger), 5);
    // Streaming import (issue 18): Plugin::import_ledger(ImportContext&, const InputFile&, LedgerSink&)
    // and LedgerImporters::import_ledger(..., LedgerSink&) keep their slots with new signatures;
    // LedgerSink and InputStream are new.
    EXPECT_EQ(vtable_slot(&vhh::LedgerImporters::import_ledger), 2);
    EXPECT_EQ(vtable_slot(&vhh::LedgerSink::add), 2);
    EXPECT_EQ(vtable_slot(&vhh::InputStream::read), 2);
    EXPECT_EQ(vtable_slot(&vhh::InputStream::rewind), 3);
    EXPECT_EQ(sizeof(vhh::LedgerSink), sizeof(void *));
    EXPECT_EQ(sizeof(vhh::InputStream), sizeof(void *));
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::declare_partner_registry), 2);
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::add_partner), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_line), 2);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_sheet), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::lines), 4);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::lines), 2);
    // add_workbook (3) and add_text (4) removed: add_document and add_posten moved up.
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_document), 3);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_posten), 4);
    // The begroting cycle (issue 14): the key divides a given total, the meerjarenraming for
    // `vhh begroting`, the zienswijze term from the Wgr calendar (vhh/begroting.h).
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::divide_bijdrage), 5);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_meerjarenraming), 6);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::zienswijzetermijn), 7);
    EXPECT_EQ(vtable_slot(&vhh::InputFiles::read), 2);
    EXPECT_EQ(sizeof(vhh::LoadContext), sizeof(vhh::PhaseContext));
    EXPECT_EQ(sizeof(vhh::ComputeContext), sizeof(vhh::PhaseContext));
    // ReportContext: + the administration pointer (ReportContext::administration).
    EXPECT_EQ(sizeof(vhh::ReportContext), sizeof(vhh::PhaseContext) + sizeof(void *));
    EXPECT_EQ(sizeof(vhh::ImportContext), sizeof(vhh::PhaseContext));
}
#elif VHH_SDK_ABI_MAJOR == 3
// Major 3 (issue 14's begroting cycle): a begrotingswijziging's omschrijving (whole and per post) and
// its recorded bijdragen per gemeente, ReportContext::divide_bijdrage per year (herindelingen in the
// meerjarenraming), the budgeted reserve mutations in the Meerjarenraming, the debiteurenstand per
// 31 December in the Administration. Everything else is as in major 2.
TEST(AbiLayout, CManifestAndSettingsTableV3) {
    EXPECT_EQ(offsetof(vhh_plugin_manifest, magic), 0u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_major), 4u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, abi_minor), 6u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, name), 8u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, version), 16u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, description), 24u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, kinds), 32u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, settings), 40u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, setting_count), 48u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, create), 56u);
    EXPECT_EQ(offsetof(vhh_plugin_manifest, toolchain), 64u);
    EXPECT_EQ(sizeof(vhh_plugin_manifest), 112u);
    EXPECT_EQ(offsetof(vhh_setting_spec, key), 0u);
    EXPECT_EQ(offsetof(vhh_setting_spec, type), 8u);
    EXPECT_EQ(offsetof(vhh_setting_spec, flags), 12u);
    EXPECT_EQ(offsetof(vhh_setting_spec, default_value), 16u);
    EXPECT_EQ(offsetof(vhh_setting_spec, min_value), 24u);
    EXPECT_EQ(offsetof(vhh_setting_spec, max_value), 32u);
    EXPECT_EQ(offsetof(vhh_setting_spec, description), 40u);
    EXPECT_EQ(offsetof(vhh_setting_spec, fields), 48u);
    EXPECT_EQ(offsetof(vhh_setting_spec, field_count), 56u);
    EXPECT_EQ(offsetof(vhh_setting_spec, choice_count), 60u);
    EXPECT_EQ(offsetof(vhh_setting_spec, choices), 64u);
    EXPECT_EQ(offsetof(vhh_setting_spec, one_of), 72u);
    EXPECT_EQ(sizeof(vhh_setting_spec), 80u);

    EXPECT_EQ(sizeof(vhh_toolchain), 48u);
    EXPECT_EQ(offsetof(vhh_toolchain, size), 0u);
    EXPECT_EQ(offsetof(vhh_toolchain, cxx11_abi), 4u);
    EXPECT_EQ(offsetof(vhh_toolchain, glibcxx_release), 8u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_string), 12u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_vector), 16u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_map), 20u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_optional), 24u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_settings), 28u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_setting_value), 32u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_region), 36u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_phase_context), 40u);
    EXPECT_EQ(offsetof(vhh_toolchain, sizeof_diagnostics), 44u);

    EXPECT_EQ(VHH_PLUGIN_MAGIC, 0x50484856u);
    EXPECT_EQ(VHH_KIND_LOAD | VHH_KIND_COMPUTE | VHH_KIND_REPORT | VHH_KIND_IMPORT, 15u);
    EXPECT_EQ(VHH_SETTING_CODES, 9);
    EXPECT_EQ(VHH_SETTING_CHOICE, 10);
    EXPECT_EQ(VHH_SETTING_GEMEENTE, 11);
    EXPECT_EQ(VHH_SETTING_GEMEENTEN, 12);
}

TEST(AbiLayout, CppTypesV3) {
    // Sizes of the C++ types plugins and host exchange (x86_64, libstdc++ with the C++11 ABI).
    EXPECT_EQ(sizeof(vhh::Money), 8u);
    EXPECT_EQ(sizeof(vhh::Date), 12u);
    EXPECT_EQ(sizeof(vhh::SourceLocation), 40u);
    EXPECT_EQ(sizeof(vhh::Diagnostic), 144u);
    EXPECT_EQ(sizeof(vhh::SettingValue), 184u);
    EXPECT_EQ(sizeof(vhh::Settings), 128u);  // values, declared keys, owner
    EXPECT_EQ(sizeof(vhh::Cell), 72u);
    EXPECT_EQ(sizeof(vhh::Table), 112u);
    EXPECT_EQ(sizeof(vhh::Chart), 80u);
    EXPECT_EQ(sizeof(vhh::Column), 40u);
    EXPECT_EQ(sizeof(vhh::ChartSeries), 96u);
    // Workbook and TextDocument (ReportContext::add_workbook/add_text) left the SDK: every document
    // is described (vhh/document.h); the host keeps its own workbook type for bijdragen-berekening-Y.
    // DataNode gained the item shape of a list (list(item_shape), the template check of an empty
    // list's section): 120 -> 136.
    EXPECT_EQ(sizeof(vhh::DataNode), 136u);
    // Diagnostics keeps its counts (O(1) error_count/exit_code), a per-file keep limit with the
    // dropped counts, and its open DiagnosticsScopes (issue 19).
    EXPECT_EQ(sizeof(vhh::Diagnostics), 136u);
    EXPECT_EQ(sizeof(vhh::DiagnosticsScope), 24u);
    EXPECT_EQ(sizeof(vhh::Gemeente), 168u);
    EXPECT_EQ(sizeof(vhh::Herindeling), 144u);
    EXPECT_EQ(sizeof(vhh::Region), 208u);
    EXPECT_EQ(sizeof(vhh::ContributionLine), 160u);
    EXPECT_EQ(sizeof(vhh::LineInput), 80u);
    EXPECT_EQ(sizeof(vhh::Partner), 328u);
    EXPECT_EQ(sizeof(vhh::WerkplekPeriode), 72u);
    // Streaming import (issue 18): InputFile gained `stream` (64 -> 72).
    EXPECT_EQ(sizeof(vhh::InputFile), 72u);
    EXPECT_EQ(offsetof(vhh::InputFile, stream), 64u);
    EXPECT_EQ(sizeof(vhh::LedgerLine), 160u);
    EXPECT_EQ(sizeof(vhh::PhaseContext), 96u);
    EXPECT_EQ(sizeof(vhh::doc::Value), 80u);
    EXPECT_EQ(sizeof(vhh::doc::Cell), 144u);
    EXPECT_EQ(offsetof(vhh::doc::Cell, name), 80u);
    EXPECT_EQ(offsetof(vhh::doc::Cell, formula), 112u);
    EXPECT_EQ(sizeof(vhh::doc::Row), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Column), 64u);
    EXPECT_EQ(sizeof(vhh::doc::Table), 112u);
    EXPECT_EQ(offsetof(vhh::doc::Table, columns), 64u);
    EXPECT_EQ(offsetof(vhh::doc::Table, rows), 88u);
    EXPECT_EQ(sizeof(vhh::doc::Chart), 160u);
    EXPECT_EQ(sizeof(vhh::doc::Paragraph), 32u);
    EXPECT_EQ(sizeof(vhh::doc::List), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Note), 32u);
    EXPECT_EQ(sizeof(vhh::doc::Block), 168u);
    EXPECT_EQ(sizeof(vhh::doc::Section), 80u);
    EXPECT_EQ(sizeof(vhh::doc::Person), 128u);
    EXPECT_EQ(sizeof(vhh::doc::Meta), 184u);
    // A letter worded by a template (Letter::body_template, Letter::template_data): 472 -> 640.
    EXPECT_EQ(sizeof(vhh::doc::Letter), 640u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, addressee), 0u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, date), 24u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, kenmerk), 40u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, body), 136u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, contact), 192u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, signatory), 320u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, bijlagen), 448u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, body_template), 472u);
    EXPECT_EQ(offsetof(vhh::doc::Letter, template_data), 504u);
    // A report worded by a template too (Document::body_template, Document::template_data, issue
    // 16: partners-Y, regio-Y): 896 -> 1064.
    EXPECT_EQ(sizeof(vhh::doc::Document), 1064u);
    EXPECT_EQ(offsetof(vhh::doc::Document, name), 8u);
    EXPECT_EQ(offsetof(vhh::doc::Document, meta), 40u);
    EXPECT_EQ(offsetof(vhh::doc::Document, sections), 224u);
    EXPECT_EQ(offsetof(vhh::doc::Document, letter), 248u);
    EXPECT_EQ(offsetof(vhh::doc::Document, body_template), 896u);
    EXPECT_EQ(offsetof(vhh::doc::Document, template_data), 928u);
    // The administration's figures in the report context (vhh/administration.h).
    // PostAmount: + omschrijving (why a wijziging changes the post): 72 -> 104.
    EXPECT_EQ(sizeof(vhh::PostAmount), 104u);
    EXPECT_EQ(offsetof(vhh::PostAmount, amount), 64u);
    EXPECT_EQ(offsetof(vhh::PostAmount, omschrijving), 72u);
    EXPECT_EQ(sizeof(vhh::AdoptedDocument), 184u);
    // BudgetAmendment: + omschrijving and the recorded bijdragen per gemeente: 96 -> 152.
    EXPECT_EQ(sizeof(vhh::BudgetAmendment), 152u);
    EXPECT_EQ(offsetof(vhh::BudgetAmendment, posten), 72u);
    EXPECT_EQ(offsetof(vhh::BudgetAmendment, omschrijving), 96u);
    EXPECT_EQ(offsetof(vhh::BudgetAmendment, bijdragen), 128u);
    // Administration: + the debiteurenstand on 31 December of the boekjaar: 408 -> 464.
    EXPECT_EQ(sizeof(vhh::Administration), 464u);
    EXPECT_EQ(offsetof(vhh::Administration, wijzigingen), 384u);
    EXPECT_EQ(offsetof(vhh::Administration, debiteurenstand), 408u);
    // The debiteurenstand (vhh/debiteuren.h), new in major 3.
    EXPECT_EQ(sizeof(vhh::OpenInvoice), 120u);
    EXPECT_EQ(sizeof(vhh::DebiteurStand), 96u);
    EXPECT_EQ(sizeof(vhh::Debiteurenstand), 56u);
    EXPECT_EQ(offsetof(vhh::Debiteurenstand, per), 0u);
    EXPECT_EQ(offsetof(vhh::Debiteurenstand, facturen), 16u);
    EXPECT_EQ(offsetof(vhh::Debiteurenstand, debiteuren), 24u);
    EXPECT_EQ(offsetof(vhh::Debiteurenstand, totaal), 48u);
    EXPECT_EQ(sizeof(vhh::PostFigures), 80u);
    // The begroting cycle (vhh/begroting.h).
    EXPECT_EQ(sizeof(vhh::RamingPost), 248u);
    EXPECT_EQ(sizeof(vhh::RamingBijdrage), 112u);
    // Meerjarenraming: + reserves (the budgeted toevoegingen and onttrekkingen): 80 -> 104.
    EXPECT_EQ(sizeof(vhh::Meerjarenraming), 104u);
    EXPECT_EQ(offsetof(vhh::Meerjarenraming, reserves), 80u);
    EXPECT_EQ(sizeof(vhh::RamingReserve), 128u);
    EXPECT_EQ(sizeof(vhh::Zienswijzetermijn), 120u);
}

TEST(AbiLayout, VirtualTablesV3) {
    // Slots 0 and 1 are the destructors.
    EXPECT_EQ(vtable_slot(&vhh::Plugin::load), 2);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::compute), 3);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::report), 4);
    EXPECT_EQ(vtable_slot(&vhh::Plugin::import_ledger), 5);
    // Streaming import (issue 18): Plugin::import_ledger(ImportContext&, const InputFile&, LedgerSink&)
    // and LedgerImporters::import_ledger(..., LedgerSink&) keep their slots with new signatures;
    // LedgerSink and InputStream are new.
    EXPECT_EQ(vtable_slot(&vhh::LedgerImporters::import_ledger), 2);
    EXPECT_EQ(vtable_slot(&vhh::LedgerSink::add), 2);
    EXPECT_EQ(vtable_slot(&vhh::InputStream::read), 2);
    EXPECT_EQ(vtable_slot(&vhh::InputStream::rewind), 3);
    EXPECT_EQ(sizeof(vhh::LedgerSink), sizeof(void *));
    EXPECT_EQ(sizeof(vhh::InputStream), sizeof(void *));
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::declare_partner_registry), 2);
    EXPECT_EQ(vtable_slot(&vhh::LoadContext::add_partner), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_line), 2);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::add_sheet), 3);
    EXPECT_EQ(vtable_slot(&vhh::ComputeContext::lines), 4);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::lines), 2);
    // add_workbook (3) and add_text (4) removed: add_document and add_posten moved up.
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_document), 3);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_posten), 4);
    // The begroting cycle (issue 14): the key divides a given total, the meerjarenraming for
    // `vhh begroting`, the zienswijze term from the Wgr calendar (vhh/begroting.h).
    // Major 3: divide_bijdrage(int jaar, Money, std::string &) keeps slot 5 with the year added.
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::divide_bijdrage), 5);
    using DivideV3 = std::optional<std::vector<vhh::ContributionLine>> (vhh::ReportContext::*)(int, vhh::Money,
                                                                                                std::string &);
    static_assert(std::is_same_v<decltype(&vhh::ReportContext::divide_bijdrage), DivideV3>);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::add_meerjarenraming), 6);
    EXPECT_EQ(vtable_slot(&vhh::ReportContext::zienswijzetermijn), 7);
    EXPECT_EQ(vtable_slot(&vhh::InputFiles::read), 2);
    EXPECT_EQ(sizeof(vhh::LoadContext), sizeof(vhh::PhaseContext));
    EXPECT_EQ(sizeof(vhh::ComputeContext), sizeof(vhh::PhaseContext));
    // ReportContext: + the administration pointer (ReportContext::administration).
    EXPECT_EQ(sizeof(vhh::ReportContext), sizeof(vhh::PhaseContext) + sizeof(void *));
    EXPECT_EQ(sizeof(vhh::ImportContext), sizeof(vhh::PhaseContext));
}
#else
TEST(AbiLayout, RecordedForThisMajor) {
    FAIL() << "SDK ABI major " << VHH_SDK_ABI_MAJOR << " has no recorded layout: add one to abi_layout_test.cpp";
}
#endif
