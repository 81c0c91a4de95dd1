#include "adapters/curl/http_exchange.hpp"

#include <curl/curl.h>

#include <memory>

#include "adapters/curl/curl_global.hpp"

namespace okod {
namespace {

constexpr std::size_t kMaxAnswer = 1024 * 1024;

struct Answer {
    std::string body;
    bool too_large = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* answer = static_cast<Answer*>(user);
    const std::size_t n = size * count;
    if (answer->body.size() + n > kMaxAnswer) {
        answer->too_large = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    answer->body.append(data, n);
    return n;
}

HttpExchangeResult exchange(const std::string& url, const std::string* form,
                            const std::vector<std::string>& headers, std::chrono::seconds timeout) {
    init_curl_once();
    HttpExchangeResult result;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        result.error = "cannot create a curl handle";
        return result;
    }
    curl_slist* list = nullptr;
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(list,
                                                                            &curl_slist_free_all);
    Answer answer;
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded daemon
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count() * 1000));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list.get());
    if (form) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, form->c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(form->size()));
    }
    const CURLcode rc = curl_easy_perform(h);
    if (answer.too_large) {
        result.error = "answer larger than 1 MiB";
        return result;
    }
    if (rc != CURLE_OK) {
        result.error = curl_easy_strerror(rc);
        return result;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
    result.body = std::move(answer.body);
    return result;
}

}  // namespace

HttpExchangeResult http_get(const std::string& url, std::chrono::seconds timeout) {
    return exchange(url, nullptr, {"Accept: application/json"}, timeout);
}

HttpExchangeResult http_post_form(const std::string& url, const std::string& form,
                                  const std::vector<std::string>& headers,
                                  std::chrono::seconds timeout) {
    std::vector<std::string> all{"Accept: application/json",
                                 "Content-Type: application/x-www-form-urlencoded"};
    all.insert(all.end(), headers.begin(), headers.end());
    return exchange(url, &form, all, timeout);
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
            u == '-' || u == '.' || u == '_' || u == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

}  // namespace okod
