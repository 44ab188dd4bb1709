// What every response of `vhh serve` carries and what every request is checked for: the security
// headers, random tokens, constant-time token comparison, cookies and the request body limit.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace vhh::host::web {

/// The largest request body the server reads (a form's fields); larger is 413.
constexpr std::size_t kMaxBody = 64 * 1024;

/// The largest upload the server reads (a CAMT.053 statement of a year of a Veiligheidshuis's
/// account is far smaller; the CLI reads files up to 256 MiB); larger is 413.
constexpr std::size_t kMaxUpload = 8 * 1024 * 1024;

/// A multipart/form-data request: its text fields and its one file.
struct Upload {
    std::map<std::string, std::string> fields;
    std::string filename;  ///< as the browser named it (untrusted text)
    std::string bytes;     ///< the file's content
    bool has_file = false;
};

/// Sets Content-Security-Policy, X-Content-Type-Options, Referrer-Policy and X-Frame-Options, and
/// Cache-Control: no-store when `private_page` (anything shown to a logged-in user or with a token).
void set_security_headers(Poco::Net::HTTPServerResponse &response, bool private_page);

/// 32 random bytes from libsodium as 64 hex digits.
std::string random_token();

/// True when `a` equals `b`, in time that does not depend on where they differ.
bool tokens_equal(const std::string &a, const std::string &b);

/// The value of cookie `name` in the request, or "".
std::string cookie_value(const Poco::Net::HTTPServerRequest &request, const std::string &name);

/// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/ (and Secure when `secure`); an empty
/// `value` with max_age 0 removes the cookie.
std::string cookie_header(const std::string &name, const std::string &value, bool secure, long max_age = -1);

/// The request body as urlencoded form fields, read up to kMaxBody; nullopt when the body is
/// larger (or has no length and goes on) — the caller answers 413.
std::optional<std::map<std::string, std::string>> read_form(Poco::Net::HTTPServerRequest &request);

/// The request body as multipart/form-data with the file of field `file_field`, read up to
/// kMaxUpload; nullopt when the body is larger. A body that is not multipart or does not parse
/// gives no fields (so the CSRF check fails); other files' parts are dropped.
std::optional<Upload> read_upload(Poco::Net::HTTPServerRequest &request, const std::string &file_field);

}  // namespace vhh::host::web
