#include "adapters/mail/smtp_transport.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "adapters/curl/curl_global.hpp"
#include "adapters/mail/mime_encoding.hpp"
#include "adapters/mail/mime_message.hpp"

namespace okod {
namespace {

using Outcome = SendResult::Outcome;

// The bytes of one message, handed to curl as it asks for them.
struct Upload {
    std::string_view bytes;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, up->bytes.size() - up->offset);
    std::memcpy(buffer, up->bytes.data() + up->offset, n);
    up->offset += n;
    return n;
}

// An address libcurl can put between "<" and ">" without the server reading part of
// it as another command: a newline here would be SMTP command injection.
bool is_envelope_address(std::string_view a) {
    if (a.empty() || a.find('@') == std::string_view::npos) return false;
    return std::none_of(a.begin(), a.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == 0x7f;
    });
}

std::string server_url(const SmtpSettings& s, CURL* easy) {
    const bool ipv6 = s.host.find(':') != std::string::npos && s.host.front() != '[';
    std::string url = fmt::format("{}://{}:{}", s.security == SmtpSecurity::tls ? "smtps" : "smtp",
                                  ipv6 ? "[" + s.host + "]" : s.host, s.port);
    // libcurl takes the EHLO name from the URL path.
    if (!s.helo_domain.empty()) {
        char* escaped =
            curl_easy_escape(easy, s.helo_domain.c_str(), static_cast<int>(s.helo_domain.size()));
        if (escaped) url += std::string("/") + escaped;
        curl_free(escaped);
    }
    return url;
}

// Authentication answers are 5xx, but they say nothing about this message: the
// configuration is wrong, and every message waits until someone fixes it.
bool is_auth_code(long code) { return code == 530 || code == 534 || code == 535 || code == 538; }

// What went wrong, in words, and whether trying again later can help. Only answers
// about this message (a 5xx to RCPT or DATA) are final; an unreachable server, a 4xx,
// a refused login or missing TLS all wait for the server or the configuration.
SendResult classify_failure(CURLcode rc, long code, const SmtpSettings& s) {
    const std::string server = fmt::format("{}:{}", s.host, s.port);
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return {Outcome::retry, "cannot resolve the mail server " + s.host};
        case CURLE_COULDNT_CONNECT:
            return {Outcome::retry, "cannot connect to " + server};
        case CURLE_OPERATION_TIMEDOUT:
            return {Outcome::retry, "the mail server " + server + " did not answer in time"};
        case CURLE_LOGIN_DENIED:
            // Not the user name either: nothing of the credentials file goes into the
            // outbox or the log.
            return {Outcome::retry,
                    fmt::format("the mail server {} refused the login (check the user name "
                                "and password in the credentials file)",
                                server)};
        case CURLE_USE_SSL_FAILED:
            return {Outcome::retry,
                    fmt::format("the mail server {} does not offer STARTTLS (security = \"{}\")",
                                server, to_string(s.security))};
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            return {Outcome::retry, "TLS with the mail server " + server + " failed"};
        default:
            break;
    }
    if (code >= 500 && code <= 599 && !is_auth_code(code))
        return {Outcome::rejected,
                fmt::format("the mail server {} rejected the message ({})", server, code)};
    if (code >= 400)
        return {Outcome::retry,
                fmt::format("the mail server {} refused for now ({})", server, code)};
    return {Outcome::retry, "sending to " + server + " failed"};
}

}  // namespace

struct SmtpTransport::Session {
    CURL* easy = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    ~Session() {
        if (easy) curl_easy_cleanup(easy);  // sends QUIT on an open connection
    }
};

SmtpTransport::SmtpTransport(SmtpSettings settings)
    : settings_(std::move(settings)), session_(std::make_unique<Session>()) {
    init_curl_once();
    session_->easy = curl_easy_init();
    if (!session_->easy) throw std::runtime_error("cannot create a libcurl handle");
    CURL* h = session_->easy;
    const std::string url = server_url(settings_, h);
    const long timeout = static_cast<long>(settings_.timeout.count());
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     settings_.security == SmtpSecurity::none ? static_cast<long>(CURLUSESSL_NONE)
                                                              : static_cast<long>(CURLUSESSL_ALL));
    if (!settings_.username.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, timeout);
    // A server that accepts the connection and then trickles must not hold the
    // outbox forever; twice the connect bound leaves room for TLS, login and data.
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 2 * timeout);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a multi-threaded daemon
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, session_->error);
}

SmtpTransport::~SmtpTransport() = default;

std::string SmtpTransport::describe() const {
    std::string d =
        fmt::format("{}://{}:{} ({}", settings_.security == SmtpSecurity::tls ? "smtps" : "smtp",
                    settings_.host, settings_.port, to_string(settings_.security));
    if (!settings_.username.empty()) d += ", AUTH with the credentials file's login";
    return d + ")";
}

SendResult SmtpTransport::send(const MailMessage& message) {
    if (!is_envelope_address(message.to_address))
        return {Outcome::rejected, fmt::format("cannot send to '{}': not an e-mail address",
                                               header_safe(message.to_address))};
    if (!is_envelope_address(message.from_address))
        return {Outcome::retry, fmt::format("the sender address '{}' is not an e-mail address",
                                            header_safe(message.from_address))};

    const std::string bytes = render_mime(message);
    Upload upload{bytes};
    const std::string from = "<" + message.from_address + ">";
    const std::string to = "<" + message.to_address + ">";
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
        curl_slist_append(nullptr, to.c_str()), &curl_slist_free_all);

    CURL* h = session_->easy;
    session_->error[0] = '\0';
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
    const CURLcode rc = curl_easy_perform(h);
    // The handle outlives this call: leave it no pointers into this frame.
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, nullptr);
    curl_easy_setopt(h, CURLOPT_READDATA, nullptr);
    if (rc == CURLE_OK) return {};

    long code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    long os_errno = 0;
    curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
    std::string detail = session_->error[0] ? session_->error : curl_easy_strerror(rc);
    if (rc == CURLE_COULDNT_CONNECT && os_errno != 0)
        detail = std::strerror(static_cast<int>(os_errno));
    SendResult result = classify_failure(rc, code, settings_);
    result.error += ": " + detail;
    // libcurl does not put credentials in its messages; this is for the day it does.
    const std::string& pw = settings_.password;
    if (pw.size() >= 4)
        for (auto at = result.error.find(pw); at != std::string::npos; at = result.error.find(pw))
            result.error.replace(at, pw.size(), "***");
    return result;
}

}  // namespace okod
