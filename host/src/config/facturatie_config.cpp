#include "config/facturatie_config.h"

#include <cctype>
#include <map>
#include <set>

#include "config/settings_validator.h"
#include "vhh/text.h"

namespace vhh::host {

namespace {

const char *const kTermijnen[] = {"jaar", "halfjaar", "kwartaal", "maand"};
const char *const kBtw[] = {"vrijgesteld", "belast"};

#define VHH_TEXT(key, flags, doc) {key, VHH_SETTING_TEXT, flags, nullptr, nullptr, nullptr, doc, nullptr, 0, 0, nullptr, nullptr}

const vhh_setting_spec kLeverancierSpec[] = {
    VHH_TEXT("naam", VHH_SETTING_REQUIRED, "legal name of who bills, e.g. Gemeente Middelburg"),
    VHH_TEXT("oin", 0, "OIN (20 digits), or give kvk"),
    VHH_TEXT("kvk", 0, "KvK number (8 digits), or give oin"),
    VHH_TEXT("straat", VHH_SETTING_REQUIRED, "street and number"),
    VHH_TEXT("postcode", VHH_SETTING_REQUIRED, "postcode, e.g. 4331 NH"),
    VHH_TEXT("plaats", VHH_SETTING_REQUIRED, "city"),
    VHH_TEXT("btw_nummer", 0, "VAT identifier (NL…B01): needed on werkplekhuur invoices (categories E and S)"),
    VHH_TEXT("iban", VHH_SETTING_REQUIRED, "the account the debiteuren pay to"),
    VHH_TEXT("bic", 0, "BIC of the bank, optional"),
    VHH_TEXT("contact", 0, "contact person for questions about invoices"),
    VHH_TEXT("email", VHH_SETTING_REQUIRED, "e-mail address for questions about invoices"),
};

const vhh_setting_spec kDebiteurFields[] = {
    {"id", VHH_SETTING_CODE, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "CBS code of the gemeente or id of the partner", nullptr, 0, 0, nullptr, nullptr},
    VHH_TEXT("naam", 0, "legal name when it differs from the gemeente's or partner's name"),
    VHH_TEXT("oin", 0, "OIN (20 digits)"),
    VHH_TEXT("kvk", 0, "KvK number (8 digits)"),
    VHH_TEXT("straat", 0, "street and number"),
    VHH_TEXT("postcode", 0, "postcode"),
    VHH_TEXT("plaats", 0, "city"),
    VHH_TEXT("email", 0, "e-mail address for invoices"),
    VHH_TEXT("referentie", 0, "BuyerReference: the debiteur's own reference (order or budget number)"),
};

#define VHH_ACCOUNT(key, def, doc) {key, VHH_SETTING_CODE, 0, def, nullptr, nullptr, doc, nullptr, 0, 0, nullptr, nullptr}

/// `facturatie.journaal:` — declared once here with its defaults (JournaalRekeningen holds the same).
const vhh_setting_spec kJournaalSpec[] = {
    VHH_ACCOUNT("rekening_debiteuren", "1300", "ledger account of the receivables (every invoice, credit note, matched payment)"),
    VHH_ACCOUNT("rekening_bank", "1100", "ledger account of the bank account of the statements"),
    VHH_ACCOUNT("rekening_onverdeeld", "1190", "ledger account of money received and not yet matched to an invoice"),
    VHH_ACCOUNT("rekening_voorschot", "8000", "revenue account of the voorschotnota's"),
    VHH_ACCOUNT("rekening_werkplekhuur", "8100", "revenue account of werkplekhuur"),
    VHH_ACCOUNT("rekening_afrekening", "8010", "revenue account of the afrekening (deficit charged, surplus returned)"),
    VHH_ACCOUNT("rekening_btw", "1520", "ledger account of VAT payable (werkplekhuur billed with VAT)"),
    VHH_ACCOUNT("kostenplaats", "VHH", "cost centre of the revenue lines"),
};

#undef VHH_ACCOUNT

const vhh_setting_spec kFacturatieSpec[] = {
    {"termijnen", VHH_SETTING_CHOICE, 0, "kwartaal", nullptr, nullptr,
     "the termijnen of the voorschotnota's: jaar, halfjaar, kwartaal or maand", nullptr, 0, 4, kTermijnen, nullptr},
    {"betaaltermijn_dagen", VHH_SETTING_INTEGER, 0, "30", "0", "365", "days from the invoice date to its vervaldatum",
     nullptr, 0, 0, nullptr, nullptr},
    {"werkplekhuur_termijnen", VHH_SETTING_CHOICE, 0, "jaar", nullptr, nullptr,
     "the termijnen of werkplekhuur: jaar (one invoice a year), halfjaar, kwartaal or maand, each pro rata its "
     "werkplekken by the werkplekhuur plugin's pro_rata rule",
     nullptr, 0, 4, kTermijnen, nullptr},
    {"werkplekhuur_btw", VHH_SETTING_CHOICE, 0, "vrijgesteld", nullptr, nullptr,
     "VAT on werkplekhuur: vrijgesteld (exempt rent, art. 11 lid 1 onder b Wet OB) or belast (opted for taxed rent, 21 %)",
     nullptr, 0, 2, kBtw, nullptr},
    {"illustratief", VHH_SETTING_BOOLEAN, 0, "false", nullptr, nullptr,
     "true when the data are examples: every invoice then says so", nullptr, 0, 0, nullptr, nullptr},
    {"debiteuren", VHH_SETTING_LIST, VHH_SETTING_REQUIRED, nullptr, nullptr, nullptr,
     "who is billed: one entry per gemeente and per partner", kDebiteurFields,
     sizeof kDebiteurFields / sizeof kDebiteurFields[0], 0, nullptr, nullptr},
};

#undef VHH_TEXT

bool all_digits(const std::string &s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isdigit(c)) return false;
    return true;
}

std::string compact(std::string s) {
    std::string out;
    for (unsigned char c : s)
        if (c != ' ') out += static_cast<char>(std::toupper(c));
    return out;
}

/// True when `code` can be a ledger account or cost centre code: 1 to 20 letters, digits, '.', '-',
/// '_' or '/', starting with a letter or digit (so no cell of the journal looks like a formula).
bool account_code(const std::string &code) {
    if (code.empty() || code.size() > 20 || !std::isalnum(static_cast<unsigned char>(code[0]))) return false;
    for (unsigned char c : code)
        if (!std::isalnum(c) && c != '.' && c != '-' && c != '_' && c != '/') return false;
    return true;
}

/// Reads `facturatie.journaal:` into `j`; every problem recorded at its key.
void read_journaal(const YamlNode &node, JournaalRekeningen &j, StageLog &log) {
    Diagnostics &diag = log.sdk();
    if (!node.is_map()) {
        diag.error(ExitCode::config, node.where, "facturatie.journaal", "expected a map, got " + node.describe(),
                   "e.g. journaal: {rekening_debiteuren: \"1300\", kostenplaats: VHH}");
        return;
    }
    const Settings s = validate_settings(node, kJournaalSpec, sizeof kJournaalSpec / sizeof kJournaalSpec[0],
                                         "facturatie.journaal", {}, log);
    const std::pair<const char *, std::string *> keys[] = {
        {"rekening_debiteuren", &j.debiteuren}, {"rekening_bank", &j.bank},
        {"rekening_onverdeeld", &j.onverdeeld}, {"rekening_voorschot", &j.voorschot},
        {"rekening_werkplekhuur", &j.werkplekhuur}, {"rekening_afrekening", &j.afrekening},
        {"rekening_btw", &j.btw}, {"kostenplaats", &j.kostenplaats}};
    for (const auto &[key, value] : keys) {
        if (!s.has(key)) continue;
        const std::string v = s.text(key);
        if (!account_code(v)) {
            diag.error(ExitCode::config, s.where(key), std::string("facturatie.journaal.") + key,
                       "expected a ledger code of 1 to 20 letters, digits, '.', '-', '_' or '/' starting with a letter "
                       "or digit, got '" + excerpt(v) + "'");
            continue;
        }
        *value = v;
    }
    // The balance accounts must differ from each other and from the revenue accounts, or the journal
    // would book receivables, bank and revenue on one account.
    const char *const balance[] = {"rekening_debiteuren", "rekening_bank", "rekening_onverdeeld", "rekening_btw"};
    const char *const revenue[] = {"rekening_voorschot", "rekening_werkplekhuur", "rekening_afrekening"};
    auto value_of = [&](const char *key) -> const std::string & {
        for (const auto &[k, v] : keys)
            if (std::string(k) == key) return *v;
        return j.kostenplaats;
    };
    for (std::size_t a = 0; a < 4; ++a) {
        std::vector<const char *> others(balance, balance + a);
        others.insert(others.end(), std::begin(revenue), std::end(revenue));
        for (const char *other : others)
            if (value_of(balance[a]) == value_of(other)) {
                // Located at the key written in the file (the other one may be a default).
                const bool here = node.find(balance[a]) != nullptr;
                const char *at = here ? balance[a] : other;
                diag.error(ExitCode::config, s.where(at), std::string("facturatie.journaal.") + at,
                           "account '" + value_of(balance[a]) + "' is also facturatie.journaal." + (here ? other : balance[a]) +
                               ": the journal would book two sides of a document on one account",
                           "give each balance account its own code");
                break;
            }
    }
}

/// Checks the identifiers of a party; records problems at `kp`.
void check_ids(const Settings &s, InvoiceParty &p, const std::string &kp, Diagnostics &diag) {
    if (s.has("oin")) {
        p.oin = s.text("oin");
        if (p.oin.size() != 20 || !all_digits(p.oin))
            diag.error(ExitCode::data, s.where("oin"), kp + ".oin",
                       "expected an OIN of 20 digits, got '" + excerpt(p.oin) + "'", "quote it: oin: \"00000001...\"");
    }
    if (s.has("kvk")) {
        p.kvk = s.text("kvk");
        if (p.kvk.size() != 8 || !all_digits(p.kvk))
            diag.error(ExitCode::data, s.where("kvk"), kp + ".kvk",
                       "expected a KvK number of 8 digits, got '" + excerpt(p.kvk) + "'", "quote it: kvk: \"01234567\"");
    }
    for (const char *key : {"naam", "straat", "postcode", "plaats", "email", "contact", "referentie"}) {
        if (!s.has(key)) continue;
        const std::string v = s.text(key);
        bool bad = v.size() > 200;
        for (unsigned char c : v) bad = bad || c < 0x20 || c == 0x7f;
        if (bad) diag.error(ExitCode::config, s.where(key), kp + "." + key, "expected one line of text of at most 200 characters");
    }
    if (s.has("email") && !s.text("email").empty() && s.text("email").find('@') == std::string::npos)
        diag.error(ExitCode::config, s.where("email"), kp + ".email",
                   "expected an e-mail address, got '" + excerpt(s.text("email")) + "'");
    auto text = [&](const char *key) { return s.has(key) ? s.text(key) : std::string(); };
    p.naam = text("naam");
    p.straat = text("straat");
    p.postcode = text("postcode");
    p.plaats = text("plaats");
    p.email = text("email");
    p.contact = text("contact");
    p.referentie = text("referentie");
}

}  // namespace

const InvoiceParty *Facturatie::debiteur(const std::string &id) const {
    for (const auto &d : debiteuren)
        if (d.id == id) return &d;
    return nullptr;
}

void check_werkplekhuur_debiteuren(const Facturatie &f, const Region &region, const std::vector<ContributionLine> &lines,
                                   Diagnostics &diag) {
    if (!f.configured || f.debiteuren.empty()) return;
    std::set<std::string> reported;
    for (const auto &l : lines)
        if (l.source == "werkplekhuur" && !region.find(l.payer_id) && !f.debiteur(l.payer_id) &&
            reported.insert(l.payer_id).second)
            diag.warning(f.debiteuren_where, "facturatie.debiteuren",
                         "partner " + l.payer_id + " " + l.payer +
                             " pays werkplekhuur but has no debiteur entry: 'vhh factureren --soort werkplekhuur' "
                             "will refuse until it has one",
                         "add {id: " + l.payer_id + ", kvk or oin, straat, postcode, plaats}");
}

void check_unknown_debiteuren(const Facturatie &f, const Region &region, const std::vector<Partner> &partners,
                              Diagnostics &diag) {
    if (!f.configured) return;
    std::set<std::string> known;  // besides the gemeenten in force: those of a herindeling, the partners
    for (const auto &h : region.herindelingen) {
        known.insert(h.naar);
        known.insert(h.van.begin(), h.van.end());
    }
    for (const auto &p : partners) known.insert(p.id);
    for (const auto &d : f.debiteuren)
        if (!region.find(d.id) && !known.count(d.id))
            diag.warning(d.where, "facturatie.debiteuren",
                         "debiteur " + d.id + " is neither a gemeente of the region nor a partner in the partner "
                             "registry: nothing is ever billed to it",
                         "check the id against gemeenten: and the partner registry, or remove the entry");
}

void check_werkplekhuur_termijnen(const Facturatie &f, bool has_partner_registry, Diagnostics &diag) {
    if (!f.configured || f.werkplekhuur_termijnen == "jaar" || has_partner_registry) return;
    diag.error(ExitCode::config, f.werkplekhuur_termijnen_where, "facturatie.werkplekhuur_termijnen",
               "werkplekhuur per " + f.werkplekhuur_termijnen +
                   " is pro rata the werkplekken of the partner registry, and none is configured",
               "add '- name: registry.partners' to plugins, or bill werkplekhuur per jaar");
}

bool iban_valid(const std::string &text) {
    const std::string iban = compact(text);
    if (iban.size() < 15 || iban.size() > 34) return false;
    if (!std::isalpha(static_cast<unsigned char>(iban[0])) || !std::isalpha(static_cast<unsigned char>(iban[1])))
        return false;
    const std::string moved = iban.substr(4) + iban.substr(0, 4);
    int rest = 0;
    for (unsigned char c : moved) {
        if (std::isdigit(c)) rest = (rest * 10 + (c - '0')) % 97;
        else if (std::isupper(c)) rest = (rest * 100 + (c - 'A' + 10)) % 97;
        else return false;
    }
    return rest == 1;
}

Facturatie read_facturatie(const YamlNode &node, const Region &region, StageLog &log) {
    Diagnostics &diag = log.sdk();
    Facturatie f;
    f.where = node.where;
    if (!node.is_map()) {
        diag.error(ExitCode::config, node.where, "facturatie", "expected a map, got " + node.describe(),
                   "e.g. facturatie: {bestand: facturatie.yaml}");
        return f;
    }
    f.configured = true;
    const Settings s = validate_settings(node, kFacturatieSpec, sizeof kFacturatieSpec / sizeof kFacturatieSpec[0],
                                         "facturatie", {"bestand", "leverancier", "journaal"}, log);
    if (s.has("termijnen")) f.termijnen = s.text("termijnen");
    if (s.has("betaaltermijn_dagen")) f.betaaltermijn_dagen = static_cast<int>(s.integer("betaaltermijn_dagen"));
    if (s.has("werkplekhuur_termijnen")) {
        f.werkplekhuur_termijnen = s.text("werkplekhuur_termijnen");
        f.werkplekhuur_termijnen_where = s.where("werkplekhuur_termijnen");
    }
    if (s.has("werkplekhuur_btw")) f.werkplekhuur_btw = s.text("werkplekhuur_btw");
    if (s.has("illustratief")) f.illustratief = s.boolean("illustratief");

    if (const YamlNode *j = node.find("journaal")) read_journaal(*j, f.journaal, log);

    const YamlNode *lev = node.find("leverancier");
    if (lev == nullptr) {
        diag.error(ExitCode::config, node.where, "facturatie.leverancier", "missing required key 'leverancier'",
                   "who bills: naam, oin or kvk, straat, postcode, plaats, iban, email");
    } else if (!lev->is_map()) {
        diag.error(ExitCode::config, lev->where, "facturatie.leverancier", "expected a map, got " + lev->describe());
    } else {
        const Settings l = validate_settings(*lev, kLeverancierSpec, sizeof kLeverancierSpec / sizeof kLeverancierSpec[0],
                                             "facturatie.leverancier", {}, log);
        f.leverancier.where = lev->where;
        check_ids(l, f.leverancier, "facturatie.leverancier", diag);
        if (f.leverancier.oin.empty() && f.leverancier.kvk.empty())
            diag.error(ExitCode::config, lev->where, "facturatie.leverancier",
                       "an e-invoice names the leverancier by its OIN or KvK number (NLCIUS BR-NL-1): give oin or kvk");
        if (l.has("iban")) {
            f.iban = compact(l.text("iban"));
            if (!iban_valid(f.iban))
                diag.error(ExitCode::data, l.where("iban"), "facturatie.leverancier.iban",
                           "expected an IBAN with valid check digits, got '" + excerpt(l.text("iban")) + "'");
        }
        if (l.has("bic")) f.bic = compact(l.text("bic"));
        if (l.has("btw_nummer")) f.leverancier.btw = compact(l.text("btw_nummer"));
    }

    if (s.has("debiteuren")) {
        f.debiteuren_where = s.where("debiteuren");
        std::map<std::string, std::size_t> seen;
        const auto &list = s.list("debiteuren");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Settings &d = list[i];
            if (!d.has("id")) continue;
            const std::string kp = "facturatie.debiteuren[" + std::to_string(i) + "]";
            InvoiceParty p;
            p.id = d.text("id");
            p.where = d.where("id");
            check_ids(d, p, kp, diag);
            if (auto [it, fresh] = seen.emplace(p.id, i); !fresh) {
                diag.error(ExitCode::config, d.where("id"), kp + ".id", "debiteur " + p.id + " is listed twice",
                           "first listed as facturatie.debiteuren[" + std::to_string(it->second) + "]");
                continue;
            }
            // A gemeente is billed by e-invoice (SI-UBL 2.0): BR-NL-10 (OIN or KvK) and BR-NL-4 (address).
            if (region.find(p.id) != nullptr || (p.id.size() == 6 && p.id.rfind("GM", 0) == 0)) {
                std::string missing;
                if (p.oin.empty() && p.kvk.empty()) missing += ", oin";
                for (const auto &[key, value] : {std::pair<const char *, const std::string *>{"straat", &p.straat},
                                                 {"postcode", &p.postcode}, {"plaats", &p.plaats}})
                    if (value->empty()) missing += std::string(", ") + key;
                if (!missing.empty())
                    diag.error(ExitCode::config, d.where("id"), kp,
                               "gemeente " + p.id + " is billed by e-invoice (SI-UBL 2.0), which needs its " +
                                   missing.substr(2),
                               "NLCIUS BR-NL-10 names the buyer by OIN (or KvK), BR-NL-4 needs street, postcode and city");
            } else if (p.oin.empty() && p.kvk.empty()) {
                diag.error(ExitCode::config, d.where("id"), kp,
                           "debiteur " + p.id + " needs an oin or a kvk number (NLCIUS BR-NL-10)");
            } else if (p.straat.empty() || p.postcode.empty() || p.plaats.empty()) {
                diag.error(ExitCode::config, d.where("id"), kp,
                           "debiteur " + p.id + " needs straat, postcode and plaats (NLCIUS BR-NL-4)");
            }
            f.debiteuren.push_back(std::move(p));
        }
        for (const auto &g : region.gemeenten)
            if (!seen.count(g.code) && g.code.size() == 6 && g.code.rfind("GM", 0) == 0 &&
                all_digits(g.code.substr(2)))  // a broken code is reported with the gemeenten
                diag.error(ExitCode::config, s.where("debiteuren"), "facturatie.debiteuren",
                           "gemeente " + g.code + " " + g.naam + " has no debiteur entry (id, oin, straat, postcode, plaats)",
                           "every gemeente of the region receives voorschotnota's");
        bool partner = false;
        for (const auto &d : f.debiteuren) partner = partner || region.find(d.id) == nullptr;
        if (partner && f.leverancier.btw.empty() && lev != nullptr && lev->is_map())
            diag.error(ExitCode::config, lev->where, "facturatie.leverancier.btw_nummer",
                       "werkplekhuur is billed to partners, with VAT category E or S: EN 16931 (BR-E-02, BR-S-02) "
                       "needs the leverancier's VAT identifier",
                       "e.g. btw_nummer: NL001234567B01");
    }
    return f;
}

}  // namespace vhh::host
