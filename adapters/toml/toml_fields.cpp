#include "adapters/toml/toml_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "time/amsterdam.hpp"

namespace okod {

std::string_view toml_type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string:
            return "string";
        case toml::node_type::integer:
            return "integer";
        case toml::node_type::floating_point:
            return "float";
        case toml::node_type::boolean:
            return "boolean";
        case toml::node_type::date:
            return "date";
        case toml::node_type::time:
            return "time";
        case toml::node_type::date_time:
            return "date-time";
        case toml::node_type::array:
            return "array";
        case toml::node_type::table:
            return "table";
        default:
            return "nothing";
    }
}

namespace {

template <typename Parse>
std::optional<toml::table> parsed(const std::string& file, std::vector<LoadError>& errors,
                                  Parse parse) {
    try {
        return parse();
    } catch (const toml::parse_error& e) {
        errors.push_back({file, static_cast<int>(e.source().begin.line),
                          static_cast<int>(e.source().begin.column), std::string(e.description())});
        return std::nullopt;
    }
}

}  // namespace

std::optional<toml::table> TomlFields::parse_file() {
    return parsed(file_, errors_, [&] { return toml::parse_file(file_); });
}

std::optional<toml::table> TomlFields::parse_text(std::string_view text) {
    return parsed(file_, errors_, [&] { return toml::parse(text, file_); });
}

// A node parsed elsewhere and put into this file's table (stored settings over a
// municipality file, settings_overlay.hpp) names where it came from.
const std::string& TomlFields::file_of(const toml::source_region& r) const {
    return r.path && !r.path->empty() ? *r.path : file_;
}

void TomlFields::error(const toml::node* at, std::string message) {
    int line = 0, column = 0;
    if (at) {
        line = static_cast<int>(at->source().begin.line);
        column = static_cast<int>(at->source().begin.column);
    }
    errors_.push_back({at ? file_of(at->source()) : file_, line, column, std::move(message)});
}

void TomlFields::allow_only(const toml::table& t, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, node] : t) {
        if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
        errors_.push_back({file_of(key.source()), static_cast<int>(key.source().begin.line),
                           static_cast<int>(key.source().begin.column),
                           fmt::format("unknown key '{}' in {}", key.str(), what)});
    }
}

std::optional<std::string> TomlFields::optional_string(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (auto s = n->value<std::string>(); s && n->is_string()) return *s;
    error(n, fmt::format("expected a string for '{}', got {}", key, toml_type_name(*n)));
    return std::nullopt;
}

std::string TomlFields::required_string(const toml::table& t, std::string_view key) {
    if (!t.get(key)) {
        error(&t, fmt::format("missing required key '{}'", key));
        return {};
    }
    auto s = optional_string(t, key);
    if (s && s->empty()) error(t.get(key), fmt::format("'{}' must not be empty", key));
    return s.value_or("");
}

int TomlFields::integer_in(const toml::table& t, std::string_view key, int fallback, int min,
                           int max) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_integer()) {
        error(n, fmt::format("expected an integer for '{}', got {}", key, toml_type_name(*n)));
        return fallback;
    }
    const auto v = n->as_integer()->get();
    if (v < min || v > max) {
        error(n, fmt::format("'{}' must be between {} and {}, not {}", key, min, max, v));
        return fallback;
    }
    return static_cast<int>(v);
}

std::optional<double> TomlFields::number_in(const toml::table& t, std::string_view key, double min,
                                            double max) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    std::optional<double> v;
    if (const auto* i = n->as_integer()) v = static_cast<double>(i->get());
    if (const auto* f = n->as_floating_point()) v = f->get();
    if (!v) {
        error(n, fmt::format("expected a number for '{}', got {}", key, toml_type_name(*n)));
        return std::nullopt;
    }
    if (*v < min || *v > max) {
        error(n, fmt::format("'{}' must be between {} and {}, not {}", key, min, max, *v));
        return std::nullopt;
    }
    return v;
}

std::optional<Date> TomlFields::date_value(const toml::node& n, const std::string& key) {
    if (const auto* toml_date = n.as_date()) {
        const toml::date v = toml_date->get();
        const Date day{date::year{v.year}, date::month{v.month}, date::day{v.day}};
        if (day.ok()) return day;
    } else if (const auto* text = n.as_string()) {
        if (auto parsed = parse_date(text->get())) return parsed;
    }
    error(&n, fmt::format("expected a date (YYYY-MM-DD) for '{}'", key));
    return std::nullopt;
}

std::optional<Date> TomlFields::required_date(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) {
        error(&t, fmt::format("missing required key '{}'", key));
        return std::nullopt;
    }
    return date_value(*n, std::string(key));
}

std::optional<TimeOfDay> TomlFields::optional_time(const toml::table& t, std::string_view key) {
    auto s = optional_string(t, key);
    if (!s) return std::nullopt;
    auto v = parse_time_of_day(*s);
    if (!v) error(t.get(key), fmt::format("'{}' must be HH:MM, not '{}'", key, *s));
    return v;
}

std::vector<std::string> TomlFields::string_array(const toml::table& t, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
        error(n, fmt::format("expected an array of strings for '{}', got {}", key,
                             toml_type_name(*n)));
        return out;
    }
    for (const auto& item : *a) {
        if (const auto* s = item.as_string())
            out.push_back(s->get());
        else
            error(&item,
                  fmt::format("'{}' must hold only strings, found {}", key, toml_type_name(item)));
    }
    return out;
}

const toml::table* TomlFields::optional_table(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (const toml::table* tt = n->as_table()) return tt;
    error(n, fmt::format("expected a table for '{}', got {}", key, toml_type_name(*n)));
    return nullptr;
}

const toml::array* TomlFields::optional_array(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (const toml::array* a = n->as_array()) return a;
    error(n, fmt::format("expected an array for '{}', got {}", key, toml_type_name(*n)));
    return nullptr;
}

}  // namespace okod
