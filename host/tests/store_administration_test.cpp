// The administration as a region's report phase sees it (store/administration.h), on a real SQLite
// store: vaststellingen with a report plugin's posten, begrotingswijzigingen numbered per year.
#include "store/administration.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "betalingen/debiteurenstand.h"
#include "invoicing/facturen_store.h"
#include "invoicing/ubl_invoice.h"
#include "store/audit_log.h"
#include "store/seal.h"
#include "store/zienswijze.h"

namespace vhh::host::store {
namespace {

namespace fs = std::filesystem;

class StoreAdministration : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vhh-store-admin-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        store_ = std::make_unique<Store>(parse_database_url("sqlite:" + (dir_ / "a.db").string(), ExitCode::usage), false);
        Transaction tx(*store_, true);
        store_->migrate();
        tx.commit();
        region_.id = "fryslan";
        region_.naam = "Fryslân";
        region_.boekjaar = 2019;
        region_.gemeenten = {{"GM1970", "Noardeast-Fryslân", 45000, "", {}, {"GM0058", "GM0079", "GM0081"}}};
    }
    void TearDown() override {
        store_.reset();
        fs::remove_all(dir_);
    }
    void vaststellen(const std::string &document, int jaar, const std::vector<PostFigures> *posten) {
        Region r = region_;
        r.boekjaar = jaar;
        ContributionLine l;
        l.source = "inwonerbijdrage";
        l.payer_id = "GM0058";  // a predecessor: restated as GM1970 for 2019
        l.payer = "Dongeradeel";
        l.amount = Money::cents(952000);
        const std::vector<ContributionLine> lines = {l};
        Transaction tx(*store_, true);
        store_vaststelling(*store_, {&r, document, jaar, "b " + std::to_string(jaar), "2019-06-27", &lines, posten, {}});
        tx.commit();
    }
    fs::path dir_;
    std::unique_ptr<Store> store_;
    Region region_;
};

TEST_F(StoreAdministration, ReadsWhatARegionsBoekjaarNeeds) {
    const std::vector<PostFigures> posten = {{"PERS", "Personeel", Money::euros(80000), Money::euros(81234)},
                                             {"HUIS", "Huisvesting", Money::euros(20000), Money::euros(19000)}};
    vaststellen("jaarrekening", 2018, &posten);
    vaststellen("begroting", 2019, &posten);
    vaststellen("begroting", 2020, nullptr);  // another year: not seen
    {
        Transaction tx(*store_, true);
        EXPECT_EQ(store_wijziging(*store_, {"fryslan", 2019, "AB 3", "2019-04-01", {{"PERS", "Personeel", Money::euros(500)}}, {}}), 1);
        EXPECT_EQ(store_wijziging(*store_, {"fryslan", 2019, "AB 9", "2019-10-01", {{"HUIS", "Huisvesting", Money::euros(-100)}}, {}}), 2);
        EXPECT_EQ(store_wijziging(*store_, {"fryslan", 2020, "AB 1", "2020-02-01", {}, {}}), 1);  // numbered per year
        tx.commit();
    }
    Transaction tx(*store_, false);
    const Administration a = read_administration(*store_, region_);
    ASSERT_TRUE(a.jaarrekening_vorig_jaar);
    EXPECT_EQ(a.jaarrekening_vorig_jaar->jaar, 2018);
    ASSERT_EQ(a.jaarrekening_vorig_jaar->posten.size(), 2u);
    EXPECT_EQ(a.jaarrekening_vorig_jaar->find("PERS")->amount, Money::euros(81234));  // the realisatie
    ASSERT_EQ(a.jaarrekening_vorig_jaar->bijdragen.size(), 1u);
    EXPECT_EQ(a.jaarrekening_vorig_jaar->bijdragen[0].payer_id, "GM1970");  // restated
    ASSERT_TRUE(a.begroting);
    EXPECT_EQ(a.begroting->find("PERS")->amount, Money::euros(80000));  // the begroting primitief
    EXPECT_EQ(a.begroting->besluit, "b 2019");
    EXPECT_EQ(a.begroting->snapshot.size(), 64u);
    EXPECT_EQ(a.begroting->description().rfind("vastgestelde begroting 2019 (besluit b 2019, 2019-06-27, snapshot ", 0), 0u);
    ASSERT_EQ(a.wijzigingen.size(), 2u);
    EXPECT_EQ(a.wijzigingen[0].nummer, 1);
    EXPECT_EQ(a.wijzigingen[0].posten[0].amount, Money::euros(500));
    EXPECT_EQ(a.wijzigingen[1].besluit, "AB 9");
    EXPECT_EQ(a.wijzigingen[1].posten[0].amount, Money::euros(-100));
    // Without a report plugin's posten a vaststelling records the total of every line source.
    Region r2020 = region_;
    r2020.boekjaar = 2020;
    const Administration b = read_administration(*store_, r2020);
    ASSERT_TRUE(b.begroting);
    ASSERT_EQ(b.begroting->posten.size(), 1u);
    EXPECT_EQ(b.begroting->posten[0].code, "inwonerbijdrage");
    EXPECT_EQ(b.begroting->posten[0].amount, Money::cents(952000));
    EXPECT_FALSE(b.jaarrekening_vorig_jaar);  // no jaarrekening 2019
}

TEST_F(StoreAdministration, AWijzigingIsSealedAndItsSealNamedInTheAuditLog) {
    const WijzigingInput w{"fryslan", 2019, "AB 3", "2019-04-01", {{"PERS", "Personeel", Money::euros(500)}},
                           {}, "meer personeel"};
    {
        Transaction tx(*store_, true);
        const RecordedWijziging r = record_wijziging(*store_, w);
        EXPECT_EQ(r.nummer, 1);
        EXPECT_EQ(r.sha256.size(), 64u);
        tx.commit();
    }
    {
        Transaction tx(*store_, false);
        const auto bad = verify_wijzigingen(*store_);  // recorded, but not in the log
        ASSERT_TRUE(bad);
        EXPECT_EQ(*bad, "begrotingswijziging 1 of 2019 of fryslan (id 1): no audit log entry records it");
    }
    {
        Transaction tx(*store_, true);
        const RecordedWijziging r = record_wijziging(*store_, w);
        EXPECT_EQ(r.nummer, 2);
        append_log(*store_, "test", "wijziging", wijziging_log_text(w, r));
        store_->session() << "DELETE FROM wijziging_posten WHERE wijziging_id = 1", Poco::Data::Keywords::now;
        store_->session() << "DELETE FROM wijzigingen WHERE id = 1", Poco::Data::Keywords::now;
        tx.commit();
    }
    {
        Transaction tx(*store_, false);
        EXPECT_FALSE(verify_wijzigingen(*store_));
    }
    Transaction tx(*store_, true);
    store_->session() << "UPDATE wijziging_posten SET bedrag_cents = 50001", Poco::Data::Keywords::now;
    const auto bad = verify_wijzigingen(*store_);
    ASSERT_TRUE(bad);
    EXPECT_EQ(*bad, "begrotingswijziging 2 of 2019 of fryslan (id 2): its content does not match its seal");
}

TEST_F(StoreAdministration, AWijzigingsOmschrijvingPerPostAndItsBijdragenReachThePlugins) {
    // SDK ABI 3 / migration 8: why each post changes, the wijziging's omschrijving and the recorded
    // change per gemeente are what report.begroting's begrotingswijziging document shows.
    ContributionLine b;
    b.payer_id = "GM1970";
    b.payer = "Noardeast-Fryslân";
    b.amount = Money::euros(500);
    const WijzigingInput w{"fryslan", 2019, "AB 3", "2019-04-01",
                           {{"PERS", "Personeel", Money::euros(500), "extra coördinator"}, {"GEM", "Bijdragen", Money::euros(500)}},
                           {b}, "meer personeel, betaald door de gemeenten"};
    {
        Transaction tx(*store_, true);
        append_log(*store_, "test", "wijziging", wijziging_log_text(w, record_wijziging(*store_, w)));
        tx.commit();
    }
    Transaction tx(*store_, false);
    const Administration a = read_administration(*store_, region_);
    ASSERT_EQ(a.wijzigingen.size(), 1u);
    const BudgetAmendment &got = a.wijzigingen[0];
    EXPECT_EQ(got.omschrijving, "meer personeel, betaald door de gemeenten");
    ASSERT_EQ(got.posten.size(), 2u);
    EXPECT_EQ(got.posten[0].omschrijving, "extra coördinator");
    EXPECT_EQ(got.posten[1].omschrijving, "");
    ASSERT_EQ(got.bijdragen.size(), 1u);
    EXPECT_EQ(got.bijdragen[0].payer_id, "GM1970");
    EXPECT_EQ(got.bijdragen[0].amount, Money::euros(500));
    EXPECT_EQ(got.bijdragen[0].basis, "begrotingswijziging 1 2019 (besluit AB 3, 2019-04-01)");
    EXPECT_FALSE(verify_wijzigingen(*store_));  // sealed with the omschrijving per post
}

TEST_F(StoreAdministration, AWijzigingWithoutPostOmschrijvingKeepsItsSealFromBeforeMigration8) {
    // A wijziging recorded before migration 8 was sealed without the column; its posten read ''
    // after the migration, and the seal over the columns it had still holds.
    const WijzigingInput w{"fryslan", 2019, "AB 3", "2019-04-01", {{"PERS", "Personeel", Money::euros(500)}}, {}, "x"};
    Transaction tx(*store_, true);
    const RecordedWijziging r = record_wijziging(*store_, w);
    append_log(*store_, "test", "wijziging", wijziging_log_text(w, r));
    EXPECT_FALSE(verify_wijzigingen(*store_));
    store_->session() << "UPDATE wijziging_posten SET omschrijving = 'later bedacht'", Poco::Data::Keywords::now;
    const auto bad = verify_wijzigingen(*store_);  // a changed omschrijving breaks the seal
    ASSERT_TRUE(bad);
    EXPECT_EQ(*bad, "begrotingswijziging 1 of 2019 of fryslan (id 1): its content does not match its seal");
}

TEST_F(StoreAdministration, TheDebiteurenstandOn31DecemberOfTheBoekjaar) {
    {
        Transaction tx(*store_, false);
        const Administration a = read_administration(*store_, region_);
        EXPECT_EQ(a.debiteurenstand.facturen, 0u);  // no invoices: the section says so
        EXPECT_EQ(a.debiteurenstand.per, (Date{2019, 12, 31}));
    }
    auto draft = [](const std::string &datum, std::int64_t cents) {
        invoicing::Invoice i;
        i.regio = "fryslan";
        i.jaar = 2019;
        i.soort = "voorschot";
        i.termijn = "Q1";
        i.debiteur_id = "GM1970";
        i.debiteur = "Noardeast-Fryslân";
        i.datum = i.vervaldatum = datum;
        i.btw = "O";
        i.partijen = invoicing::parties_json({});
        i.regels = {{"voorschot", cents}};
        return i;
    };
    {
        Transaction tx(*store_, true);
        invoicing::issue_invoice(*store_, draft("2019-03-01", 100000), "t", "factureren");
        invoicing::issue_invoice(*store_, draft("2019-11-01", 250000), "t", "factureren");
        invoicing::issue_invoice(*store_, draft("2020-01-15", 999900), "t", "factureren");  // after 31 December
        tx.commit();
    }
    Transaction tx(*store_, false);
    const Administration a = read_administration(*store_, region_);
    const Debiteurenstand &d = a.debiteurenstand;
    EXPECT_EQ(d.facturen, 2u);
    ASSERT_EQ(d.debiteuren.size(), 1u);
    EXPECT_EQ(d.debiteuren[0].debiteur_id, "GM1970");
    ASSERT_EQ(d.debiteuren[0].facturen.size(), 2u);
    EXPECT_EQ(d.debiteuren[0].facturen[0].nummer, "2019-00001");
    EXPECT_EQ(d.debiteuren[0].facturen[1].open, Money::cents(250000));
    EXPECT_EQ(d.debiteuren[0].facturen[1].dagen_vervallen, 60);  // 1 November to 31 December
    EXPECT_EQ(d.totaal, Money::cents(350000));
    // The same figures as `vhh debiteuren --per 2019-12-31`.
    const auto same = betalingen::debiteurenstand(invoicing::read_invoices(*store_, "fryslan"),
                                                  betalingen::read_payments(*store_, "fryslan"), Date{2019, 12, 31});
    ASSERT_EQ(same.size(), 1u);
    EXPECT_EQ(same[0].open_cents, d.totaal.in_cents());
}

TEST_F(StoreAdministration, UnansweredZienswijzenUntilTheReaction) {
    Transaction tx(*store_, true);
    const std::string seal = record_zienswijze(
        *store_, {"fryslan", 2019, zienswijze_onderwerp(0), "GM1970", "Noardeast-Fryslân", "2018-06-01", "te duur", "", ""});
    record_zienswijze(*store_, {"fryslan", 2019, zienswijze_onderwerp(1), "GM1970", "Noardeast-Fryslân", "2019-03-01",
                                "wijziging", "", ""});
    EXPECT_THROW(record_zienswijze(*store_, {"fryslan", 2019, "ontwerpbegroting", "GM1970", "N", "2018-06-02", "x", "", ""}),
                 StoreError);
    auto open = unanswered_zienswijzen(*store_, "fryslan", 2019);  // the ontwerpbegroting's only
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(gemeenten_text(open), "GM1970 Noardeast-Fryslân (ontvangen 2018-06-01)");
    EXPECT_TRUE(unanswered_zienswijzen(*store_, "fryslan", 2020).empty());
    append_log(*store_, "test", "zienswijze", "z" + seal_text(seal));
    append_log(*store_, "test", "zienswijze reactie", "r" + seal_text(record_reactie(*store_, open[0], "2018-07-01", "nee")));
    EXPECT_TRUE(unanswered_zienswijzen(*store_, "fryslan", 2019).empty());
    EXPECT_THROW(record_reactie(*store_, find_zienswijzen(*store_, "fryslan", 2019)[0], "2018-07-02", "ja"), StoreError);
    const auto bad = verify_zienswijzen(*store_);  // the zienswijze on wijziging 1 is not logged
    ASSERT_TRUE(bad);
    EXPECT_EQ(*bad, "zienswijze 2 (GM1970 on the wijziging 1 2019): no audit log entry records it");
}

}  // namespace
}  // namespace vhh::host::store
