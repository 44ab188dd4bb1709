#include "store/schema.h"

namespace vhh::host::store {

namespace {

// Types both back ends accept alike: BIGINT for money (cents) and ids, INTEGER for years and
// numbers, TEXT for everything else (CBS codes stay text). Ids are given by vhh inside the
// writing transaction (the store takes one writer at a time), so no SERIAL/AUTOINCREMENT.
const std::vector<Migration> kMigrations = {
    {1,
     "administratie: audit log, vaststellingen, begrotingswijzigingen",
     {
         "CREATE TABLE audit_log (volgnr BIGINT PRIMARY KEY, tijd TEXT NOT NULL, gebruiker TEXT NOT NULL,"
         " commando TEXT NOT NULL, wijziging TEXT NOT NULL, vorige_hash TEXT NOT NULL, hash TEXT NOT NULL)",
         "CREATE TABLE vaststellingen (id BIGINT PRIMARY KEY, regio TEXT NOT NULL, regio_naam TEXT NOT NULL,"
         " document TEXT NOT NULL, jaar INTEGER NOT NULL, besluit TEXT NOT NULL, datum TEXT NOT NULL,"
         " snapshot_sha256 TEXT NOT NULL, UNIQUE (regio, document, jaar))",
         "CREATE TABLE vaststelling_inputs (vaststelling_id BIGINT NOT NULL REFERENCES vaststellingen (id),"
         " volgnr INTEGER NOT NULL, bestand TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (vaststelling_id, volgnr))",
         "CREATE TABLE vaststelling_posten (vaststelling_id BIGINT NOT NULL REFERENCES vaststellingen (id),"
         " volgnr INTEGER NOT NULL, code TEXT NOT NULL, naam TEXT NOT NULL, bedrag_cents BIGINT NOT NULL,"
         " PRIMARY KEY (vaststelling_id, volgnr))",
         "CREATE TABLE vaststelling_bijdragen (vaststelling_id BIGINT NOT NULL REFERENCES vaststellingen (id),"
         " volgnr INTEGER NOT NULL, bron TEXT NOT NULL, betaler_id TEXT NOT NULL, betaler TEXT NOT NULL,"
         " bedrag_cents BIGINT NOT NULL, grondslag TEXT NOT NULL, PRIMARY KEY (vaststelling_id, volgnr))",
         "CREATE TABLE vaststelling_gemeenten (vaststelling_id BIGINT NOT NULL REFERENCES vaststellingen (id),"
         " volgnr INTEGER NOT NULL, code TEXT NOT NULL, naam TEXT NOT NULL, inwoners BIGINT NOT NULL,"
         " voorgangers TEXT NOT NULL, PRIMARY KEY (vaststelling_id, volgnr))",
         "CREATE TABLE vaststelling_herindelingen (vaststelling_id BIGINT NOT NULL REFERENCES vaststellingen (id),"
         " volgnr INTEGER NOT NULL, per TEXT NOT NULL, naar TEXT NOT NULL, naam TEXT NOT NULL, van TEXT NOT NULL,"
         " PRIMARY KEY (vaststelling_id, volgnr))",
         "CREATE TABLE wijzigingen (id BIGINT PRIMARY KEY, regio TEXT NOT NULL, jaar INTEGER NOT NULL,"
         " nummer INTEGER NOT NULL, besluit TEXT NOT NULL, datum TEXT NOT NULL, UNIQUE (regio, jaar, nummer))",
         "CREATE TABLE wijziging_posten (wijziging_id BIGINT NOT NULL REFERENCES wijzigingen (id),"
         " volgnr INTEGER NOT NULL, code TEXT NOT NULL, naam TEXT NOT NULL, bedrag_cents BIGINT NOT NULL,"
         " PRIMARY KEY (wijziging_id, volgnr))",
         "CREATE TABLE wijziging_bijdragen (wijziging_id BIGINT NOT NULL REFERENCES wijzigingen (id),"
         " volgnr INTEGER NOT NULL, betaler_id TEXT NOT NULL, betaler TEXT NOT NULL, bedrag_cents BIGINT NOT NULL,"
         " PRIMARY KEY (wijziging_id, volgnr))",
     }},
    {2,
     "begrotingscyclus: wijzigingen verzegeld in de audit log, zienswijzen, reacties, bijlagen",
     {
         // A wijziging's seal: sha256 over its row and its posten and bijdragen, named in its audit
         // log entry ('' for one recorded before this migration: db verify reports it).
         "ALTER TABLE wijzigingen ADD COLUMN omschrijving TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE wijzigingen ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''",
         "CREATE TABLE bijlagen (sha256 TEXT PRIMARY KEY, grootte BIGINT NOT NULL, inhoud_base64 TEXT NOT NULL)",
         "CREATE TABLE zienswijzen (id BIGINT PRIMARY KEY, regio TEXT NOT NULL, jaar INTEGER NOT NULL,"
         " onderwerp TEXT NOT NULL, gemeente TEXT NOT NULL, gemeente_naam TEXT NOT NULL, ontvangen TEXT NOT NULL,"
         " samenvatting TEXT NOT NULL, bijlage_naam TEXT NOT NULL, bijlage_sha256 TEXT NOT NULL,"
         " sha256 TEXT NOT NULL, UNIQUE (regio, jaar, onderwerp, gemeente))",
         "CREATE TABLE zienswijze_reacties (zienswijze_id BIGINT PRIMARY KEY REFERENCES zienswijzen (id),"
         " datum TEXT NOT NULL, reactie TEXT NOT NULL, sha256 TEXT NOT NULL)",
     }},
    {3,
     "gebruikers: the accounts of vhh serve (Argon2id password hashes)",
     {
         "CREATE TABLE gebruikers (naam TEXT PRIMARY KEY, rol TEXT NOT NULL, gemeente TEXT NOT NULL,"
         " wachtwoord_hash TEXT NOT NULL, sinds TEXT NOT NULL)",
     }},
    {4,
     "facturen: voorschotnota's, werkplekhuur, afrekeningen en creditnota's, genummerd zonder gaten per jaar",
     {
         // The last number issued per region and year: raised in the writing transaction that issues
         // the invoice, so numbers have no gaps (a rolled-back run gives its numbers back).
         "CREATE TABLE factuur_nummers (regio TEXT NOT NULL, jaar INTEGER NOT NULL, laatste INTEGER NOT NULL,"
         " PRIMARY KEY (regio, jaar))",
         // An issued invoice or credit note, never changed: bedrag_cents is the document's amount
         // (positive), typecode 380 (invoice) or 381 (credit note); partijen the leverancier and
         // debiteur as issued (canonical JSON); sha256 its seal, named in its audit log entry.
         "CREATE TABLE facturen (regio TEXT NOT NULL, nummer TEXT NOT NULL, jaar INTEGER NOT NULL,"
         " volgnr INTEGER NOT NULL, soort TEXT NOT NULL, typecode TEXT NOT NULL, termijn TEXT NOT NULL,"
         " debiteur_id TEXT NOT NULL, debiteur TEXT NOT NULL, datum TEXT NOT NULL, vervaldatum TEXT NOT NULL,"
         " periode_van TEXT NOT NULL, periode_tot TEXT NOT NULL, bedrag_cents BIGINT NOT NULL,"
         " betalingskenmerk TEXT NOT NULL, crediteert TEXT NOT NULL, reden TEXT NOT NULL, btw TEXT NOT NULL,"
         " partijen TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (regio, nummer), UNIQUE (regio, jaar, volgnr))",
         "CREATE TABLE factuurregels (regio TEXT NOT NULL, nummer TEXT NOT NULL, volgnr INTEGER NOT NULL,"
         " omschrijving TEXT NOT NULL, bedrag_cents BIGINT NOT NULL, PRIMARY KEY (regio, nummer, volgnr),"
         " FOREIGN KEY (regio, nummer) REFERENCES facturen (regio, nummer))",
     }},
    {5,
     "sessies: the sessions of vhh serve (hashed ids) and failed logins (rate limiting)",
     {
         // id_hash: sha256 of the 256-bit session id (the id itself is only in the browser's
         // cookie); times are seconds since the epoch, UTC. Not part of the administration:
         // db export leaves both tables out.
         "CREATE TABLE sessies (id_hash TEXT PRIMARY KEY, gebruiker TEXT NOT NULL, csrf TEXT NOT NULL,"
         " aangemaakt BIGINT NOT NULL, verloopt BIGINT NOT NULL)",
         // sleutel: "gebruiker:NAAM" or "adres:IP"; mislukt since the last success.
         "CREATE TABLE inlogpogingen (sleutel TEXT PRIMARY KEY, mislukt BIGINT NOT NULL, laatste BIGINT NOT NULL)",
     }},
    {6,
     "betalingen: booked bank transactions (CAMT.053) and the invoice each pays",
     {
         // One transaction of a statement entry, booked once: unique by statement Id + entry
         // reference + transaction index. bedrag_cents is signed (a debit negative); factuur the
         // invoice number it pays, '' when unmatched (the store holds no NULLs); koppeling how it was
         // matched (betalingskenmerk, kenmerk in omschrijving, factuurnummer in omschrijving,
         // handmatig, niet gekoppeld).
         "CREATE TABLE betalingen (id BIGINT PRIMARY KEY, regio TEXT NOT NULL, afschrift TEXT NOT NULL,"
         " referentie TEXT NOT NULL, volgnr INTEGER NOT NULL, bedrag_cents BIGINT NOT NULL, boekdatum TEXT NOT NULL,"
         " naam TEXT NOT NULL, iban TEXT NOT NULL, kenmerk TEXT NOT NULL, omschrijving TEXT NOT NULL,"
         " storno INTEGER NOT NULL, factuur TEXT NOT NULL, koppeling TEXT NOT NULL,"
         " UNIQUE (afschrift, referentie, volgnr))",
     }},
    {7,
     "publicaties en technische vragen: documents published to the raad portal, questions and answers",
     {
         // A document published by a controller (its files' bytes in bijlagen, by sha256);
         // gemeente: the gemeente a letter is addressed to ('' for a document for every raad).
         "CREATE TABLE publicaties (id BIGINT PRIMARY KEY, regio TEXT NOT NULL, jaar INTEGER NOT NULL,"
         " document TEXT NOT NULL, gemeente TEXT NOT NULL, door TEXT NOT NULL, op TEXT NOT NULL,"
         " UNIQUE (regio, document))",
         "CREATE TABLE publicatie_bestanden (publicatie_id BIGINT NOT NULL REFERENCES publicaties (id),"
         " volgnr INTEGER NOT NULL, bestand TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (publicatie_id, volgnr))",
         // A technische vraag of a raad account on a published document (sectie '' for the whole
         // document); antwoord '' until the controller answers; versie counts the changes (optimistic locking).
         "CREATE TABLE vragen (id BIGINT PRIMARY KEY, publicatie_id BIGINT NOT NULL REFERENCES publicaties (id),"
         " sectie TEXT NOT NULL, gemeente TEXT NOT NULL, vrager TEXT NOT NULL, gesteld TEXT NOT NULL,"
         " vraag TEXT NOT NULL, antwoord TEXT NOT NULL, beantwoorder TEXT NOT NULL, beantwoord TEXT NOT NULL,"
         " versie INTEGER NOT NULL)",
     }},
    {8,
     "wijziging_posten: why each post of a begrotingswijziging changes (the begrotingswijziging document)",
     {
         // '' for a post recorded before: its wijziging's seal is then computed without the column.
         "ALTER TABLE wijziging_posten ADD COLUMN omschrijving TEXT NOT NULL DEFAULT ''",
     }},
};

ColumnDef i(const char *n) { return {n, true}; }
ColumnDef t(const char *n) { return {n, false}; }

const std::vector<TableDef> kTables = {
    {"audit_log", {i("volgnr"), t("tijd"), t("gebruiker"), t("commando"), t("wijziging"), t("vorige_hash"), t("hash")},
     "volgnr", ""},
    {"vaststellingen",
     {i("id"), t("regio"), t("regio_naam"), t("document"), i("jaar"), t("besluit"), t("datum"), t("snapshot_sha256")},
     "id", ""},
    {"vaststelling_inputs", {i("vaststelling_id"), i("volgnr"), t("bestand"), t("sha256")}, "vaststelling_id, volgnr",
     "vaststelling_id"},
    {"vaststelling_posten", {i("vaststelling_id"), i("volgnr"), t("code"), t("naam"), i("bedrag_cents")},
     "vaststelling_id, volgnr", "vaststelling_id"},
    {"vaststelling_bijdragen",
     {i("vaststelling_id"), i("volgnr"), t("bron"), t("betaler_id"), t("betaler"), i("bedrag_cents"), t("grondslag")},
     "vaststelling_id, volgnr", "vaststelling_id"},
    {"vaststelling_gemeenten",
     {i("vaststelling_id"), i("volgnr"), t("code"), t("naam"), i("inwoners"), t("voorgangers")},
     "vaststelling_id, volgnr", "vaststelling_id"},
    {"vaststelling_herindelingen",
     {i("vaststelling_id"), i("volgnr"), t("per"), t("naar"), t("naam"), t("van")}, "vaststelling_id, volgnr",
     "vaststelling_id"},
    {"wijzigingen", {i("id"), t("regio"), i("jaar"), i("nummer"), t("besluit"), t("datum"), t("omschrijving"), t("sha256")},
     "id", ""},
    {"wijziging_posten", {i("wijziging_id"), i("volgnr"), t("code"), t("naam"), i("bedrag_cents"), t("omschrijving")},
     "wijziging_id, volgnr", "wijziging_id"},
    {"wijziging_bijdragen", {i("wijziging_id"), i("volgnr"), t("betaler_id"), t("betaler"), i("bedrag_cents")},
     "wijziging_id, volgnr", "wijziging_id"},
    {"bijlagen", {t("sha256"), i("grootte"), t("inhoud_base64")}, "sha256", ""},
    {"zienswijzen",
     {i("id"), t("regio"), i("jaar"), t("onderwerp"), t("gemeente"), t("gemeente_naam"), t("ontvangen"),
      t("samenvatting"), t("bijlage_naam"), t("bijlage_sha256"), t("sha256")},
     "id", ""},
    {"zienswijze_reacties", {i("zienswijze_id"), t("datum"), t("reactie"), t("sha256")}, "zienswijze_id", "zienswijze_id"},
    {"gebruikers", {t("naam"), t("rol"), t("gemeente"), t("wachtwoord_hash"), t("sinds")}, "naam", ""},
    {"factuur_nummers", {t("regio"), i("jaar"), i("laatste")}, "regio, jaar", ""},
    {"facturen",
     {t("regio"), t("nummer"), i("jaar"), i("volgnr"), t("soort"), t("typecode"), t("termijn"), t("debiteur_id"),
      t("debiteur"), t("datum"), t("vervaldatum"), t("periode_van"), t("periode_tot"), i("bedrag_cents"),
      t("betalingskenmerk"), t("crediteert"), t("reden"), t("btw"), t("partijen"), t("sha256")},
     "regio, nummer", ""},
    {"factuurregels", {t("regio"), t("nummer"), i("volgnr"), t("omschrijving"), i("bedrag_cents")},
     "regio, nummer, volgnr", ""},
    {"betalingen",
     {i("id"), t("regio"), t("afschrift"), t("referentie"), i("volgnr"), i("bedrag_cents"), t("boekdatum"), t("naam"),
      t("iban"), t("kenmerk"), t("omschrijving"), i("storno"), t("factuur"), t("koppeling")},
     "id", ""},
    {"publicaties", {i("id"), t("regio"), i("jaar"), t("document"), t("gemeente"), t("door"), t("op")}, "id", ""},
    {"publicatie_bestanden", {i("publicatie_id"), i("volgnr"), t("bestand"), t("sha256")}, "publicatie_id, volgnr",
     "publicatie_id"},
    {"vragen",
     {i("id"), i("publicatie_id"), t("sectie"), t("gemeente"), t("vrager"), t("gesteld"), t("vraag"), t("antwoord"),
      t("beantwoorder"), t("beantwoord"), i("versie")},
     "id", ""},
};

}  // namespace

const std::vector<Migration> &migrations() { return kMigrations; }

int program_schema_version() { return kMigrations.back().version; }

const std::vector<TableDef> &administration_tables() { return kTables; }

const TableDef *find_table(const std::string &name) {
    for (const auto &t : kTables)
        if (t.name == name) return &t;
    return nullptr;
}

std::string column_list(const TableDef &t) {
    std::string s;
    for (const auto &c : t.columns) s += (s.empty() ? "" : ", ") + c.name;
    return s;
}

}  // namespace vhh::host::store
