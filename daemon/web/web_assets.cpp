#include "daemon/web/web_assets.hpp"

#include "web_assets_data.hpp"

namespace okod {

namespace {

std::string_view content_type(std::string_view path) {
    auto ends = [&](std::string_view ext) {
        return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

}  // namespace

std::optional<HttpResponse> dashboard_file(std::string_view path) {
    if (path == "/" || path == "/index.html" || path == "/dashboard") path = "/index.html";
    for (const auto& f : web_data::kFiles) {
        if (f.path != path) continue;
        HttpResponse r;
        r.content_type = std::string(content_type(path));
        r.body = std::string(f.body);
        r.headers.emplace_back("Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                               "base-uri 'none'; form-action 'none'");
        r.headers.emplace_back("X-Content-Type-Options", "nosniff");
        r.headers.emplace_back("Referrer-Policy", "no-referrer");
        // okod may be upgraded under a running browser: always ask whether it changed.
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    }
    if (path == "/favicon.ico") return dashboard_file("/favicon.svg");
    return std::nullopt;
}

}  // namespace okod
