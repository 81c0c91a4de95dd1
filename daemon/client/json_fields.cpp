#include "daemon/client/json_fields.hpp"

#include <boost/json.hpp>
#include <ostream>

#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

const boost::json::value* field(const boost::json::value& v, std::string_view key) {
    const auto* o = v.if_object();
    return o ? o->if_contains(key) : nullptr;
}

}  // namespace

std::string json_text(const boost::json::value& v, std::string_view key) {
    const auto* f = field(v, key);
    if (!f || f->is_null()) return {};
    if (f->is_string()) return std::string(f->as_string());
    if (f->is_int64()) return std::to_string(f->as_int64());
    if (f->is_uint64()) return std::to_string(f->as_uint64());
    if (f->is_double()) return format_fte(f->as_double());
    if (f->is_bool()) return f->as_bool() ? "yes" : "no";
    return boost::json::serialize(*f);
}

std::optional<double> json_decimal(const boost::json::value& v, std::string_view key) {
    const auto* f = field(v, key);
    if (!f || !f->is_number()) return std::nullopt;
    return f->to_number<double>();
}

std::int64_t json_int(const boost::json::value& v, std::string_view key) {
    const auto* f = field(v, key);
    if (f && f->is_int64()) return f->as_int64();
    if (f && f->is_uint64()) return static_cast<std::int64_t>(f->as_uint64());
    return 0;
}

bool json_bool(const boost::json::value& v, std::string_view key) {
    const auto* f = field(v, key);
    return f && f->is_bool() && f->as_bool();
}

std::string json_local_minutes(const boost::json::value& v, std::string_view key,
                               const std::string& none) {
    const std::string text = json_text(v, key);
    if (text.empty()) return none;
    const auto t = parse_instant(text);
    return t ? format_local_minutes(*t) : text;
}

std::string json_title(const boost::json::value& task) {
    const auto* title = field(task, "title");
    if (!title) return {};
    if (title->is_string()) return std::string(title->as_string());
    const std::string nl = json_text(*title, "nl");
    return nl.empty() ? json_text(*title, "en") : nl;
}

const boost::json::array& json_array(const boost::json::value& v, std::string_view key) {
    static const boost::json::array empty;
    const auto* f = field(v, key);
    return f && f->is_array() ? f->as_array() : empty;
}

void print_json_line(const boost::json::value& v, std::ostream& out) {
    out << boost::json::serialize(v) << '\n';
}

void print_json_lines(const boost::json::array& items, std::ostream& out) {
    for (const auto& item : items) print_json_line(item, out);
}

}  // namespace okod
