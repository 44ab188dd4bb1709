// fuzz_camt053: the CAMT.053 bank statement reader (host/src/betalingen/camt053), which reads files
// from outside (the bank, or whoever hands the controller a file), and the payment matcher on what
// it read.
// Checked besides sanitizer reports:
//   - a reading either holds statements and no error, or errors (exit code 65) and no statement;
//   - every booked transaction has an amount of at least 0, a valid booking date and an entry reference;
//     a statement with both balances satisfies opening + credits − debits = closing;
//   - the matcher never matches a debit or a reversal, and a match names an existing invoice.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "betalingen/camt053.h"
#include "betalingen/payment_matching.h"

using namespace vhh;
using namespace vhh::host::betalingen;

namespace {

[[noreturn]] void fail(const std::string &what) {
    std::fprintf(stderr, "fuzz_camt053: %s\n", what.c_str());
    std::abort();
}

const std::vector<InvoiceItem> kItems{
    {"2014-0001", "1000000000000012", Money::cents(125000)},
    {"2014-0002", "RF18539007547034", Money::cents(321300)},
    {"2014-0003", "", Money::cents(0)},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string xml(reinterpret_cast<const char *>(data), size);
    const Camt053Reading r = read_camt053_text("bank.xml", xml, std::string("NL91BNGH0285000001"));
    if (r.ok() == r.diagnostics.has_errors()) fail("ok() disagrees with the diagnostics");
    if (!r.ok()) {
        if (!r.statements.empty()) fail("statements kept after an error");
        if (r.diagnostics.exit_code() != ExitCode::data) fail("an error of a statement text is not exit 65");
        return 0;
    }
    PaymentMatcher matcher(kItems);
    for (const auto &s : r.statements) {
        Money in, out;
        for (const auto &t : s.transactions) {
            if (t.amount.in_cents() < 0) fail("negative amount");
            if (!t.booking_date.valid()) fail("invalid booking date");
            if (t.entry_ref.empty()) fail("transaction without entry reference");
            (t.credit ? in : out) += t.amount;
            const MatchResult m = matcher.match(t);
            if ((!t.credit || t.reversal) && m.rule != MatchRule::none) fail("a debit or reversal was matched");
            if (m.item && *m.item >= kItems.size()) fail("match outside the invoices");
            if (m.rule != MatchRule::none && !m.item) fail("a match without an invoice");
        }
        if (s.opening_balance && s.closing_balance && *s.opening_balance + in - out != *s.closing_balance)
            fail("balances accepted that do not add up");
    }
    return 0;
}
