// `vhh journaal --jaar Y [--format csv|json] [--out FILE]`: the journal of the booked invoices and
// payments of a year, read from the store only.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "invoicing/factuur_commands.h"
#include "invoicing/journaal.h"
#include "output/output_set.h"
#include "diagnostic_output.h"

namespace vhh::host::invoicing {

namespace {

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, flushed, renamed over
/// it. Throws OutputError (73).
void write_whole_file(const std::string &path, const std::string &bytes) {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty() || name == "." || name == "..")
        throw OutputError("--out '" + printable_text(path) + "' names no file");
    std::string tmp = dir + "/." + name + ".vhh-XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) throw OutputError("cannot write " + printable_text(path) + ": " + std::strerror(errno));
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    const int err = errno;
    ok = ok && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = ok ? errno : err;
        ::unlink(tmp.c_str());
        throw OutputError("cannot write " + printable_text(path) + ": " + std::strerror(e));
    }
}

}  // namespace

int cmd_journaal(const store::CommandOptions &o) {
    if (!o.args.empty()) return store::usage("unexpected argument '" + printable_text(o.args[0]) + "' after 'journaal'");
    if (o.jaar.empty()) return store::usage("'vhh journaal' needs --jaar Y");
    if (auto p = store::year_and_date_problem(o.jaar, "", ""); !p.empty()) return store::usage(p);
    if (o.format != "csv" && o.format != "json")
        return store::usage("unknown format '" + printable_text(o.format) + "' for journaal (expected csv or json)");
    const int jaar = std::stoi(o.jaar);
    try {
        store::Opened r = store::open_region(o, "journaal", 0);
        std::string text;
        {
            store::Transaction tx(*r.store, false);
            r.store->require_schema();
            const auto invoices = read_invoices(*r.store, r.config.region.id);
            const auto payments = betalingen::read_payments(*r.store, r.config.region.id);
            const auto regels = journaal(invoices, payments, r.config.facturatie.journaal, jaar);
            text = o.format == "json" ? journaal_json(r.config.region.id, jaar, regels) : journaal_csv(regels);
        }
        if (o.out.empty()) {
            std::cout << text;
        } else {
            write_whole_file(o.out, text);
            std::cerr << "vhh: journaal " << jaar << " written to " << printable_text(o.out) << "\n";
        }
        return 0;
    } catch (const store::StoreError &e) {
        return store::refused(e);
    } catch (const OutputError &e) {
        return output_refused(e);
    }
}

}  // namespace vhh::host::invoicing
