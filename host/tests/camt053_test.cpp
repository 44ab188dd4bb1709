// CAMT.053 statements of both supported versions, built here, read back by the streaming reader.
#include "betalingen/camt053.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <sstream>

using namespace vhh;
using namespace vhh::host::betalingen;

namespace {

/// One transaction of a test statement.
struct Tx {
    std::string amount = "1250.00";
    std::string indicator = "CRDT";
    std::string reference;      // structured (CdtrRefInf/Ref)
    std::string text;           // unstructured remittance
    std::string debtor = "Gemeente Goes";
    std::string debtor_iban = "NL02BNGH0285012345";
    std::string ntry_ref = "";  // empty: none
    std::string status = "BOOK";
    std::string currency = "EUR";
};

/// A statement of one version: 001.02 writes the debtor as Dbtr/Nm, the status as text and the
/// transaction amount under AmtDtls; 001.08 as Dbtr/Pty/Nm, Sts/Cd and TxDtls/Amt.
std::string statement(const std::string &version, const std::vector<Tx> &txs, const std::string &opening = "1000.00",
                      std::string closing = "", const std::string &iban = "NL91BNGH0285000001") {
    const bool v08 = version == "001.08";
    long long sum = 100000;
    for (const auto &t : txs) {
        std::string fraction = t.amount.substr(t.amount.find('.') + 1);  // "5" of "12.5" is 50 cents
        fraction.resize(2, '0');
        long long c = std::stoll(t.amount.substr(0, t.amount.find('.'))) * 100 + std::stoll(fraction);
        if (t.status == "BOOK") sum += t.indicator == "CRDT" ? c : -c;
    }
    if (closing.empty()) closing = std::to_string(sum / 100) + "." + (sum % 100 < 10 ? "0" : "") + std::to_string(sum % 100);
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053." + version + "\">\n"
                    "<BkToCstmrStmt>\n<GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2014-04-01T06:00:00</CreDtTm></GrpHdr>\n"
                    "<Stmt>\n<Id>STMT-2014-03-31</Id>\n"
                    "<Acct><Id><IBAN>" + iban + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
                    "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + opening +
                    "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2014-03-31</Dt></Dt></Bal>\n"
                    "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + closing +
                    "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2014-03-31</Dt></Dt></Bal>\n";
    for (const auto &t : txs) {
        x += "<Ntry>\n";
        if (!t.ntry_ref.empty()) x += "<NtryRef>" + t.ntry_ref + "</NtryRef>\n";
        x += "<Amt Ccy=\"" + t.currency + "\">" + t.amount + "</Amt>\n<CdtDbtInd>" + t.indicator + "</CdtDbtInd>\n";
        x += v08 ? "<Sts><Cd>" + t.status + "</Cd></Sts>\n" : "<Sts>" + t.status + "</Sts>\n";
        x += "<BookgDt><Dt>2014-03-31</Dt></BookgDt><ValDt><Dt>2014-03-31</Dt></ValDt>\n";
        x += "<NtryDtls><TxDtls>\n<Refs><EndToEndId>E2E-" + t.amount + "</EndToEndId></Refs>\n";
        x += v08 ? "<Amt Ccy=\"EUR\">" + t.amount + "</Amt>\n"
                 : "<AmtDtls><TxAmt><Amt Ccy=\"EUR\">" + t.amount + "</Amt></TxAmt></AmtDtls>\n";
        x += v08 ? "<RltdPties><Dbtr><Pty><Nm>" + t.debtor + "</Nm></Pty></Dbtr>"
                 : "<RltdPties><Dbtr><Nm>" + t.debtor + "</Nm></Dbtr>";
        x += "<DbtrAcct><Id><IBAN>" + t.debtor_iban + "</IBAN></Id></DbtrAcct></RltdPties>\n<RmtInf>";
        if (!t.text.empty()) x += "<Ustrd>" + t.text + "</Ustrd>";
        if (!t.reference.empty())
            x += "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>" + t.reference +
                 "</Ref></CdtrRefInf></Strd>";
        x += "</RmtInf>\n</TxDtls></NtryDtls>\n</Ntry>\n";
    }
    x += "</Stmt>\n</BkToCstmrStmt>\n</Document>\n";
    return x;
}

std::string messages(const Camt053Reading &r) { return r.diagnostics.format_all(); }

}  // namespace

class Camt053Versions : public ::testing::TestWithParam<std::string> {};

TEST_P(Camt053Versions, ReadsEveryBookedTransactionWithItsReferences) {
    Tx a;
    a.reference = "5000 0000 0000 0012";
    a.ntry_ref = "E1";
    Tx b;
    b.amount = "3213.00";
    b.text = "Bijdrage 2014 factuur 2014-0007";
    b.debtor = "Gemeente Boekel";
    b.ntry_ref = "E2";
    Tx c;
    c.amount = "12.5";
    c.indicator = "DBIT";
    c.debtor = "";
    const std::string xml = statement(GetParam(), {a, b, c});
    auto r = read_camt053_text("bank.xml", xml, std::string("NL91 BNGH 0285 0000 01"));
    ASSERT_TRUE(r.ok()) << messages(r);
    ASSERT_EQ(r.statements.size(), 1u);
    const auto &s = r.statements[0];
    EXPECT_EQ(s.version, GetParam());
    EXPECT_EQ(s.statement_id, "STMT-2014-03-31");
    EXPECT_EQ(s.message_id, "MSG-1");
    EXPECT_EQ(s.iban, "NL91BNGH0285000001");
    EXPECT_EQ(s.currency, "EUR");
    EXPECT_EQ(s.opening_balance, Money::cents(100000));
    EXPECT_EQ(s.closing_balance, Money::cents(100000 + 125000 + 321300 - 1250));
    ASSERT_EQ(s.transactions.size(), 3u);
    EXPECT_EQ(s.transactions[0].amount, Money::cents(125000));
    EXPECT_TRUE(s.transactions[0].credit);
    EXPECT_EQ(s.transactions[0].structured_reference, "5000 0000 0000 0012");
    EXPECT_EQ(s.transactions[0].counterparty_name, "Gemeente Goes");
    EXPECT_EQ(s.transactions[0].counterparty_iban, "NL02BNGH0285012345");
    EXPECT_EQ(s.transactions[0].booking_key(s.statement_id), "STMT-2014-03-31/E1/0");
    EXPECT_EQ(s.transactions[1].remittance_text, "Bijdrage 2014 factuur 2014-0007");
    EXPECT_EQ(s.transactions[1].counterparty_name, "Gemeente Boekel");
    EXPECT_EQ(s.transactions[1].booking_date, (Date{2014, 3, 31}));
    EXPECT_FALSE(s.transactions[2].credit);
    EXPECT_EQ(s.transactions[2].amount, Money::cents(1250));
    EXPECT_EQ(s.transactions[2].entry_ref, "ntry-3");  // no NtryRef: its position
    // Located at its start tag, the third <TxDtls> of the text.
    std::size_t at = 0;
    for (int k = 0; k < 3; ++k) at = xml.find("<TxDtls>", at + 1);
    EXPECT_EQ(s.transactions[2].where.line, 1 + std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
    EXPECT_EQ(s.transactions[2].where.column, static_cast<int>(at - xml.rfind('\n', at)));
}

TEST_P(Camt053Versions, PendingEntriesAreNotBooked) {
    Tx a;
    a.status = "PDNG";
    auto r = read_camt053_text("bank.xml", statement(GetParam(), {a}));
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_TRUE(r.statements[0].transactions.empty());
}

INSTANTIATE_TEST_SUITE_P(BothVersions, Camt053Versions, ::testing::Values("001.02", "001.08"));

TEST(Camt053, AStatementOfAnotherAccountIsRefusedAtItsIban) {
    auto r = read_camt053_text("bank.xml", statement("001.02", {Tx{}}, "1000.00", "", "NL20INGB0001234567"),
                               std::string("NL91BNGH0285000001"));
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.statements.empty());
    EXPECT_EQ(r.diagnostics.exit_code(), ExitCode::data);
    EXPECT_NE(messages(r).find("bank.xml:7:11:"), std::string::npos) << messages(r);
    EXPECT_NE(messages(r).find("Stmt[1].Acct.Id.IBAN: this is a statement of account NL20INGB0001234567, not of the "
                               "Veiligheidshuis's account NL91BNGH0285000001"),
              std::string::npos)
        << messages(r);
}

TEST(Camt053, EveryErrorOfTheFileComesInOneReading) {
    Tx usd;
    usd.currency = "USD";
    Tx bad;
    bad.amount = "12,50";
    Tx twice;
    twice.ntry_ref = "E9";
    auto xml = statement("001.08", {usd, bad, twice, twice}, "1000.00", "1.00");
    auto r = read_camt053_text("bank.xml", xml);
    const std::string m = messages(r);
    EXPECT_NE(m.find("Stmt[1].Ntry[1].Amt.Ccy: currency USD: vhh books amounts in euro (EUR) only"), std::string::npos) << m;
    EXPECT_NE(m.find("Stmt[1].Ntry[2].Amt: '12,50' is not an amount"), std::string::npos) << m;
    EXPECT_NE(m.find("Stmt[1].Ntry[4].NtryRef: entry reference 'E9' occurs twice"), std::string::npos) << m;
    EXPECT_NE(m.find("Stmt[1].Bal: the closing balance € 1,00 does not follow"), std::string::npos) << m;
    EXPECT_TRUE(r.statements.empty());
}

TEST(Camt053, MalformedXmlIsLocated) {
    auto r = read_camt053_text("bank.xml", "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n<BkToCstmrStmt>\n</Document>\n");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(messages(r).find("bank.xml:4:3: error: not well-formed XML: tag mismatch\n"), std::string::npos) << messages(r);
    EXPECT_NE(messages(r).find("not well-formed XML"), std::string::npos) << messages(r);
}

TEST(Camt053, AnotherVersionOrMessageIsRefusedByName) {
    auto v = read_camt053_text("bank.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.05\"/>");
    EXPECT_NE(messages(v).find("CAMT.053 version 001.05 is not supported; vhh reads versions 001.02 and 001.08"),
              std::string::npos) << messages(v);
    auto m = read_camt053_text("bank.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\"/>");
    EXPECT_NE(messages(m).find("not a CAMT.053 bank statement"), std::string::npos) << messages(m);
    auto e = read_camt053_text("bank.xml", "");
    EXPECT_FALSE(e.ok());
}

TEST(Camt053, ADoctypeIsRefusedAndNoEntityExpanded) {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>&b;</MsgId>"
        "</GrpHdr></BkToCstmrStmt></Document>";
    auto r = read_camt053_text("bank.xml", xml);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(messages(r).find("a bank statement has no DOCTYPE"), std::string::npos) << messages(r);
}

TEST(Camt053, ABatchIsSplitIntoItsTransactionsWhichMustAddUp) {
    auto batch = [](const std::string &a1, const std::string &a2, const std::string &total) {
        return "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>S</Id>"
               "<Acct><Id><IBAN>NL91BNGH0285000001</IBAN></Id></Acct><Ntry><NtryRef>B1</NtryRef><Amt Ccy=\"EUR\">" +
               total + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2014-04-02</Dt></BookgDt>"
               "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">" + a1 + "</Amt><RmtInf><Ustrd>2014-0001</Ustrd></RmtInf></TxDtls>"
               "<TxDtls><Amt Ccy=\"EUR\">" + a2 + "</Amt><RmtInf><Ustrd>2014-0002</Ustrd></RmtInf></TxDtls></NtryDtls>"
               "</Ntry></Stmt></BkToCstmrStmt></Document>";
    };
    auto ok = read_camt053_text("bank.xml", batch("100.00", "200.10", "300.10"));
    ASSERT_TRUE(ok.ok()) << messages(ok);
    ASSERT_EQ(ok.statements[0].transactions.size(), 2u);
    EXPECT_EQ(ok.statements[0].transactions[1].amount, Money::cents(20010));
    EXPECT_EQ(ok.statements[0].transactions[1].booking_key("S"), "S/B1/1");
    auto bad = read_camt053_text("bank.xml", batch("100.00", "200.00", "300.10"));
    EXPECT_NE(messages(bad).find("the batch's transactions add up to € 300,00, the entry says € 300,10"), std::string::npos)
        << messages(bad);
}

TEST(Camt053, AnElementNamedLikeTxDtlsOpensNoTransaction) {
    // Found by fuzz_camt053 (UBSan: back() of an empty vector): <TxDtlst> is not <TxDtls>.
    const std::string xml =
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>S</Id>"
        "<Acct><Id><IBAN>NL91BNGH0285000001</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">5.00</Amt>"
        "<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2014-04-02</Dt></BookgDt>"
        "<NtryDtls><TxDtlst><RmtInf><Ustrd>x</Ustrd></RmtInf></TxDtlst></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>";
    auto r = read_camt053_text("bank.xml", xml);
    ASSERT_TRUE(r.ok()) << messages(r);
    ASSERT_EQ(r.statements[0].transactions.size(), 1u);
    EXPECT_EQ(r.statements[0].transactions[0].remittance_text, "");
}

TEST(Camt053, DeepNestingIsRefused) {
    std::string xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">";
    for (int i = 0; i < 10000; ++i) xml += "<a>";
    for (int i = 0; i < 10000; ++i) xml += "</a>";
    xml += "</Document>";
    auto r = read_camt053_text("bank.xml", xml);
    EXPECT_NE(messages(r).find("bank.xml:1:"), std::string::npos);
    EXPECT_NE(messages(r).find("elements nested more than 64 deep"), std::string::npos) << messages(r);
}

TEST(Camt053, AMissingFileIsNoInput) {
    auto r = read_camt053("/nonexistent/bank.xml");
    EXPECT_EQ(r.diagnostics.exit_code(), ExitCode::no_input);
}

namespace {

/// Records what a streaming reader hands over, and in which order.
struct RecordingSink : Camt053Sink {
    std::vector<std::string> events;  // "tx <statement id> <entry ref> <amount>" or "end <statement id>"
    void transaction(const BankStatement &s, BankTransaction &&tx) override {
        EXPECT_TRUE(s.transactions.empty());
        events.push_back("tx " + s.statement_id + " " + tx.entry_ref + " " + tx.amount.format_nl());
    }
    void statement_end(const BankStatement &s) override { events.push_back("end " + s.statement_id); }
};

const std::vector<std::string> kStreamed{"tx STMT-2014-03-31 A1 € 1.250,00", "tx STMT-2014-03-31 A2 € 10,00",
                                         "end STMT-2014-03-31"};

}  // namespace

TEST(Camt053Stream, ASinkGetsEachTransactionAsItIsReadAndTheStatementHoldsNone) {
    Tx a, b;
    a.ntry_ref = "A1";
    b.ntry_ref = "A2";
    b.amount = "10.00";
    RecordingSink sink;
    std::istringstream in(statement("001.08", {a, b}));
    auto r = read_camt053_stream("bank.xml", in, std::string("NL91BNGH0285000001"), &sink);
    ASSERT_TRUE(r.ok()) << r.diagnostics.all().front().message;
    EXPECT_EQ(sink.events, kStreamed);
    ASSERT_EQ(r.statements.size(), 1u);
    EXPECT_TRUE(r.statements[0].transactions.empty());
}

TEST(Camt053Stream, TransactionsReadBeforeTheStatementIdWaitForIt) {
    Tx a, b;
    a.ntry_ref = "A1";
    b.ntry_ref = "A2";
    b.amount = "10.00";
    std::string xml = statement("001.02", {a, b});
    const std::string id = "<Id>STMT-2014-03-31</Id>\n";
    xml.erase(xml.find(id), id.size());
    xml.insert(xml.find("</Stmt>"), id);
    RecordingSink sink;
    std::istringstream in(xml);
    auto r = read_camt053_stream("bank.xml", in, std::nullopt, &sink);
    ASSERT_TRUE(r.ok()) << r.diagnostics.all().front().message;
    EXPECT_EQ(sink.events, kStreamed);
}

TEST(Camt053Stream, AfterAnErrorTheSinkGetsNothingMore) {
    Tx a, b;
    a.ntry_ref = "A1";
    b.ntry_ref = "A2";
    b.currency = "USD";
    Tx c = a;
    c.ntry_ref = "A3";
    RecordingSink sink;
    std::istringstream in(statement("001.08", {a, b, c}));
    auto r = read_camt053_stream("bank.xml", in, std::nullopt, &sink);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(sink.events, std::vector<std::string>{"tx STMT-2014-03-31 A1 € 1.250,00"});
}
