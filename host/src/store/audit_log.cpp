#include "store/audit_log.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include "output/sha256.h"

namespace vhh::host::store {

namespace {

const TableDef &log_table() { return *find_table("audit_log"); }

enum Col { volgnr, tijd, gebruiker, commando, wijziging, vorige_hash, hash };

}  // namespace

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string acting_user(const std::string &door) {
    if (!door.empty()) return door;
    if (const passwd *pw = getpwuid(geteuid())) return pw->pw_name;
    if (const char *u = std::getenv("USER")) return u;
    return "uid " + std::to_string(geteuid());
}

std::string entry_hash(const Row &entry) {
    return sha256_hex(entry[vorige_hash].text + "\n" + canonical_row(log_table(), entry, {"hash", "vorige_hash"}));
}

std::string append_log(Store &store, const std::string &user, const std::string &command, const std::string &change) {
    std::string previous(64, '0');
    std::int64_t next = 1;
    store.guarded([&] {
        std::int64_t n = 0;
        store.session() << "SELECT COUNT(*) FROM audit_log", Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
        if (n == 0) return;
        store.session() << "SELECT volgnr, hash FROM audit_log ORDER BY volgnr DESC LIMIT 1",
            Poco::Data::Keywords::into(next), Poco::Data::Keywords::into(previous), Poco::Data::Keywords::now;
        ++next;
    });
    Row row(7);
    row[volgnr] = {true, next, ""};
    row[tijd].text = now_utc();
    row[gebruiker].text = user;
    row[commando].text = command;
    row[wijziging].text = change;
    row[vorige_hash].text = previous;
    row[hash].text = entry_hash(row);
    store.insert(log_table(), row);
    return row[hash].text;
}

std::optional<std::string> verify_chain(Store &store) {
    std::string previous(64, '0');
    std::int64_t expected = 1;
    for (const Row &r : store.rows(log_table())) {
        const std::string where = "audit log entry " + std::to_string(r[volgnr].number) + " (" + r[tijd].text + ", " +
                                  r[commando].text + ")";
        if (r[volgnr].number != expected)
            return "audit log entry " + std::to_string(expected) + " is missing (the log jumps to " +
                   std::to_string(r[volgnr].number) + ")";
        if (r[vorige_hash].text != previous) return where + ": does not follow the entry before it";
        if (entry_hash(r) != r[hash].text) return where + ": its content does not match its hash";
        previous = r[hash].text;
        ++expected;
    }
    return std::nullopt;
}

std::string log_text(Store &store, const std::string &format) {
    const auto rows = store.rows(log_table());
    std::string out;
    if (format == "json") {
        out = "{\"entries\": [";
        for (std::size_t i = 0; i < rows.size(); ++i)
            out += std::string(i ? "," : "") + "\n  " + canonical_row(log_table(), rows[i]);
        return out + (rows.empty() ? "]}\n" : "\n]}\n");
    }
    for (const Row &r : rows)
        out += std::to_string(r[volgnr].number) + "  " + r[tijd].text + "  " + r[gebruiker].text + "  " +
               r[commando].text + "  " + r[wijziging].text + "\n";
    if (rows.empty()) out = "(the audit log is empty)\n";
    return out;
}

}  // namespace vhh::host::store
