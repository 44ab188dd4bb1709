// The accounts of `vhh serve` and who may do what: a gebruiker has a login name, one rol and, for
// the raad, the gemeente whose raad it serves. Passwords are kept only as Argon2id hashes
// (libsodium's crypto_pwhash_str), never in the audit log or in messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace vhh::host::accounts {

/// What a gebruiker may do (DESIGN.md, web): beheerder manages accounts, controller writes,
/// bestuur reads everything, raad reads the published documents and its gemeente's letters.
enum class Rol { beheerder, controller, bestuur, raad };

/// The rol's name as users write it: "beheerder", "controller", "bestuur", "raad".
std::string rol_naam(Rol rol);
/// The rol named `naam`, or nullopt.
std::optional<Rol> parse_rol(const std::string &naam);

/// One account as the store holds it.
struct Gebruiker {
    std::string naam;             ///< login name
    Rol rol = Rol::controller;    ///< what it may do
    std::string gemeente;         ///< CBS code of the raad's gemeente; empty for the other roles
    std::string wachtwoord_hash;  ///< Argon2id hash string ("$argon2id$v=19$m=…")
    std::string sinds;            ///< when it was added, UTC
};

/// Why `naam` cannot be a login name (1–64 of a-z, 0-9, '.', '_', '-', '@'), or nullopt.
std::optional<std::string> naam_problem(const std::string &naam);

/// Why `wachtwoord` cannot be used (at least 12 characters, at most 1024 bytes, no control
/// characters), or nullopt.
std::optional<std::string> wachtwoord_problem(const std::string &wachtwoord);

/// The Argon2id hash string of `wachtwoord` (libsodium's interactive limits: 2 passes over 64 MiB),
/// with a random salt.
std::string hash_wachtwoord(const std::string &wachtwoord);

/// True when `wachtwoord` matches `hash` (constant time in the password).
bool wachtwoord_klopt(const std::string &hash, const std::string &wachtwoord);

/// The account called `naam`, or nullopt (inside a transaction).
std::optional<Gebruiker> find_gebruiker(store::Store &store, const std::string &naam);
/// Every account, by name (inside a transaction).
std::vector<Gebruiker> alle_gebruikers(store::Store &store);

/// Adds an account (inside the write transaction) and records it in the audit log as done by
/// `door`. A name that exists is a StoreError (65).
void voeg_toe(store::Store &store, const Gebruiker &g, const std::string &door);
/// Replaces the password hash of `naam` and records that (not the hash) in the audit log.
void zet_wachtwoord(store::Store &store, const std::string &naam, const std::string &hash, const std::string &door);
/// Changes the rol (and gemeente) of `naam` and records the change in the audit log.
void zet_rol(store::Store &store, const std::string &naam, Rol rol, const std::string &gemeente,
             const std::string &door);

/// The accounts as a table or JSON (`vhh gebruiker lijst`); never a hash.
std::string gebruikers_text(const std::vector<Gebruiker> &gebruikers, const std::string &format);

}  // namespace vhh::host::accounts
