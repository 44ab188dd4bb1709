// vhh serve's sessions, login rate limit and tokens (web/session.h, web/security.h) on a real SQLite
// store, the shared zienswijze rules (store/zienswijze_rules.h) and the templates' HTML escaping.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <set>

#include "store/zienswijze_rules.h"
#include "web/security.h"
#include "web/session.h"
#include "web/templates.h"

namespace vhh::host::web {
namespace {

namespace fs = std::filesystem;

class WebSession : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vhh-web-session-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        store_ = std::make_unique<store::Store>(
            store::parse_database_url("sqlite:" + (dir_ / "s.db").string(), ExitCode::usage), false);
        store::Transaction tx(*store_, true);
        store_->migrate();
        accounts::voeg_toe(*store_, {"anna", accounts::Rol::controller, "", "$argon2id$x", "2026-01-01T00:00:00Z"}, "test");
        tx.commit();
    }
    void TearDown() override {
        store_.reset();
        fs::remove_all(dir_);
    }
    /// Runs `f` in a write transaction and commits.
    template <class F> auto write(F f) {
        store::Transaction tx(*store_, true);
        auto out = f();
        tx.commit();
        return out;
    }

    fs::path dir_;
    std::unique_ptr<store::Store> store_;
};

TEST_F(WebSession, ASessionIsFoundByItsIdUntilItExpiresOrEnds) {
    const std::int64_t t = 1'800'000'000;
    std::string csrf;
    const std::string id = write([&] { return start_sessie(*store_, "anna", t, csrf); });
    EXPECT_EQ(id.size(), 64u);
    EXPECT_EQ(csrf.size(), 64u);
    EXPECT_NE(id, csrf);
    store::Transaction tx(*store_, false);
    auto s = find_sessie(*store_, id, t + 10);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->gebruiker.naam, "anna");
    EXPECT_EQ(s->gebruiker.rol, accounts::Rol::controller);
    EXPECT_EQ(s->csrf, csrf);
    EXPECT_TRUE(find_sessie(*store_, id, t + kSessionSeconds - 1));
    EXPECT_FALSE(find_sessie(*store_, id, t + kSessionSeconds));  // expired
    EXPECT_FALSE(find_sessie(*store_, std::string(64, 'a'), t));   // unknown
    EXPECT_FALSE(find_sessie(*store_, id.substr(1), t));           // malformed
    EXPECT_FALSE(find_sessie(*store_, "' OR 1=1 --", t));
    tx.commit();
    write([&] {
        end_sessie(*store_, id, t);
        return 0;
    });
    store::Transaction again(*store_, false);
    EXPECT_FALSE(find_sessie(*store_, id, t + 10));
}

TEST_F(WebSession, TheLoginLimitStartsAfterFiveFailuresAndDoubles) {
    const std::int64_t t = 1'800'000'000;
    auto fail = [&](const std::string &naam, const std::string &adres, std::int64_t at) {
        write([&] {
            login_failed(*store_, naam, adres, at);
            return 0;
        });
    };
    auto wait = [&](const std::string &naam, const std::string &adres, std::int64_t at) {
        store::Transaction tx(*store_, false);
        return login_wait(*store_, naam, adres, at);
    };
    for (int i = 0; i < 4; ++i) fail("anna", "10.0.0.1", t);
    EXPECT_EQ(wait("anna", "10.0.0.1", t), 0);
    fail("anna", "10.0.0.1", t);
    EXPECT_EQ(wait("anna", "10.0.0.1", t), 15);
    EXPECT_EQ(wait("anna", "10.0.0.2", t + 5), 10);  // per account, whatever the address
    EXPECT_EQ(wait("anna", "10.0.0.1", t + 15), 0);
    fail("anna", "10.0.0.1", t + 20);
    EXPECT_EQ(wait("anna", "10.0.0.1", t + 20), 30);
    for (int i = 0; i < 20; ++i) fail("anna", "10.0.0.1", t + 100);
    EXPECT_EQ(wait("anna", "10.0.0.1", t + 100), 15 * 60);  // at most 15 minutes
    // The address has failed 26 times: another account from it waits too, from elsewhere not.
    EXPECT_GT(wait("bert", "10.0.0.1", t + 100), 0);
    EXPECT_EQ(wait("bert", "10.0.0.9", t + 100), 0);
    write([&] {
        login_succeeded(*store_, "anna");
        return 0;
    });
    EXPECT_EQ(wait("anna", "10.0.0.2", t + 100), 0);
}

TEST(WebSecurity, TokensAreRandomAndComparedWhole) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string token = random_token();
        ASSERT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
        ASSERT_EQ(token.size(), 64u);
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 100u);
    const std::string a = random_token();
    std::string b = a;
    EXPECT_TRUE(tokens_equal(a, b));
    b.back() = b.back() == '0' ? '1' : '0';
    EXPECT_FALSE(tokens_equal(a, b));
    EXPECT_FALSE(tokens_equal(a, a.substr(0, 63)));
    EXPECT_FALSE(tokens_equal(a, a + "0"));
    EXPECT_FALSE(tokens_equal("", ""));  // no token is never a match
}

TEST(WebSecurity, CookiesAreHttpOnlyStrictAndSecureBehindTls) {
    EXPECT_EQ(cookie_header("vhh_sessie", "ab", false), "vhh_sessie=ab; Path=/; HttpOnly; SameSite=Strict");
    EXPECT_EQ(cookie_header("vhh_sessie", "ab", true), "vhh_sessie=ab; Path=/; HttpOnly; SameSite=Strict; Secure");
    EXPECT_EQ(cookie_header("vhh_sessie", "", false, 0), "vhh_sessie=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

TEST(WebTemplates, EveryValueIsEscapedButThePageInTheLayout) {
    Templates t(std::string(VHH_SOURCE_DIR) + "/web");
    Data d;
    d.set("kop", "<script>alert('x')</script>");
    d.set("uitleg", "a & b \"c\"");
    d.set("code", "404");
    const std::string html = t.page("fout", d);
    EXPECT_NE(html.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"), std::string::npos) << html;
    EXPECT_NE(html.find("a &amp; b &quot;c&quot;"), std::string::npos);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("<h1>"), std::string::npos);  // the page's own markup is kept
    ASSERT_NE(t.static_file("vhh.css"), nullptr);
    EXPECT_EQ(t.static_file("../CMakeLists.txt"), nullptr);
    EXPECT_THROW(Templates(std::string(VHH_SOURCE_DIR) + "/no-such-web"), std::runtime_error);
}

TEST(ZienswijzeRules, EachFieldGetsTheClisMessage) {
    using store::zienswijze_field_problems;
    EXPECT_TRUE(zienswijze_field_problems("2013", "GM0654", "2013-06-20", "tekst").empty());
    auto p = zienswijze_field_problems("13", "", "20-06-2013", " \n");
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0].veld, "jaar");
    EXPECT_EQ(p[0].melding, "--jaar '13' is not a year");
    EXPECT_EQ(p[1].veld, "gemeente");
    EXPECT_EQ(p[2].veld, "ontvangen");
    EXPECT_EQ(p[2].melding, "--ontvangen '20-06-2013' is not a date YYYY-MM-DD");
    EXPECT_EQ(p[3].melding, "--samenvatting is empty: summarise the zienswijze");
    auto r = store::reactie_field_problems("2013", "2013-02-30", "");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].melding, "--datum '2013-02-30' is not a date YYYY-MM-DD");
    EXPECT_EQ(r[1].melding, "--reactie is empty");
}

}  // namespace
}  // namespace vhh::host::web
