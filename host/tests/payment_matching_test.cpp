// The rule that ties a payment to an invoice, and the age classes of open items at their boundaries.
#include "betalingen/ouderdomsanalyse.h"
#include "betalingen/payment_matching.h"

#include <gtest/gtest.h>

using namespace vhh;
using namespace vhh::host::betalingen;

namespace {

BankTransaction credit(std::string reference, std::string text) {
    BankTransaction t;
    t.amount = Money::cents(125000);
    t.structured_reference = std::move(reference);
    t.remittance_text = std::move(text);
    return t;
}

const std::vector<InvoiceItem> kItems{
    {"2014-0001", "1000000000000012", Money::cents(125000)},
    {"2014-0002", "2000000000000011", Money::cents(321300)},
    {"2014-0003", "3000000000000010", Money::cents(0)},  // paid
};

}  // namespace

TEST(PaymentMatching, TheStructuredReferenceComesFirst) {
    PaymentMatcher m(kItems);
    auto r = m.match(credit("1000 0000 0000 0012", "factuur 2014-0002"));
    EXPECT_EQ(r.rule, MatchRule::payment_reference);
    EXPECT_EQ(r.item, 0u);
    EXPECT_FALSE(r.already_paid);
}

TEST(PaymentMatching, AReferenceTypedInTheTextWithSpacesIsFound) {
    PaymentMatcher m(kItems);
    auto r = m.match(credit("", "Bijdrage kenmerk 2000 0000 0000 0011."));
    EXPECT_EQ(r.rule, MatchRule::reference_in_text);
    EXPECT_EQ(r.item, 1u);
}

TEST(PaymentMatching, ThenTheInvoiceNumberInTheText) {
    PaymentMatcher m(kItems);
    auto r = m.match(credit("9999999999999999", "Voorschot Q1, factuurnr. 2014-0002/"));
    EXPECT_EQ(r.rule, MatchRule::invoice_number_in_text);
    EXPECT_EQ(r.item, 1u);
    // A number inside a longer word is not the invoice number.
    EXPECT_EQ(m.match(credit("", "ref X2014-00021")).rule, MatchRule::none);
}

TEST(PaymentMatching, APaidInvoiceIsNamedAsSuch) {
    PaymentMatcher m(kItems);
    auto r = m.match(credit("3000000000000010", ""));
    EXPECT_EQ(r.item, 2u);
    EXPECT_TRUE(r.already_paid);
    EXPECT_EQ(r.reason, "factuur 2014-0003 is al betaald");
}

TEST(PaymentMatching, DebitsReversalsAndUnknownPaymentsStayUnmatched) {
    PaymentMatcher m(kItems);
    auto debit = credit("1000000000000012", "");
    debit.credit = false;
    EXPECT_EQ(m.match(debit).rule, MatchRule::none);
    auto storno = credit("1000000000000012", "");
    storno.reversal = true;
    EXPECT_EQ(m.match(storno).reason, "een storno van de bank");
    auto r = m.match(credit("", "gift"));
    EXPECT_EQ(r.rule, MatchRule::none);
    EXPECT_FALSE(r.item.has_value());
    EXPECT_EQ(r.reason, "kenmerk en omschrijving noemen geen openstaande factuur");
    EXPECT_EQ(rule_text(r.rule), "niet gekoppeld");
}

TEST(Ouderdomsanalyse, ClassesChangeTheDayAfterEachBoundary) {
    const Date due{2014, 1, 31};
    EXPECT_EQ(age_class(due, {2014, 1, 30}), AgeClass::not_due);
    EXPECT_EQ(age_class(due, due), AgeClass::not_due);
    EXPECT_FALSE(reminder_due(due, due));
    EXPECT_EQ(age_class(due, {2014, 2, 1}), AgeClass::days_0_30);
    EXPECT_TRUE(reminder_due(due, {2014, 2, 1}));
    EXPECT_EQ(age_class(due, {2014, 3, 2}), AgeClass::days_0_30);   // 30 days: February 2014 has 28
    EXPECT_EQ(age_class(due, {2014, 3, 3}), AgeClass::days_31_60);  // 31
    EXPECT_EQ(age_class(due, {2014, 4, 1}), AgeClass::days_31_60);  // 60
    EXPECT_EQ(age_class(due, {2014, 4, 2}), AgeClass::days_61_90);  // 61
    EXPECT_EQ(age_class(due, {2014, 5, 1}), AgeClass::days_61_90);  // 90
    EXPECT_EQ(age_class(due, {2014, 5, 2}), AgeClass::over_90);     // 91
    EXPECT_EQ(days_past_due(due, {2015, 1, 31}), 365);
    EXPECT_EQ(age_class_text(AgeClass::over_90), "meer dan 90 dagen");
}
