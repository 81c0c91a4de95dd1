#include "adapters/config/municipality_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/config/settings_overlay.hpp"
#include "adapters/toml/toml_fields.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 12> kSettingsKeys{"trajectory_start",
                                                         "trajectory_years",
                                                         "cycle_years",
                                                         "survey_every_years",
                                                         "report_due",
                                                         "language",
                                                         "events_season_start",
                                                         "capacity",
                                                         "dates",
                                                         "budget_lines",
                                                         "lists",
                                                         "settings"};

bool is_settings_key(std::string_view key) {
    return std::find(kSettingsKeys.begin(), kSettingsKeys.end(), key) != kSettingsKeys.end();
}

std::optional<toml::table> parse_text(const std::string& text, const std::string& source,
                                      std::vector<LoadError>& errors) {
    try {
        return toml::parse(text, std::string_view(source));
    } catch (const toml::parse_error& e) {
        errors.push_back({source, static_cast<int>(e.source().begin.line),
                          static_cast<int>(e.source().begin.column), std::string(e.description())});
        return std::nullopt;
    }
}

// Settings text made by okod itself (edit_settings, settings_of_file): it parses.
toml::table parse_own(const std::string& text) {
    std::vector<LoadError> errors;
    auto t = parse_text(text, "settings", errors);
    return t ? std::move(*t) : toml::table{};
}

std::string to_text(const toml::table& t) {
    std::ostringstream out;
    out << toml::toml_formatter{t};
    out << '\n';
    return out.str();
}

toml::table settings_part(const toml::table& doc) {
    toml::table out;
    for (const auto& [key, node] : doc)
        if (is_settings_key(key.str()))
            node.visit([&, k = std::string(key.str())](const auto& n) { out.insert(k, n); });
    return out;
}

// --- JSON into TOML ---------------------------------------------------------------------

// Where a JSON string is a date: the loader takes "2024-07-31" for one too, but a TOML
// date is what a file has, and what the export should give back.
bool is_date_path(const std::string& path) {
    return path == "trajectory_start" || path.rfind("dates.", 0) == 0 ||
           (path.rfind("budget_lines[", 0) == 0 && path.size() > 6 &&
            path.compare(path.size() - 6, 6, ".until") == 0);
}

// Only a real day: "2024-02-31" stays a string, which the loader refuses by name.
std::optional<toml::date> as_date(std::string_view s) {
    const auto d = parse_date(std::string(s));
    if (!d || s.size() != 10) return std::nullopt;
    toml::date day;
    day.year = static_cast<std::uint16_t>(static_cast<int>(d->year()));
    day.month = static_cast<std::uint8_t>(static_cast<unsigned>(d->month()));
    day.day = static_cast<std::uint8_t>(static_cast<unsigned>(d->day()));
    return day;
}

void insert_json(toml::table& into, const std::string& key, const boost::json::value& v,
                 const std::string& path, std::vector<SettingsProblem>& problems);

void push_json(toml::array& into, const boost::json::value& v, const std::string& path,
               std::vector<SettingsProblem>& problems) {
    toml::table holder;
    insert_json(holder, "x", v, path, problems);
    if (auto* n = holder.get("x")) n->visit([&](const auto& x) { into.push_back(x); });
}

void insert_json(toml::table& into, const std::string& key, const boost::json::value& v,
                 const std::string& path, std::vector<SettingsProblem>& problems) {
    switch (v.kind()) {
        case boost::json::kind::string: {
            const std::string s(v.get_string());
            if (is_date_path(path))
                if (auto d = as_date(s)) {
                    into.insert_or_assign(key, *d);
                    return;
                }
            into.insert_or_assign(key, s);
            return;
        }
        case boost::json::kind::int64:
            into.insert_or_assign(key, v.get_int64());
            return;
        case boost::json::kind::uint64:
            into.insert_or_assign(key, static_cast<std::int64_t>(v.get_uint64()));
            return;
        case boost::json::kind::double_:
            into.insert_or_assign(key, v.get_double());
            return;
        case boost::json::kind::bool_:
            into.insert_or_assign(key, v.get_bool());
            return;
        case boost::json::kind::array: {
            toml::array a;
            std::size_t i = 0;
            for (const auto& item : v.get_array())
                push_json(a, item, fmt::format("{}[{}]", path, i++), problems);
            into.insert_or_assign(key, std::move(a));
            return;
        }
        case boost::json::kind::object: {
            toml::table t;
            for (const auto& [k, item] : v.get_object())
                if (!item.is_null())
                    insert_json(t, std::string(k), item, path + "." + std::string(k), problems);
            into.insert_or_assign(key, std::move(t));
            return;
        }
        case boost::json::kind::null:
            problems.push_back({path, "has no value"});
            return;
    }
}

// --- TOML into JSON and into lines ----------------------------------------------------

boost::json::value node_json(const toml::node& n) {
    if (const auto* t = n.as_table()) {
        boost::json::object o;
        for (const auto& [k, v] : *t) o[k.str()] = node_json(v);
        return o;
    }
    if (const auto* a = n.as_array()) {
        boost::json::array out;
        for (const auto& v : *a) out.push_back(node_json(v));
        return out;
    }
    if (const auto* s = n.as_string()) return boost::json::value(s->get());
    if (const auto* i = n.as_integer()) return boost::json::value(i->get());
    if (const auto* f = n.as_floating_point()) return boost::json::value(f->get());
    if (const auto* b = n.as_boolean()) return boost::json::value(b->get());
    if (const auto* d = n.as_date()) {
        const toml::date v = d->get();
        return boost::json::value(fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day));
    }
    std::ostringstream out;
    n.visit([&](const auto& x) { out << x; });
    return boost::json::value(out.str());
}

std::string node_text(const toml::node& n) {
    const auto j = node_json(n);
    if (j.is_string()) return std::string(j.get_string());
    return boost::json::serialize(j);
}

// Every leaf of a settings table by path. A budget line is named by its id; the items
// of a list of texts by themselves (an added or removed recommendation, not a shift).
void flatten(const toml::node& n, const std::string& path,
             std::map<std::string, std::string>& out) {
    if (const auto* t = n.as_table()) {
        for (const auto& [k, v] : *t)
            flatten(v, path.empty() ? std::string(k.str()) : path + "." + std::string(k.str()),
                    out);
        return;
    }
    if (const auto* a = n.as_array()) {
        std::size_t i = 0;
        for (const auto& v : *a) {
            if (const auto* s = v.as_string()) {
                out[fmt::format("{} \"{}\"", path, s->get())] = "";
            } else if (const auto* bt = v.as_table(); bt && bt->get_as<std::string>("id")) {
                flatten(v, path + "." + bt->get_as<std::string>("id")->get(), out);
            } else {
                flatten(v, fmt::format("{}[{}]", path, i), out);
            }
            ++i;
        }
        return;
    }
    out[path] = node_text(n);
}

std::string line_of(const std::string& path, const std::string& value, char sign) {
    return value.empty() ? fmt::format("{}{}", sign, path)
                         : fmt::format("{}{} {}", sign, path, value);
}

// (line, column) of every node and key in `n`, with its field path.
void positions(const toml::node& n, const std::string& path,
               std::map<std::pair<int, int>, std::string>& out) {
    const auto at = [&](const toml::source_region& r, const std::string& p) {
        if (r.begin.line > 0)
            out[{static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)}] = p;
    };
    at(n.source(), path);
    if (const auto* t = n.as_table()) {
        for (const auto& [k, v] : *t) {
            const std::string p =
                path.empty() ? std::string(k.str()) : path + "." + std::string(k.str());
            at(k.source(), p);
            positions(v, p, out);
        }
    } else if (const auto* a = n.as_array()) {
        std::size_t i = 0;
        for (const auto& v : *a) positions(v, fmt::format("{}[{}]", path, i++), out);
    }
}

}  // namespace

std::span<const std::string_view> settings_keys() { return kSettingsKeys; }

std::string stored_settings_source(std::string_view code) {
    return fmt::format("settings of {} (store)", code);
}

std::string effective_settings_source(const fs::path& file) {
    return fmt::format("{} with the settings of the store", file.string());
}

namespace {

// The municipality file `doc` with the settings of `stored` in place of its own, as text.
std::optional<std::string> merged_text(const toml::table& doc, const fs::path& file,
                                       const StoredSettings& stored,
                                       std::vector<LoadError>& errors) {
    const std::string source = stored_settings_source(stored.code);
    auto settings = parse_text(stored.toml, source, errors);
    if (!settings) return std::nullopt;
    bool ok = true;
    for (const auto& [key, node] : *settings)
        if (!is_settings_key(key.str())) {
            errors.push_back({source, static_cast<int>(key.source().begin.line),
                              static_cast<int>(key.source().begin.column),
                              fmt::format("'{}' is not a setting (settings are: {})", key.str(),
                                          fmt::join(kSettingsKeys, ", "))});
            ok = false;
        }
    if (!ok) return std::nullopt;
    toml::table merged = doc;
    for (const auto key : kSettingsKeys) merged.erase(key);
    for (const auto& [key, node] : *settings)
        node.visit([&, k = std::string(key.str())](const auto& n) { merged.insert(k, n); });
    return fmt::format(
        "# {} as okod has it: the settings were last changed by {} (version {}).\n{}",
        file.filename().string(), stored.changed_by, stored.version, to_text(merged));
}

}  // namespace

std::optional<toml::table> overlay_settings(const toml::table& doc, const fs::path& file,
                                            const StoredSettings& stored,
                                            std::vector<LoadError>& errors) {
    const auto text = merged_text(doc, file, stored, errors);
    if (!text) return std::nullopt;
    return parse_text(*text, effective_settings_source(file), errors);
}

std::optional<fs::path> find_municipality_file(const fs::path& dir, std::string_view code) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    // By name first (every shipped file is "<code>-<name>.toml"), so a page of settings
    // does not parse hundreds of files.
    std::stable_partition(files.begin(), files.end(), [&](const fs::path& p) {
        return p.filename().string().rfind(std::string(code), 0) == 0;
    });
    for (const auto& file : files) {
        try {
            const auto doc = toml::parse_file(file.string());
            if (doc["code"].value<std::string>() == std::string(code)) return file;
        } catch (const toml::parse_error&) {
            // a broken file is not this municipality's as far as a lookup can tell
        }
    }
    return std::nullopt;
}

std::optional<std::string> settings_of_file(const fs::path& file, std::vector<LoadError>& errors) {
    TomlFields f(file.string(), errors);
    auto doc = f.parse_file();
    if (!doc) return std::nullopt;
    return to_text(settings_part(*doc));
}

std::optional<std::string> effective_municipality_toml(const fs::path& file,
                                                       const std::optional<StoredSettings>& stored,
                                                       std::vector<LoadError>& errors) {
    if (!stored) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            errors.push_back({file.string(), 0, 0, "cannot read the file"});
            return std::nullopt;
        }
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    TomlFields f(file.string(), errors);
    auto doc = f.parse_file();
    if (!doc) return std::nullopt;
    return merged_text(*doc, file, *stored, errors);
}

boost::json::object settings_to_json(const std::string& settings_toml) {
    return node_json(parse_own(settings_toml)).as_object();
}

std::string edit_settings(const std::string& settings_toml, const boost::json::object& body,
                          std::vector<SettingsProblem>& problems) {
    toml::table t = parse_own(settings_toml);
    for (const auto& [k, v] : body) {
        const std::string key(k);
        if (key == "version") continue;
        if (!is_settings_key(key)) {
            problems.push_back({key, fmt::format("is not a setting that can be changed here "
                                                 "(settings are: {})",
                                                 fmt::join(kSettingsKeys, ", "))});
            continue;
        }
        if (v.is_null())
            t.erase(key);
        else
            insert_json(t, key, v, key, problems);
    }
    return to_text(t);
}

std::vector<std::string> settings_changes(const std::string& before, const std::string& after) {
    std::map<std::string, std::string> old_values, new_values;
    flatten(parse_own(before), "", old_values);
    flatten(parse_own(after), "", new_values);
    std::vector<std::string> lines;
    for (const auto& [path, value] : old_values) {
        const auto now = new_values.find(path);
        if (now == new_values.end())
            lines.push_back(line_of(path, value, '-'));
        else if (now->second != value)
            lines.push_back(fmt::format("{} {} → {}", path, value, now->second));
    }
    for (const auto& [path, value] : new_values)
        if (!old_values.count(path)) lines.push_back(line_of(path, value, '+'));
    return lines;
}

std::string settings_field_at(const std::string& settings_toml, int line, int column) {
    std::map<std::pair<int, int>, std::string> at;
    positions(parse_own(settings_toml), "", at);
    // The last position at or before the error's on its line.
    std::string field;
    for (const auto& [pos, path] : at)
        if (pos.first == line && pos.second <= column) field = path;
    return field;
}

}  // namespace okod
