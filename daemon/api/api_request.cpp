#include "daemon/api/api_request.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "daemon/api/api_error.hpp"
#include "daemon/http/http_server.hpp"

namespace okod {

namespace json = boost::json;

ApiTarget parse_target(const std::string& target) {
    auto url = boost::urls::parse_origin_form(target);
    if (!url) throw bad_request(fmt::format("'{}' is not a valid request target", target));
    ApiTarget t;
    for (auto segment : url->segments())
        if (!segment.empty()) t.segments.push_back(segment);
    for (auto param : url->params()) t.query[param.key] = param.value;
    return t;
}

void allow_query(const ApiTarget& t, std::initializer_list<const char*> names) {
    for (const auto& [key, value] : t.query) {
        bool known = false;
        for (const char* n : names) known = known || key == n;
        if (known) continue;
        std::string list;
        for (const char* n : names) list += (list.empty() ? "" : ", ") + std::string(n);
        throw bad_request(fmt::format("unknown query parameter '{}'{}", key,
                                      list.empty() ? std::string(" (this route takes none)")
                                                   : fmt::format(" (known: {})", list)));
    }
}

JsonBody::JsonBody(const HttpRequest& r, std::initializer_list<const char*> allowed) {
    if (r.body.empty()) return;
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    if (ec) throw bad_request(fmt::format("the body is not valid JSON: {}", ec.message()));
    if (!v.is_object()) throw bad_request("the body must be a JSON object");
    object_ = std::move(v.as_object());
    for (const auto& [key, value] : object_) {
        bool known = false;
        for (const char* a : allowed) known = known || key == a;
        if (known) continue;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw bad_request(fmt::format("unknown field '{}' (known: {})", std::string(key), list));
    }
}

std::optional<std::string> JsonBody::string(const char* field, bool required) const {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) {
        if (required) throw bad_request(fmt::format("field '{}' is required", field));
        return std::nullopt;
    }
    if (!v->is_string()) throw bad_request(fmt::format("field '{}' must be a string", field));
    return std::string(v->as_string());
}

std::optional<double> JsonBody::number(const char* field) const {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    throw bad_request(fmt::format("field '{}' must be a number", field));
}

std::optional<std::int64_t> JsonBody::integer(const char* field) const {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v->as_uint64());
    // 9.2e18 is the first double past INT64_MAX: anything below converts exactly.
    if (v->is_double() && std::trunc(v->as_double()) == v->as_double() &&
        std::abs(v->as_double()) < 9.2e18)
        return static_cast<std::int64_t>(v->as_double());
    throw bad_request(fmt::format("field '{}' must be a whole number", field));
}

std::optional<bool> JsonBody::boolean(const char* field) const {
    const auto* v = object_.if_contains(field);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_bool()) throw bad_request(fmt::format("field '{}' must be true or false", field));
    return v->as_bool();
}

bool JsonBody::contains(const char* field) const { return object_.contains(field); }

std::optional<std::int64_t> query_int(const ApiTarget& t, const char* name, std::int64_t min,
                                      std::int64_t max) {
    auto it = t.query.find(name);
    if (it == t.query.end()) return std::nullopt;
    std::int64_t v = 0;
    const auto& s = it->second;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || v < min || v > max)
        throw bad_request(
            fmt::format("query parameter '{}' must be a whole number from {} to {}, not '{}'", name,
                        min, max, s));
    return v;
}

std::int64_t path_id(const std::string& segment, const char* what) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), v);
    if (ec != std::errc{} || end != segment.data() + segment.size() || v <= 0)
        throw no_such(what, segment);
    return v;
}

}  // namespace okod
