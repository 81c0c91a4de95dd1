#include "daemon/client/api_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <boost/json.hpp>
#include <cctype>
#include <memory>
#include <mutex>
#include <ostream>
#include <stdexcept>

#include "adapters/curl/curl_global.hpp"
#include "version.hpp"

namespace okod {
namespace {

namespace json = boost::json;

constexpr long kConnectTimeoutSeconds = 5;
constexpr long kTotalTimeoutSeconds = 30;
constexpr std::size_t kMaxBody = 16 * 1024 * 1024;  // okod's lists are capped far below

std::size_t append(char* data, std::size_t size, std::size_t count, void* out) {
    auto* body = static_cast<std::string*>(out);
    if (body->size() + size * count > kMaxBody) return 0;  // curl stops with a write error
    body->append(data, size * count);
    return size * count;
}

// Percent-encoding of a query name or value (RFC 3986: only unreserved characters stay).
std::string escape(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

bool is_loopback(const std::string& url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return false;
    char* host = nullptr;
    if (curl_url_get(u.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return false;
    const std::string h = host;
    curl_free(host);
    return h == "localhost" || h.starts_with("127.") || h == "[::1]";
}

// okod's error message, or what there is instead of one.
std::string message_of(const json::value& body, const std::string& raw) {
    if (const auto* o = body.if_object())
        if (const auto* m = o->if_contains("message"); m && m->is_string())
            return std::string(m->as_string());
    std::string text = raw.substr(0, 200);
    for (auto& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text.empty() ? "no message" : "not okod's JSON: " + text;
}

}  // namespace

ApiClient::ApiClient(ApiConnection connection, std::ostream& err)
    : connection_(std::move(connection)), err_(err) {}

namespace {

std::string with_query(const std::string& path, const QueryParams& query) {
    std::string target = path;
    char separator = '?';
    for (const auto& [name, value] : query) {
        if (value.empty()) continue;
        target += separator + escape(name) + "=" + escape(value);
        separator = '&';
    }
    return target;
}

}  // namespace

ApiReply ApiClient::get(const std::string& path, const QueryParams& query) {
    return send("GET", with_query(path, query), "");
}

ApiReply ApiClient::get_document(const std::string& path, const QueryParams& query) {
    return send("GET", with_query(path, query), "", true);
}

ApiReply ApiClient::post(const std::string& path, const boost::json::object& body) {
    return send("POST", path, json::serialize(body));
}

ApiReply ApiClient::put(const std::string& path, const boost::json::object& body) {
    return send("PUT", path, json::serialize(body));
}

ApiReply ApiClient::del(const std::string& path) { return send("DELETE", path, ""); }

ApiReply ApiClient::failed(long status, const std::string& url, const std::string& text) {
    ApiReply r;
    r.status = status;
    r.exit_code = status == 0 ? exit_code::unreachable : exit_code::for_http_status(status);
    if (status == 0) {
        err_ << fmt::format("okoctl: cannot reach okod at {}: {}\n", connection_.url, text);
        return r;
    }
    err_ << fmt::format("okoctl: {}: {}{}\n", status, text,
                        status >= 500 ? " (okod at " + url + ")" : "");
    if (status == 401)
        err_ << fmt::format(
            "okoctl: the token from {} was not accepted; make a new one on okod's server "
            "(okoctl tokens create --role ... --label ...)\n",
            connection_.token_source);
    return r;
}

ApiReply ApiClient::send(const std::string& method, const std::string& path,
                         const std::string& body, bool document) {
    init_curl_once();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> h(curl_easy_init(), &curl_easy_cleanup);
    if (!h) throw std::runtime_error("cannot create a libcurl handle");
    const std::string url = connection_.url + path;
    std::string received;
    char error[CURL_ERROR_SIZE] = {};

    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, document ? "Accept: */*" : "Accept: application/json");
    headers = curl_slist_append(headers, ("Authorization: Bearer " + connection_.token).c_str());
    const bool has_body = method == "POST" || method == "PUT";
    if (has_body) headers = curl_slist_append(headers, "Content-Type: application/json");
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                            &curl_slist_free_all);
    const std::string agent = std::string("okoctl/") + kVersion;

    CURL* c = h.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &received);
    // okod on this machine is never behind the user's proxy; another host may be.
    if (is_loopback(url)) curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    if (method != "GET" && method != "POST")
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (has_body) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }

    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return failed(0, url, *error ? error : curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);

    boost::system::error_code ec;
    json::value parsed = json::parse(received, ec);
    if (ec) parsed = nullptr;
    if (status < 200 || status >= 300) {
        auto r = failed(status, url, message_of(parsed, received));
        r.body =
            std::move(parsed);  // for a caller that reads more than the message (/ready's problem)
        return r;
    }
    if (document) {
        ApiReply r;
        r.status = status;
        r.text = std::move(received);
        return r;
    }
    if (ec) {
        ApiReply r;
        r.status = status;
        r.exit_code = exit_code::unreachable;
        err_ << fmt::format(
            "okoctl: {} at {} answered {}, which is not okod's JSON: is this "
            "okod's address?\n",
            method, url, status);
        return r;
    }
    ApiReply r;
    r.status = status;
    r.body = std::move(parsed);
    return r;
}

}  // namespace okod
