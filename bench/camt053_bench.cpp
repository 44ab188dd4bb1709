// The payments side of invoicing at national scale, as one process for its wall time and peak
// memory: writes a CAMT.053 statement of ENTRIES credit entries (default 100 000) to FILE, reads it
// with the streaming reader and matches every transaction against the invoices of a national year
// (342 gemeenten x 4 voorschot termijnen + 400 partners). Of the entries, 80 % carry the invoice's
// betalingskenmerk as structured reference, 15 % the invoice number in the text, 5 % neither.
// Usage: vhh_bench_camt053 [ENTRIES [FILE]]   (exit 1 when the statement is refused or a count is off)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "betalingen/camt053.h"
#include "betalingen/payment_matching.h"

using namespace vhh;
using namespace vhh::host::betalingen;

int main(int argc, char **argv) {
    const int entries = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/vhh-bench-camt053.xml";
    auto s = [](auto d) { return std::chrono::duration<double>(d).count(); };

    std::vector<InvoiceItem> invoices;
    for (int i = 0; i < 342 * 4 + 400; ++i) {
        char number[32], reference[32];
        std::snprintf(number, sizeof number, "2014-%05d", i + 1);
        std::snprintf(reference, sizeof reference, "%016d", 700000 + i);
        invoices.push_back({number, reference, Money::cents(1000000)});
    }

    const auto t0 = std::chrono::steady_clock::now();
    long long total = 0;
    {
        std::ofstream out(path, std::ios::binary);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
               "<GrpHdr><MsgId>BENCH</MsgId></GrpHdr><Stmt><Id>BENCH-1</Id>"
               "<Acct><Id><IBAN>NL91BNGH0285000001</IBAN></Id><Ccy>EUR</Ccy></Acct>\n";
        for (int e = 0; e < entries; ++e) {
            const InvoiceItem &inv = invoices[static_cast<std::size_t>(e) % invoices.size()];
            const long long cents = 10000 + e % 997;
            total += cents;
            char amount[32];
            std::snprintf(amount, sizeof amount, "%lld.%02lld", cents / 100, cents % 100);
            out << "<Ntry><NtryRef>N" << e << "</NtryRef><Amt Ccy=\"EUR\">" << amount
                << "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2014-03-31</Dt></BookgDt>"
                   "<NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy=\"EUR\">" << amount << "</Amt></TxAmt></AmtDtls>"
                   "<RltdPties><Dbtr><Nm>Gemeente " << e % 342 << "</Nm></Dbtr></RltdPties><RmtInf>";
            if (e % 20 < 16)
                out << "<Strd><CdtrRefInf><Ref>" << inv.payment_reference << "</Ref></CdtrRefInf></Strd>";
            else if (e % 20 < 19)
                out << "<Ustrd>Voorschot bijdrage factuur " << inv.number << "</Ustrd>";
            else
                out << "<Ustrd>Overboeking zonder kenmerk</Ustrd>";
            out << "</RmtInf></TxDtls></NtryDtls></Ntry>\n";
        }
        char closing[32];
        std::snprintf(closing, sizeof closing, "%lld.%02lld", total / 100, total % 100);
        out << "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>"
               "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" << closing
            << "</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal></Stmt></BkToCstmrStmt></Document>\n";
    }
    const auto t1 = std::chrono::steady_clock::now();
    const Camt053Reading reading = read_camt053(path, std::string("NL91BNGH0285000001"));
    const auto t2 = std::chrono::steady_clock::now();
    if (!reading.ok()) {
        std::fprintf(stderr, "vhh_bench_camt053: the statement was refused:\n%s", reading.diagnostics.format_all().c_str());
        return 1;
    }
    PaymentMatcher matcher(invoices);
    int by_reference = 0, by_text = 0, unmatched = 0;
    for (const auto &t : reading.statements.at(0).transactions) {
        const MatchResult m = matcher.match(t);
        if (m.rule == MatchRule::payment_reference) ++by_reference;
        else if (m.rule == MatchRule::invoice_number_in_text) ++by_text;
        else if (m.rule == MatchRule::none) ++unmatched;
    }
    const auto t3 = std::chrono::steady_clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::ifstream sized(path, std::ios::binary | std::ios::ate);
    std::printf("camt053: %d entries (%.1f MiB): write %.3f s, read %.3f s, match %.3f s (read + match %.3f s); "
                "%d by betalingskenmerk, %d by invoice number, %d unmatched; peak RSS %ld KiB\n",
                entries, static_cast<double>(sized.tellg()) / (1024 * 1024), s(t1 - t0), s(t2 - t1), s(t3 - t2),
                s(t3 - t1), by_reference, by_text, unmatched, ru.ru_maxrss);
    const int expect_ref = (entries / 20) * 16 + std::min(entries % 20, 16);
    const int expect_none = entries / 20 + (entries % 20 == 0 ? 0 : 0);
    if (by_reference != expect_ref || unmatched != expect_none || by_reference + by_text + unmatched != entries) {
        std::fprintf(stderr, "vhh_bench_camt053: unexpected counts (expected %d by betalingskenmerk, %d unmatched)\n",
                     expect_ref, expect_none);
        return 1;
    }
    return 0;
}
