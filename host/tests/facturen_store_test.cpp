// Invoice numbers on a real SQLite store: gapless per region and year, a rolled-back run gives its
// numbers back, issued invoices are sealed and their seal named in the audit log.
#include "invoicing/facturen_store.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "invoicing/ubl_invoice.h"
#include "store/seal.h"

namespace vhh::host::invoicing {
namespace {

namespace fs = std::filesystem;
using store::Store;
using store::Transaction;

class FacturenStore : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vhh-facturen-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        store_ = std::make_unique<Store>(
            store::parse_database_url("sqlite:" + (dir_ / "f.db").string(), ExitCode::usage), false);
        Transaction tx(*store_, true);
        store_->migrate();
        tx.commit();
    }
    void TearDown() override {
        store_.reset();
        fs::remove_all(dir_);
    }
    Invoice draft(const std::string &regio, int jaar, std::int64_t cents) {
        Invoice i;
        i.regio = regio;
        i.jaar = jaar;
        i.soort = "voorschot";
        i.termijn = "Q1";
        i.debiteur_id = "GM0687";
        i.debiteur = "Middelburg";
        i.datum = i.vervaldatum = std::to_string(jaar) + "-01-01";
        i.btw = "O";
        i.partijen = parties_json({});
        i.regels = {{"voorschot", cents}};
        return i;
    }
    std::vector<std::string> numbers(const std::string &regio, int jaar) {
        Transaction tx(*store_, false);
        std::vector<std::string> out;
        for (const auto &i : read_invoices(*store_, regio, jaar)) out.push_back(i.nummer);
        return out;
    }
    fs::path dir_;
    std::unique_ptr<Store> store_;
};

TEST_F(FacturenStore, NumbersAreGaplessPerRegionAndYear) {
    {
        Transaction tx(*store_, true);
        EXPECT_EQ(issue_invoice(*store_, draft("zeeland", 2013, 100), "t", "factureren").nummer, "2013-00001");
        EXPECT_EQ(issue_invoice(*store_, draft("zeeland", 2014, 100), "t", "factureren").nummer, "2014-00001");
        EXPECT_EQ(issue_invoice(*store_, draft("twente", 2013, 100), "t", "factureren").nummer, "2013-00001");
        EXPECT_EQ(issue_invoice(*store_, draft("zeeland", 2013, 100), "t", "factureren").nummer, "2013-00002");
        tx.commit();
    }
    {
        Transaction tx(*store_, true);  // rolled back: its number is given back
        EXPECT_EQ(issue_invoice(*store_, draft("zeeland", 2013, 100), "t", "factureren").nummer, "2013-00003");
    }
    {
        Transaction tx(*store_, true);
        const Invoice i = issue_invoice(*store_, draft("zeeland", 2013, 250), "t", "factureren");
        EXPECT_EQ(i.nummer, "2013-00003");
        EXPECT_EQ(i.bedrag_cents, 250);
        EXPECT_EQ(i.betalingskenmerk.size(), 16u);
        tx.commit();
    }
    EXPECT_EQ(numbers("zeeland", 2013), (std::vector<std::string>{"2013-00001", "2013-00002", "2013-00003"}));
    Transaction tx(*store_, false);
    EXPECT_EQ(verify_invoices(*store_), std::nullopt);
    EXPECT_EQ(store::logged_seals(*store_, "factureren").size(), 5u);
}

TEST_F(FacturenStore, ReadsOnlyTheRegionsRowsFromTheStore) {
    // read_invoices asks the store for one region's rows (a national store holds 1 568 invoices a
    // year; every factureren run read all of them, twice): rows_where filters in the query.
    Transaction tx(*store_, true);
    issue_invoice(*store_, draft("zeeland", 2013, 100), "t", "factureren");
    issue_invoice(*store_, draft("twente", 2013, 200), "t", "factureren");
    issue_invoice(*store_, draft("twente", 2014, 300), "t", "factureren");
    const auto &facturen = *store::find_table("facturen");
    EXPECT_EQ(store_->rows(facturen).size(), 3u);
    const auto twente = store_->rows_where(facturen, "regio", {false, 0, "twente"});
    ASSERT_EQ(twente.size(), 2u);
    EXPECT_EQ(twente[0][0].text, "twente");
    EXPECT_EQ(store_->rows_where(facturen, "jaar", {true, 2013, ""}).size(), 2u);
    EXPECT_EQ(store_->rows_where(*store::find_table("factuurregels"), "regio", {false, 0, "zeeland"}).size(), 1u);
    const auto read = read_invoices(*store_, "twente", 2014);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].regels.size(), 1u);
    EXPECT_EQ(read[0].regels[0].bedrag_cents, 300);
}

TEST_F(FacturenStore, OpenAmountLessCreditNotes) {
    Transaction tx(*store_, true);
    const Invoice i = issue_invoice(*store_, draft("zeeland", 2013, 1000), "t", "factureren");
    Invoice c = draft("zeeland", 2013, 300);
    c.soort = "credit";
    c.typecode = "381";
    c.crediteert = i.nummer;
    issue_invoice(*store_, c, "t", "crediteren");
    tx.commit();
    Transaction rd(*store_, false);
    const auto all = read_invoices(*store_, "zeeland");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(open_cents(all[0], all), 700);
    EXPECT_EQ(open_cents(all[1], all), 0);
    Invoice surplus = all[1];
    surplus.soort = "afrekening";
    EXPECT_EQ(open_cents(surplus, all), -300);
}

}  // namespace
}  // namespace vhh::host::invoicing
