#include "web/security.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <sodium.h>

#include <sstream>
#include <stdexcept>

namespace vhh::host::web {

void set_security_headers(Poco::Net::HTTPServerResponse &response, bool private_page) {
    response.set("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Frame-Options", "DENY");
    if (private_page) response.set("Cache-Control", "no-store");
}

std::string random_token() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[2 * sizeof bytes + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
    return hex;
}

bool tokens_equal(const std::string &a, const std::string &b) {
    // The lengths are not secret (every token is 64 hex digits); the contents are compared in
    // constant time.
    if (a.empty() || a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string cookie_value(const Poco::Net::HTTPServerRequest &request, const std::string &name) {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.get(name, "");
}

std::string cookie_header(const std::string &name, const std::string &value, bool secure, long max_age) {
    std::string h = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (secure) h += "; Secure";
    if (max_age >= 0) h += "; Max-Age=" + std::to_string(max_age);
    return h;
}

namespace {

/// The request body, or nullopt when it is larger than `limit` (told by its length or found out).
std::optional<std::string> read_body(Poco::Net::HTTPServerRequest &request, std::size_t limit) {
    if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit))
        return std::nullopt;
    std::string body;
    char buffer[16384];
    auto &in = request.stream();
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > limit) return std::nullopt;
    }
    return body;
}

/// Keeps the part of one file field.
class FilePart : public Poco::Net::PartHandler {
public:
    FilePart(const std::string &field, Upload &upload) : field_(field), upload_(upload) {}
    void handlePart(const Poco::Net::MessageHeader &header, std::istream &stream) override {
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
        std::string bytes;
        Poco::StreamCopier::copyToString(stream, bytes);
        if (params.get("name", "") != field_ || upload_.has_file) return;
        upload_.has_file = true;
        upload_.filename = params.get("filename", "");
        upload_.bytes = std::move(bytes);
    }

private:
    std::string field_;
    Upload &upload_;
};

}  // namespace

std::optional<Upload> read_upload(Poco::Net::HTTPServerRequest &request, const std::string &file_field) {
    const auto body = read_body(request, kMaxUpload);
    if (!body) return std::nullopt;
    Upload upload;
    if (request.getContentType().rfind("multipart/form-data", 0) != 0) return upload;
    std::istringstream in(*body);
    FilePart part(file_field, upload);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(64);
    try {
        form.load(request, in, part);
    } catch (const Poco::Exception &) {
        return Upload{};  // malformed: no fields, so every check that needs one fails
    }
    for (const auto &[k, v] : form) upload.fields.emplace(k, v);
    return upload;
}

std::optional<std::map<std::string, std::string>> read_form(Poco::Net::HTTPServerRequest &request) {
    const auto read = read_body(request, kMaxBody);
    if (!read) return std::nullopt;
    const std::string &body = *read;
    std::map<std::string, std::string> fields;
    Poco::Net::HTMLForm form;
    form.setFieldLimit(64);
    try {
        form.read(body);
    } catch (const Poco::Exception &) {
        return fields;  // malformed: no fields, so every check that needs one fails
    }
    for (const auto &[k, v] : form) fields.emplace(k, v);  // the first value of a name counts
    return fields;
}

}  // namespace vhh::host::web
