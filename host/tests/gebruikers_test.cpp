// The account rules of `vhh gebruiker` / `vhh serve`: login names, passwords at their length
// boundaries, roles, and Argon2id hashes that verify only their own password.
#include <gtest/gtest.h>

#include <string>

#include "accounts/gebruikers.h"

namespace vhh::host::accounts {
namespace {

TEST(GebruikerNaam, LowerCaseLettersDigitsAndFourMarksUpTo64) {
    EXPECT_EQ(naam_problem("anna"), std::nullopt);
    EXPECT_EQ(naam_problem("griffie.goes@vhh-zeeland_2"), std::nullopt);
    EXPECT_EQ(naam_problem(std::string(64, 'a')), std::nullopt);
    EXPECT_NE(naam_problem(std::string(65, 'a')), std::nullopt);
    EXPECT_NE(naam_problem(""), std::nullopt);
    EXPECT_NE(naam_problem("Anna"), std::nullopt);
    EXPECT_NE(naam_problem("an na"), std::nullopt);
    // A control character is shown escaped, never sent to the terminal as it is.
    const auto p = naam_problem("a\x1b[2Jb");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->find('\x1b'), std::string::npos) << *p;
}

TEST(GebruikerWachtwoord, TwelveCharactersNotBytesAndNoControls) {
    EXPECT_EQ(wachtwoord_problem("twaalf teken"), std::nullopt);  // 12
    EXPECT_NE(wachtwoord_problem("elf tekens!"), std::nullopt);    // 11
    // 11 characters of two bytes each are still 11 characters.
    std::string accents;
    for (int i = 0; i < 11; ++i) accents += "\xc3\xa9";
    EXPECT_NE(wachtwoord_problem(accents), std::nullopt);
    EXPECT_EQ(wachtwoord_problem(accents + "e"), std::nullopt);
    EXPECT_EQ(wachtwoord_problem(std::string(1024, 'x')), std::nullopt);
    EXPECT_NE(wachtwoord_problem(std::string(1025, 'x')), std::nullopt);
    EXPECT_NE(wachtwoord_problem("twaalf\ttekens lang"), std::nullopt);
    EXPECT_NE(wachtwoord_problem("twaalf tekens \xff lang"), std::nullopt);
}

TEST(GebruikerRol, NamesRoundTrip) {
    for (Rol r : {Rol::beheerder, Rol::controller, Rol::bestuur, Rol::raad}) EXPECT_EQ(parse_rol(rol_naam(r)), r);
    EXPECT_EQ(parse_rol("Controller"), std::nullopt);
    EXPECT_EQ(parse_rol(""), std::nullopt);
}

TEST(GebruikerHash, Argon2idWithSaltVerifiesOnlyItsPassword) {
    const std::string h1 = hash_wachtwoord("correct paard batterij");
    const std::string h2 = hash_wachtwoord("correct paard batterij");
    EXPECT_EQ(h1.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << h1;
    EXPECT_NE(h1, h2);  // a fresh salt each time
    EXPECT_TRUE(wachtwoord_klopt(h1, "correct paard batterij"));
    EXPECT_TRUE(wachtwoord_klopt(h2, "correct paard batterij"));
    EXPECT_FALSE(wachtwoord_klopt(h1, "correct paard batterij "));
    EXPECT_FALSE(wachtwoord_klopt(h1, ""));
    EXPECT_FALSE(wachtwoord_klopt("not a hash", "correct paard batterij"));
}

}  // namespace
}  // namespace vhh::host::accounts
