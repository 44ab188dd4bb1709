#include "betalingen/camt053.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/Locator.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLException.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

namespace vhh::host::betalingen {

namespace {

/// Deeper nesting is refused: no statement needs it, and the reader's paths stay short.
constexpr std::size_t kMaxDepth = 64;

constexpr const char *kNamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

/// "NL91 abna 0417164300" → "NL91ABNA0417164300".
std::string normalised_iban(const std::string &text) {
    std::string out;
    for (unsigned char c : text)
        if (!std::isspace(c)) out += static_cast<char>(std::toupper(c));
    return out;
}

std::string trimmed(const std::string &s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

/// A CAMT amount ("1250", "1250.5", "1250.50", "1250.50000"): ISO 20022 allows up to five decimals,
/// euro amounts carry at most two that are not zero. Nothing for anything else (a sign, an exponent).
std::optional<Money> parse_amount(std::string text) {
    text = trimmed(text);
    const auto dot = text.find('.');
    if (dot != std::string::npos) {
        while (text.size() > dot + 3 && text.back() == '0') text.pop_back();
        if (text.size() == dot + 1) text.pop_back();
    }
    if (text.empty() || text[0] == '-' || text[0] == '+') return std::nullopt;
    return Money::parse(text);
}

/// A booking date: ISODate "2014-03-31" or the date part of ISODateTime "2014-03-31T10:00:00".
std::optional<Date> parse_date(const std::string &text) {
    const std::string t = trimmed(text);
    if (t.size() > 10 && t[10] != 'T') return std::nullopt;
    return Date::parse_iso(t.substr(0, 10));
}

/// expat's message without the position Poco appends (0-based, and already in the location):
/// "Tag mismatch in line 4 column 2" → "tag mismatch".
std::string parser_message(std::string m) {
    const auto at = m.rfind(" in line ");
    if (at != std::string::npos) m.erase(at);
    if (!m.empty()) m[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(m[0])));
    return m;
}

struct Balance {
    std::string type;
    std::optional<Money> amount;
    std::string indicator;
    SourceLocation where;
};

/// The parties of a transaction: debtor data belong to a credit, creditor data to a debit; both are
/// kept until the entry's indicator decides.
struct Party {
    std::string debtor_name, debtor_iban, creditor_name, creditor_iban;
};

/// What the reader gathers of an entry before it knows its transactions.
struct Entry {
    std::string ntry_ref, acct_svcr_ref, indicator, status;
    std::optional<Money> amount;
    std::optional<Date> booking, value;
    bool reversal = false, has_amount = false, has_booking = false;
    SourceLocation where;
    std::vector<BankTransaction> txs;
    std::vector<std::optional<Money>> tx_amounts;
    std::vector<Party> parties;  ///< one per transaction
};

/// The SAX handler: keeps the element path and the text of the innermost element, and on each end
/// tag stores what that path means. Errors are recorded, never thrown, so every one of a file comes.
class Handler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
public:
    Handler(std::string path, std::optional<std::string> expected_iban, Camt053Reading &out, Camt053Sink *sink)
        : file_(std::move(path)), expected_iban_(std::move(expected_iban)), out_(out), sink_(sink) {}

    void setDocumentLocator(const Poco::XML::Locator *loc) override { locator_ = loc; }

    void startElement(const Poco::XML::XMLString &uri, const Poco::XML::XMLString &local,
                      const Poco::XML::XMLString &, const Poco::XML::Attributes &attrs) override {
        const Pos pos = position();
        if (lengths_.empty()) start_document(uri, local, at(pos));
        if (lengths_.size() == kMaxDepth && !refused_) {
            error(at(pos), "", "elements nested more than " + std::to_string(kMaxDepth) +
                                " deep; a bank statement nests about 12");
            refused_ = true;
        }
        lengths_.push_back(path_.size());
        if (!path_.empty()) path_ += '/';
        path_ += local;
        starts_.push_back(pos);
        text_.clear();
        if (refused_) return;
        const std::string &p = path_;
        if (p == "Document/BkToCstmrStmt/Stmt") {
            statement_ = BankStatement{};
            statement_.version = version_;
            statement_.message_id = message_id_;
            statement_.where = at(pos);
            seen_refs_.clear();
            entry_position_ = 0;
            credits_ = debits_ = Money{};
            balances_.clear();
        } else if (p == "Document/BkToCstmrStmt/Stmt/Bal") {
            balances_.push_back(Balance{});
            balances_.back().where = at(pos);
        } else if (p == "Document/BkToCstmrStmt/Stmt/Ntry") {
            entry_ = Entry{};
            entry_.where = at(pos);
            ++entry_position_;
        } else if (p == "Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls") {
            entry_.txs.push_back(BankTransaction{});
            entry_.txs.back().where = at(pos);
            entry_.tx_amounts.push_back(std::nullopt);
            entry_.parties.emplace_back();
        }
        const int ccy = attrs.getIndex("", "Ccy");
        currency_ = ccy >= 0 ? attrs.getValue(ccy) : std::string{};
    }

    void characters(const Poco::XML::XMLChar ch[], int start, int length) override { text_.append(ch + start, length); }

    void endElement(const Poco::XML::XMLString &, const Poco::XML::XMLString &, const Poco::XML::XMLString &) override {
        if (!refused_) end(path_, starts_.back());
        path_.resize(lengths_.back());
        lengths_.pop_back();
        starts_.pop_back();
        text_.clear();
    }

    // LexicalHandler: a DOCTYPE is refused, so no entity of the file is ever declared or expanded.
    void startDTD(const Poco::XML::XMLString &, const Poco::XML::XMLString &, const Poco::XML::XMLString &) override {
        error(location(), "", "a bank statement has no DOCTYPE; vhh does not read documents that declare entities");
        refused_ = true;
    }
    void endDTD() override {}
    void startEntity(const Poco::XML::XMLString &) override {}
    void endEntity(const Poco::XML::XMLString &) override {}
    void startCDATA() override {}
    void endCDATA() override {}
    void comment(const Poco::XML::XMLChar[], int, int) override {}

    /// True when the document was a CAMT.053 at all.
    bool saw_statement_root() const { return saw_root_; }

private:
    /// A position in the file, without its name: kept per open element, so no copy of the name.
    struct Pos {
        int line = 0, column = 0;
    };
    Pos position() const {
        if (!locator_) return {};
        // expat counts columns from 0; vhh's locations from 1.
        return {locator_->getLineNumber(), locator_->getColumnNumber() + 1};
    }
    SourceLocation at(Pos p) const { return {file_, p.line, p.column}; }
    SourceLocation location() const { return at(position()); }

    /// The key path of an element for messages: "Stmt[2].Ntry[14].Amt".
    std::string key(std::string_view tail_view) const {
        const std::string tail(tail_view);
        std::string k = "Stmt[" + std::to_string(out_.statements.size() + 1) + "]";
        if (entry_position_ > 0 && tail.rfind("Ntry", 0) == 0) {
            k += ".Ntry[" + std::to_string(entry_position_) + "]";
            std::string rest = tail.substr(4);
            if (!rest.empty() && rest[0] == '/') rest = rest.substr(1);
            if (!rest.empty()) k += "." + rest;
            std::replace(k.begin(), k.end(), '/', '.');
            return k;
        }
        if (!tail.empty()) k += "." + tail;
        std::replace(k.begin(), k.end(), '/', '.');
        return k;
    }

    void error(SourceLocation where, std::string key_path, std::string message, std::string hint = {}) {
        out_.diagnostics.error(ExitCode::data, std::move(where), std::move(key_path), std::move(message), std::move(hint));
    }

    void start_document(const std::string &uri, const std::string &local, const SourceLocation &here) {
        if (local != "Document" || uri.rfind(kNamespacePrefix, 0) != 0) {
            error(here, "", "not a CAMT.053 bank statement: the root element is '" + local + "'" +
                                (uri.empty() ? std::string(" without a namespace") : " in namespace '" + uri + "'"),
                  "export the statement from the bank as CAMT.053 (ISO 20022 BankToCustomerStatement)");
            refused_ = true;
            return;
        }
        saw_root_ = true;
        version_ = uri.substr(std::char_traits<char>::length(kNamespacePrefix));
        const auto &ok = supported_camt053_versions();
        if (std::find(ok.begin(), ok.end(), version_) == ok.end()) {
            error(here, "", "CAMT.053 version " + version_ + " is not supported; vhh reads versions 001.02 and 001.08");
            refused_ = true;
        }
    }

    std::optional<Money> amount(Pos pos, std::string_view tail) {
        if (currency_ != "EUR") {
            error(at(pos), key(tail) + ".Ccy",
                  currency_.empty() ? std::string("the amount has no currency (attribute Ccy)")
                                    : "currency " + currency_ + ": vhh books amounts in euro (EUR) only");
            return std::nullopt;
        }
        auto m = parse_amount(text_);
        if (!m) error(at(pos), key(tail), "'" + trimmed(text_) + "' is not an amount (expected e.g. 1250.00)");
        return m;
    }

    void end(const std::string &p, Pos pos) {
        // Compared as views: this runs for every end tag of the file, and allocates nothing.
        static constexpr std::string_view kStmt = "Document/BkToCstmrStmt/Stmt/";
        const std::string_view path(p);
        if (path == "Document/BkToCstmrStmt/GrpHdr/MsgId") {
            message_id_ = trimmed(text_);
            return;
        }
        if (path == kStmt.substr(0, kStmt.size() - 1)) return end_statement();
        if (path.substr(0, kStmt.size()) != kStmt) return;
        const std::string_view s = path.substr(kStmt.size());
        if (s == "Id") statement_.statement_id = trimmed(text_);
        else if (s == "Acct/Id/IBAN") {
            statement_.iban = normalised_iban(text_);
            iban_where_ = at(pos);
        } else if (s == "Acct/Ccy") {
            statement_.currency = trimmed(text_);
            if (statement_.currency != "EUR")
                error(at(pos), key(s), "the account is kept in " + statement_.currency + "; vhh books euro (EUR) accounts only");
        } else if (s == "Bal/Tp/CdOrPrtry/Cd") balances_.back().type = trimmed(text_);
        else if (s == "Bal/Amt") {
            balances_.back().amount = amount(pos, s);
        } else if (s == "Bal/CdtDbtInd") balances_.back().indicator = trimmed(text_);
        else if (s == "Ntry") end_entry();
        else if (s.substr(0, 5) == "Ntry/") entry_field(s, s.substr(5), pos);
    }

    void entry_field(std::string_view s, std::string_view e, Pos pos) {
        if (e == "NtryRef") entry_.ntry_ref = trimmed(text_);
        else if (e == "AcctSvcrRef") entry_.acct_svcr_ref = trimmed(text_);
        else if (e == "Amt") {
            entry_.has_amount = true;
            entry_.amount = amount(pos, s);
        } else if (e == "CdtDbtInd") {
            entry_.indicator = trimmed(text_);
            if (entry_.indicator != "CRDT" && entry_.indicator != "DBIT")
                error(at(pos), key(s), "'" + entry_.indicator + "' is not a credit/debit indicator (expected CRDT or DBIT)");
        } else if (e == "RvslInd") entry_.reversal = trimmed(text_) == "true" || trimmed(text_) == "1";
        else if (e == "Sts" || e == "Sts/Cd") {
            if (!trimmed(text_).empty()) entry_.status = trimmed(text_);
        } else if (e == "BookgDt/Dt" || e == "BookgDt/DtTm") {
            entry_.has_booking = true;
            entry_.booking = parse_date(text_);
            if (!entry_.booking) error(at(pos), key(s), "'" + trimmed(text_) + "' is not a date (expected YYYY-MM-DD)");
        } else if (e == "ValDt/Dt" || e == "ValDt/DtTm") {
            entry_.value = parse_date(text_);
            if (!entry_.value) error(at(pos), key(s), "'" + trimmed(text_) + "' is not a date (expected YYYY-MM-DD)");
        } else if (e.substr(0, 16) == "NtryDtls/TxDtls/" && !entry_.txs.empty()) {
            // (not "NtryDtls/TxDtlsX/…": an element whose name merely starts with TxDtls opened no transaction)
            tx_field(s, e.substr(16), pos);
        }
    }

    void tx_field(std::string_view s, std::string_view t, Pos pos) {
        BankTransaction &tx = entry_.txs.back();
        if (t == "Refs/EndToEndId") tx.end_to_end_id = trimmed(text_);
        else if (t == "Amt" || t == "AmtDtls/TxAmt/Amt") entry_.tx_amounts.back() = amount(pos, s);
        else if (t == "RltdPties/Dbtr/Nm" || t == "RltdPties/Dbtr/Pty/Nm") entry_.parties.back().debtor_name = trimmed(text_);
        else if (t == "RltdPties/Cdtr/Nm" || t == "RltdPties/Cdtr/Pty/Nm") entry_.parties.back().creditor_name = trimmed(text_);
        else if (t == "RltdPties/DbtrAcct/Id/IBAN") entry_.parties.back().debtor_iban = normalised_iban(text_);
        else if (t == "RltdPties/CdtrAcct/Id/IBAN") entry_.parties.back().creditor_iban = normalised_iban(text_);
        else if (t == "RmtInf/Ustrd") {
            if (!tx.remittance_text.empty()) tx.remittance_text += ' ';
            tx.remittance_text += trimmed(text_);
        } else if (t == "RmtInf/Strd/CdtrRefInf/Ref") tx.structured_reference = trimmed(text_);
    }

    void end_entry() {
        const std::string k = key("Ntry");
        bool bad = false;
        if (!entry_.has_amount) {
            error(entry_.where, k + ".Amt", "the entry has no amount");
            bad = true;
        } else if (!entry_.amount) bad = true;
        if (entry_.indicator.empty()) {
            error(entry_.where, k + ".CdtDbtInd", "the entry has no credit/debit indicator (CdtDbtInd)");
            bad = true;
        } else if (entry_.indicator != "CRDT" && entry_.indicator != "DBIT") bad = true;
        if (entry_.status.empty()) {
            error(entry_.where, k + ".Sts", "the entry has no status (Sts)");
            bad = true;
        }
        if (!bad && entry_.status != "BOOK") {  // pending or information only: not on the account yet
            return;
        }
        if (!entry_.has_booking) {
            error(entry_.where, k + ".BookgDt", "the entry has no booking date (BookgDt)");
            bad = true;
        } else if (!entry_.booking) bad = true;

        const std::string ref = !entry_.ntry_ref.empty() ? entry_.ntry_ref
                                : !entry_.acct_svcr_ref.empty() ? entry_.acct_svcr_ref
                                                                : "ntry-" + std::to_string(entry_position_);
        if (!seen_refs_.insert(ref).second) {
            error(entry_.where, k + ".NtryRef", "entry reference '" + ref + "' occurs twice in this statement");
            bad = true;
        }
        if (entry_.txs.empty()) {
            entry_.txs.push_back(BankTransaction{});
            entry_.txs.back().where = entry_.where;
            entry_.tx_amounts.push_back(std::nullopt);
            entry_.parties.emplace_back();
        }
        if (!bad) bad = !split_amounts(k);
        if (bad) {
            return;
        }
        const bool credit = entry_.indicator == "CRDT";
        auto &total = credit ? credits_ : debits_;
        auto sum = checked_add(total, *entry_.amount);
        if (!sum) {
            error(entry_.where, k + ".Amt", "the statement's entries add up beyond the range of 64-bit cents");
            return;
        }
        total = *sum;
        for (std::size_t i = 0; i < entry_.txs.size(); ++i) {
            BankTransaction tx = std::move(entry_.txs[i]);
            tx.entry_ref = ref;
            tx.tx_index = static_cast<int>(i);
            tx.amount = *entry_.tx_amounts[i];
            tx.credit = credit;
            tx.reversal = entry_.reversal;
            tx.booking_date = *entry_.booking;
            tx.value_date = entry_.value;
            const Party &party = entry_.parties[i];
            tx.counterparty_name = credit ? party.debtor_name : party.creditor_name;
            tx.counterparty_iban = credit ? party.debtor_iban : party.creditor_iban;
            deliver(std::move(tx));
        }
    }

    /// Hands a booked transaction to the sink once the statement's Id is known; holds it until then.
    /// After an error nothing will be booked, so a sink is given nothing more.
    void deliver(BankTransaction &&tx) {
        if (!sink_ || statement_.statement_id.empty()) {
            statement_.transactions.push_back(std::move(tx));
            return;
        }
        if (out_.diagnostics.has_errors()) return;
        if (!statement_.transactions.empty()) flush();
        sink_->transaction(statement_, std::move(tx));
    }

    /// Hands the held transactions to the sink (the statement without them).
    void flush() {
        std::vector<BankTransaction> held = std::move(statement_.transactions);
        statement_.transactions.clear();
        for (auto &tx : held) sink_->transaction(statement_, std::move(tx));
    }

    /// Gives each transaction of the entry its amount: the entry's own for a single transaction;
    /// for a batch, each transaction's, which must add up to the entry. False after an error.
    bool split_amounts(const std::string &k) {
        auto &amounts = entry_.tx_amounts;
        if (amounts.size() == 1) {
            if (amounts[0] && *amounts[0] != *entry_.amount) {
                error(entry_.txs[0].where, k + ".NtryDtls.TxDtls.Amt",
                      "the transaction amount " + amounts[0]->format_nl() + " differs from the entry's " +
                          entry_.amount->format_nl());
                return false;
            }
            amounts[0] = entry_.amount;
            return true;
        }
        Money sum;
        for (std::size_t i = 0; i < amounts.size(); ++i) {
            if (!amounts[i]) {
                error(entry_.txs[i].where, k + ".NtryDtls.TxDtls[" + std::to_string(i + 1) + "].Amt",
                      "a batch entry's transaction has no amount of its own; vhh cannot tell which payment it is");
                return false;
            }
            auto s = checked_add(sum, *amounts[i]);
            if (!s) return false;
            sum = *s;
        }
        if (sum != *entry_.amount) {
            error(entry_.where, k + ".Amt",
                  "the batch's transactions add up to " + sum.format_nl() + ", the entry says " + entry_.amount->format_nl());
            return false;
        }
        return true;
    }

    void end_statement() {
        const std::string k = key("");
        if (statement_.statement_id.empty()) error(statement_.where, k + ".Id", "the statement has no identification (Id)");
        if (statement_.iban.empty())
            error(statement_.where, k + ".Acct.Id.IBAN", "the statement names no account IBAN (Acct/Id/IBAN)");
        else if (expected_iban_ && statement_.iban != normalised_iban(*expected_iban_))
            error(iban_where_, k + ".Acct.Id.IBAN",
                  "this is a statement of account " + statement_.iban + ", not of the Veiligheidshuis's account " +
                      normalised_iban(*expected_iban_),
                  "import only the statements of the account configured as the supplier's IBAN");
        if (statement_.currency.empty()) statement_.currency = "EUR";
        const Balance *opening = nullptr, *closing = nullptr;
        for (const auto &b : balances_) {
            if ((b.type == "OPBD" || b.type == "PRCD") && !opening) opening = &b;
            if (b.type == "CLBD") closing = &b;
        }
        auto signed_amount = [](const Balance *b) -> std::optional<Money> {
            if (!b || !b->amount) return std::nullopt;
            return b->indicator == "DBIT" ? -*b->amount : *b->amount;
        };
        statement_.opening_balance = signed_amount(opening);
        statement_.closing_balance = signed_amount(closing);
        if (statement_.opening_balance && statement_.closing_balance) {
            try {
                const Money expected = *statement_.opening_balance + credits_ - debits_;
                if (expected != *statement_.closing_balance)
                    error(closing->where, k + ".Bal",
                          "the closing balance " + statement_.closing_balance->format_nl() +
                              " does not follow from the opening balance " + statement_.opening_balance->format_nl() +
                              " and the booked entries (" + credits_.format_nl() + " in, " + debits_.format_nl() +
                              " out): " + expected.format_nl(),
                          "the file may be cut off or edited; export the statement again");
            } catch (const std::overflow_error &) {
                error(closing->where, k + ".Bal", "the balances are beyond the range of 64-bit cents");
            }
        }
        if (sink_ && !out_.diagnostics.has_errors()) {
            flush();
            sink_->statement_end(statement_);
        }
        out_.statements.push_back(std::move(statement_));
        statement_ = BankStatement{};
        entry_position_ = 0;
    }

    std::string file_;
    std::optional<std::string> expected_iban_;
    Camt053Reading &out_;
    Camt053Sink *sink_;
    const Poco::XML::Locator *locator_ = nullptr;
    std::string path_;                  ///< the open elements' local names, joined by '/'
    std::vector<std::size_t> lengths_;  ///< the length of path_ before each open element
    std::vector<Pos> starts_;
    std::string text_, currency_, version_, message_id_;
    bool refused_ = false, saw_root_ = false;
    BankStatement statement_;
    SourceLocation iban_where_;
    std::vector<Balance> balances_;
    Entry entry_;
    std::set<std::string> seen_refs_;
    int entry_position_ = 0;
    Money credits_, debits_;
};

Camt053Reading parse(const std::string &path, std::istream &in, const std::optional<std::string> &expected_iban,
                     Camt053Sink *sink = nullptr) {
    Camt053Reading out;
    Handler handler(path, expected_iban, out, sink);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&handler);
    parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                       static_cast<Poco::XML::LexicalHandler *>(&handler));
    Poco::XML::InputSource source(in);
    try {
        parser.parse(&source);
    } catch (const Poco::XML::SAXParseException &e) {
        out.statements.clear();
        out.diagnostics.error(ExitCode::data, {path, e.getLineNumber(), e.getColumnNumber() + 1}, "",
                              "not well-formed XML: " + parser_message(e.message()));
        return out;
    } catch (const Poco::Exception &e) {
        out.statements.clear();
        out.diagnostics.error(ExitCode::data, {path, 0, 0}, "", "cannot read the statement: " + e.displayText());
        return out;
    }
    if (!out.diagnostics.has_errors() && !handler.saw_statement_root())
        out.diagnostics.error(ExitCode::data, {path, 0, 0}, "", "not a CAMT.053 bank statement: the file is empty");
    else if (!out.diagnostics.has_errors() && out.statements.empty())
        out.diagnostics.error(ExitCode::data, {path, 0, 0}, "BkToCstmrStmt",
                              "the file holds no statement (BkToCstmrStmt/Stmt)");
    if (out.diagnostics.has_errors()) out.statements.clear();
    return out;
}

}  // namespace

std::string BankTransaction::booking_key(const std::string &statement_id) const {
    return statement_id + "/" + entry_ref + "/" + std::to_string(tx_index);
}

const std::vector<std::string> &supported_camt053_versions() {
    static const std::vector<std::string> v{"001.02", "001.08"};
    return v;
}

Camt053Reading read_camt053(const std::string &path, const std::optional<std::string> &expected_iban) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Camt053Reading out;
        out.diagnostics.error(ExitCode::no_input, {path, 0, 0}, "", "cannot open the bank statement");
        return out;
    }
    return parse(path, in, expected_iban);
}

Camt053Reading read_camt053_stream(const std::string &path, std::istream &in,
                                   const std::optional<std::string> &expected_iban, Camt053Sink *sink) {
    return parse(path, in, expected_iban, sink);
}

Camt053Reading read_camt053_text(const std::string &path, const std::string &xml,
                                 const std::optional<std::string> &expected_iban) {
    std::istringstream in(xml);
    return parse(path, in, expected_iban);
}

}  // namespace vhh::host::betalingen
