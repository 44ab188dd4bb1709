#include "web/session.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "output/sha256.h"
#include "web/security.h"

namespace vhh::host::web {

using namespace Poco::Data::Keywords;

namespace {

store::Field text(const std::string &t) { return {false, 0, t}; }
store::Field number(std::int64_t n) { return {true, n, ""}; }

/// Runs `sql` with its parameters, in order of `?`.
void exec(store::Store &store, const std::string &sql, const std::vector<store::Field> &params) {
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql(sql);
        for (const auto &p : params) p.integer ? (st, bind(p.number)) : (st, bind(p.text));
        st.execute();
    });
}

/// Failed logins recorded under `sleutel`, with the time of the last one.
std::pair<std::int64_t, std::int64_t> failures(store::Store &store, const std::string &sleutel) {
    std::vector<std::int64_t> mislukt, laatste;
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT mislukt, laatste FROM inlogpogingen WHERE sleutel = ?"), bind(sleutel), into(mislukt),
            into(laatste);
        st.execute();
    });
    if (mislukt.empty()) return {0, 0};
    return {mislukt[0], laatste[0]};
}

/// Seconds still to wait after `f` (failures, time of the last one) of which `free` cost nothing:
/// 15 s after the first failure beyond them, doubling with each next one, at most 15 minutes.
std::int64_t wait_after(std::pair<std::int64_t, std::int64_t> f, std::int64_t free, std::int64_t now) {
    if (f.first < free) return 0;
    const std::int64_t step = std::min<std::int64_t>(f.first - free, 6);  // 15 s × 2^6 > 15 min
    const std::int64_t delay = std::min<std::int64_t>(std::int64_t{15} << step, 15 * 60);
    return std::max<std::int64_t>(0, f.second + delay - now);
}

std::string account_key(const std::string &gebruiker) { return "gebruiker:" + gebruiker; }
std::string address_key(const std::string &adres) { return "adres:" + adres; }

void count_failure(store::Store &store, const std::string &sleutel, std::int64_t now) {
    if (failures(store, sleutel).first == 0)
        exec(store, "INSERT INTO inlogpogingen (sleutel, mislukt, laatste) VALUES (?, 1, ?)", {text(sleutel), number(now)});
    else
        exec(store, "UPDATE inlogpogingen SET mislukt = mislukt + 1, laatste = ? WHERE sleutel = ?",
             {number(now), text(sleutel)});
}

}  // namespace

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string start_sessie(store::Store &store, const std::string &gebruiker, std::int64_t now, std::string &csrf) {
    const std::string id = random_token();
    csrf = random_token();
    exec(store, "INSERT INTO sessies (id_hash, gebruiker, csrf, aangemaakt, verloopt) VALUES (?, ?, ?, ?, ?)",
         {text(sha256_hex(id)), text(gebruiker), text(csrf), number(now), number(now + kSessionSeconds)});
    return id;
}

std::optional<Sessie> find_sessie(store::Store &store, const std::string &id, std::int64_t now) {
    if (id.size() != 64 || id.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    std::vector<std::string> gebruiker, csrf;
    const std::string hash = sha256_hex(id);
    store.guarded([&] {
        Poco::Data::Statement st(store.session());
        st << store.sql("SELECT gebruiker, csrf FROM sessies WHERE id_hash = ? AND verloopt > ?"), bind(hash),
            bind(now), into(gebruiker), into(csrf);
        st.execute();
    });
    if (gebruiker.empty()) return std::nullopt;
    auto account = accounts::find_gebruiker(store, gebruiker[0]);
    if (!account) return std::nullopt;  // the account was removed
    return Sessie{*account, csrf[0]};
}

void end_sessie(store::Store &store, const std::string &id, std::int64_t now) {
    exec(store, "DELETE FROM sessies WHERE id_hash = ?", {text(sha256_hex(id))});
    exec(store, "DELETE FROM sessies WHERE verloopt <= ?", {number(now)});
}

std::int64_t login_wait(store::Store &store, const std::string &gebruiker, const std::string &adres, std::int64_t now) {
    return std::max(wait_after(failures(store, account_key(gebruiker)), kFreeFailures, now),
                    wait_after(failures(store, address_key(adres)), 4 * kFreeFailures, now));
}

void login_failed(store::Store &store, const std::string &gebruiker, const std::string &adres, std::int64_t now) {
    count_failure(store, account_key(gebruiker), now);
    count_failure(store, address_key(adres), now);
}

void login_succeeded(store::Store &store, const std::string &gebruiker) {
    exec(store, "DELETE FROM inlogpogingen WHERE sleutel = ?", {text(account_key(gebruiker))});
}

}  // namespace vhh::host::web
