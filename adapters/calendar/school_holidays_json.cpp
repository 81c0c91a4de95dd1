#include "adapters/calendar/school_holidays_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

#include "adapters/calendar/json_locations.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string_view kind_of(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_:
            return "a number";
        case json::kind::string:
            return "a string";
        case json::kind::array:
            return "an array";
        case json::kind::object:
            return "an object";
    }
    return "a value";
}

// The file writes "noord", "Zuid", "heel Nederland", ...; okod keeps the canonical form.
std::optional<std::string> canonical_region(const std::string& region) {
    const std::string r = lower(region);
    if (is_school_region(r)) return r;
    if (r == lower(std::string(kAllRegions))) return std::string(kAllRegions);
    return std::nullopt;
}

class Reader {
public:
    Reader(const std::string& file, const JsonLocations& where, std::vector<LoadError>& errors)
        : file_(file), where_(where), errors_(errors) {}

    // `path` names the value the message is about; the error points at it in the text.
    void fail(const std::string& path, const std::string& message) {
        const JsonPosition p = where_.at(path);
        errors_.push_back(
            {file_, p.line, p.column, fmt::format("{}: {}", path.empty() ? "$" : path, message)});
    }

    // The value under `key`, or nullptr (and an error) when it is missing or not `kind`.
    const json::value* member(const json::object& o, std::string_view key, const std::string& path,
                              json::kind kind, std::string_view expected) {
        auto it = o.find(key);
        if (it == o.end()) {
            fail(path, fmt::format("missing '{}' ({})", key, expected));
            return nullptr;
        }
        if (it->value().kind() != kind) {
            fail(child(path, key),
                 fmt::format("expected {}, found {}", expected, kind_of(it->value())));
            return nullptr;
        }
        return &it->value();
    }

    const json::array* array_at(const json::object& o, std::string_view key,
                                const std::string& path) {
        const auto* v = member(o, key, path, json::kind::array, "an array");
        return v ? &v->as_array() : nullptr;
    }

    std::optional<std::string> string_at(const json::object& o, std::string_view key,
                                         const std::string& path) {
        const auto* v = member(o, key, path, json::kind::string, "a string");
        if (!v) return std::nullopt;
        std::string s = trim(v->as_string());
        if (s.empty()) {
            fail(child(path, key), "is empty");
            return std::nullopt;
        }
        return s;
    }

    // Dates come as instants ("2021-10-16T00:00:00.000Z", or 22:00Z the evening
    // before for local midnight); the local day in Amsterdam is what counts.
    std::optional<Date> date_at(const json::object& o, std::string_view key,
                                const std::string& path) {
        auto s = string_at(o, key, path);
        if (!s) return std::nullopt;
        std::string text = *s;
        if (auto dot = text.find('.'); dot != std::string::npos && text.ends_with("Z"))
            text = text.substr(0, dot) + "Z";  // drop milliseconds
        if (auto instant = parse_instant(text)) return local_date(*instant);
        fail(child(path, key), fmt::format("'{}' is not a date (2024-10-19T00:00:00.000Z)", *s));
        return std::nullopt;
    }

    // okod does not use compulsorydates (whether schools must keep to these days), but
    // a value that is neither true nor false says the file is not what we think it is.
    // The government writes it as a string, "true"/"false"; a JSON boolean is fine too.
    void check_boolean(const json::object& o, std::string_view key, const std::string& path) {
        auto it = o.find(key);
        if (it == o.end() || it->value().is_bool()) return;
        if (it->value().is_string()) {
            const std::string s = lower(trim(it->value().as_string()));
            if (s == "true" || s == "false") return;
            fail(child(path, key), fmt::format("expected true or false, found '{}'",
                                               std::string(it->value().as_string())));
            return;
        }
        fail(child(path, key),
             fmt::format("expected true or false, found {}", kind_of(it->value())));
    }

    static std::string child(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }

private:
    const std::string& file_;
    const JsonLocations& where_;
    std::vector<LoadError>& errors_;
};

const json::object* object_or_fail(Reader& r, const json::value& v, const std::string& path) {
    if (v.is_object()) return &v.as_object();
    r.fail(path, fmt::format("expected an object, found {}", kind_of(v)));
    return nullptr;
}

void read_regions(Reader& r, const json::object& vac, const std::string& vpath,
                  const std::string& type, std::vector<SchoolHoliday>& out) {
    const auto* regions = r.array_at(vac, "regions", vpath);
    if (!regions) return;
    if (regions->empty()) r.fail(vpath + ".regions", fmt::format("'{}' names no region", type));
    for (std::size_t g = 0; g < regions->size(); ++g) {
        const std::string gpath = fmt::format("{}.regions[{}]", vpath, g);
        const auto* reg = object_or_fail(r, (*regions)[g], gpath);
        if (!reg) continue;
        auto region = r.string_at(*reg, "region", gpath);
        auto first = r.date_at(*reg, "startdate", gpath);
        auto last = r.date_at(*reg, "enddate", gpath);
        if (!region || !first || !last) continue;
        auto canonical = canonical_region(*region);
        if (!canonical) {
            r.fail(gpath + ".region",
                   fmt::format("unknown region '{}' (noord, midden, zuid or heel Nederland)",
                               *region));
            continue;
        }
        if (date::sys_days{*last} < date::sys_days{*first}) {
            r.fail(gpath + ".enddate", fmt::format("enddate {} is before startdate {}",
                                                   format_date(*last), format_date(*first)));
            continue;
        }
        out.push_back({type, *canonical, *first, *last});
    }
}

}  // namespace

std::vector<SchoolHoliday> parse_school_holidays_json(std::string_view text,
                                                      const std::string& file,
                                                      std::vector<LoadError>& errors) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from a Windows editor
    if (std::all_of(text.begin(), text.end(), is_blank)) {
        errors.push_back({file, 0, 0, "no school holidays in the file (it is empty)"});
        return {};
    }
    boost::system::error_code ec;
    json::stream_parser parser;
    const std::size_t used = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        const JsonPosition p = position_in(text, used);
        errors.push_back({file, p.line, p.column, fmt::format("invalid JSON: {}", ec.message())});
        return {};
    }
    const json::value doc = parser.release();
    const JsonLocations where(text);
    Reader r(file, where, errors);
    if (!doc.is_array()) {
        r.fail("",
               fmt::format("expected an array of school-year documents, found {}", kind_of(doc)));
        return {};
    }

    const std::size_t errors_before = errors.size();
    std::vector<SchoolHoliday> out;
    const auto& docs = doc.as_array();
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const std::string dpath = fmt::format("[{}]", d);
        const auto* document = object_or_fail(r, docs[d], dpath);
        const auto* content = document ? r.array_at(*document, "content", dpath) : nullptr;
        if (!content) continue;
        for (std::size_t c = 0; c < content->size(); ++c) {
            const std::string cpath = fmt::format("{}.content[{}]", dpath, c);
            const auto* part = object_or_fail(r, (*content)[c], cpath);
            const auto* vacations = part ? r.array_at(*part, "vacations", cpath) : nullptr;
            if (!vacations) continue;
            for (std::size_t v = 0; v < vacations->size(); ++v) {
                const std::string vpath = fmt::format("{}.vacations[{}]", cpath, v);
                const auto* vac = object_or_fail(r, (*vacations)[v], vpath);
                if (!vac) continue;
                auto type = r.string_at(*vac, "type", vpath);
                r.check_boolean(*vac, "compulsorydates", vpath);
                if (type) read_regions(r, *vac, vpath, *type, out);
            }
        }
    }
    if (errors.size() != errors_before) return {};
    if (out.empty()) {
        errors.push_back({file, 0, 0, "no school holidays in the file (no content[].vacations[])"});
        return {};
    }
    return out;
}

std::vector<SchoolHoliday> load_school_holidays_file(const std::filesystem::path& file,
                                                     std::vector<LoadError>& errors) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        errors.push_back({file.string(), 0, 0, "cannot read the file"});
        return {};
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_school_holidays_json(ss.str(), file.string(), errors);
}

}  // namespace okod
