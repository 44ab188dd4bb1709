#include "accounts/gebruiker_command.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "accounts/gebruikers.h"
#include "config/province_config.h"
#include "config/region_config.h"
#include "diagnostic_output.h"
#include "store/audit_log.h"
#include "vhh/gemeente_rule.h"
#include "vhh/text.h"

namespace vhh::host::accounts {

namespace {

using store::StoreError;
using store::usage;

/// One line from the terminal without echo.
std::string read_hidden(const char *prompt) {
    std::cerr << prompt << std::flush;
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

/// The new password: typed twice on a terminal, otherwise the first line of stdin (so scripts can
/// pipe it; never an argument, which other users see in the process list).
std::string read_wachtwoord() {
    if (::isatty(STDIN_FILENO)) {
        std::string first = read_hidden("wachtwoord: ");
        if (read_hidden("nogmaals:   ") != first) throw StoreError(vhh::ExitCode::data, "the two passwords differ");
        return first;
    }
    std::string line;
    if (!std::getline(std::cin, line) && line.empty())
        throw StoreError(vhh::ExitCode::usage, "no password on stdin: give it as the first line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

/// The gemeente a raad account serves: a gemeente of the config's region (or of one of the
/// province's regions) in its boekjaar.
std::string raad_gemeente(const store::CommandOptions &o) {
    if (o.gemeente.empty())
        throw StoreError(vhh::ExitCode::usage, "a raad account needs --gemeente CODE: the gemeente whose raad it serves");
    Diagnostics diag;
    std::vector<Region> regions;
    if (is_province_config(o.config_path)) {
        const ProvinceConfig p = load_province_config(o.config_path, diag, o.allow_outside_inputs);
        for (const auto &r : p.regios) regions.push_back(load_run_config(r.config, diag, {o.allow_outside_inputs, {}}).region);
    } else {
        regions.push_back(load_run_config(o.config_path, diag, {o.allow_outside_inputs, {}}).region);
    }
    if (diag.has_errors()) {
        std::cerr << format_capped(diag);
        throw StoreError(diag.exit_code(), "cannot check --gemeente against " + o.config_path);
    }
    std::optional<GemeenteProblem> problem;
    for (const auto &region : regions) {
        if (region.find(o.gemeente) != nullptr) return o.gemeente;
        if (!problem) problem = gemeente_problem(o.gemeente, region);
    }
    throw StoreError(vhh::ExitCode::data, "--gemeente: " + (problem ? problem->message + " (" + problem->hint + ")"
                                                                     : o.gemeente + " is no gemeente of " + o.config_path));
}

/// The rol and gemeente given with --rol and --gemeente, checked.
std::pair<Rol, std::string> given_rol(const store::CommandOptions &o) {
    if (o.rol.empty()) throw StoreError(vhh::ExitCode::usage, "give --rol beheerder|controller|bestuur|raad");
    const auto rol = parse_rol(o.rol);
    if (!rol)
        throw StoreError(vhh::ExitCode::usage,
                         "unknown rol '" + escape_controls(o.rol) + "' (expected beheerder, controller, bestuur or raad)");
    if (*rol != Rol::raad) {
        if (!o.gemeente.empty())
            throw StoreError(vhh::ExitCode::usage, "--gemeente belongs to a raad account, not to rol " + o.rol);
        return {*rol, ""};
    }
    return {*rol, raad_gemeente(o)};
}

std::string checked_wachtwoord_hash() {
    const std::string w = read_wachtwoord();
    if (auto problem = wachtwoord_problem(w)) throw StoreError(vhh::ExitCode::data, *problem);
    return hash_wachtwoord(w);
}

}  // namespace

int cmd_gebruiker(const store::CommandOptions &o) {
    static const char *kNeeds = "'vhh gebruiker' needs: toevoegen NAAM --rol R [--gemeente CODE], wachtwoord NAAM, "
                                "rol NAAM --rol R [--gemeente CODE] or lijst";
    if (o.args.empty()) return usage(kNeeds);
    const std::string &sub = o.args[0];
    const bool lijst = sub == "lijst";
    if (!lijst && sub != "toevoegen" && sub != "wachtwoord" && sub != "rol") return usage(kNeeds);
    if (o.args.size() != (lijst ? 1u : 2u))
        return usage(lijst ? "'vhh gebruiker lijst' takes no arguments" : "'vhh gebruiker " + sub + "' needs one NAAM");
    if (lijst && o.format != "table" && o.format != "json")
        return usage("unknown format '" + o.format + "' for gebruiker lijst (expected table or json)");
    if (!lijst && (sub == "wachtwoord") && (!o.rol.empty() || !o.gemeente.empty()))
        return usage("'vhh gebruiker wachtwoord' changes only the password; use 'vhh gebruiker rol' for the rol");
    try {
        const std::string naam = lijst ? "" : o.args[1];
        if (!lijst)
            if (auto problem = naam_problem(naam)) return usage(*problem);
        // Everything the command line says is checked (and the password read and hashed) before
        // the store is opened: a refused command leaves it untouched.
        std::optional<std::pair<Rol, std::string>> rol;
        if (sub == "toevoegen" || sub == "rol") rol = given_rol(o);
        std::string hash;
        if (sub == "toevoegen" || sub == "wachtwoord") hash = checked_wachtwoord_hash();

        auto opened = store::open_store(o, true);
        store::Store &s = *opened;
        store::Transaction tx(s, !lijst);
        s.require_schema();
        const std::string door = store::acting_user(o.door);
        if (lijst) {
            std::cout << gebruikers_text(alle_gebruikers(s), o.format);
            return 0;
        }
        if (sub == "toevoegen") {
            voeg_toe(s, {naam, rol->first, rol->second, hash, store::now_utc()}, door);
            std::cout << "vhh: gebruiker " << naam << " added with rol " << rol_naam(rol->first)
                      << (rol->second.empty() ? "" : " (gemeente " + rol->second + ")") << "\n";
        } else if (sub == "wachtwoord") {
            zet_wachtwoord(s, naam, hash, door);
            std::cout << "vhh: password of gebruiker " << naam << " changed\n";
        } else {
            zet_rol(s, naam, rol->first, rol->second, door);
            std::cout << "vhh: gebruiker " << naam << " now has rol " << rol_naam(rol->first)
                      << (rol->second.empty() ? "" : " (gemeente " + rol->second + ")") << "\n";
        }
        tx.commit();
        return 0;
    } catch (const StoreError &e) {
        return store::refused(e);
    }
}

}  // namespace vhh::host::accounts
