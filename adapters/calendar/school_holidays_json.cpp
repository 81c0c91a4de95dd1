#include "adapters/calendar/school_holidays_json.hpp"

#include "time/amsterdam.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace okod {
namespace {

namespace json = boost::json;

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

class Reader {
public:
    Reader(const std::string& file, std::vector<LoadError>& errors) : file_(file), errors_(errors) {}

    void fail(const std::string& path, const std::string& message) {
        errors_.push_back({file_, 0, 0, fmt::format("{}: {}", path, message)});
    }

    const json::array* array_at(const json::object& o, std::string_view key, const std::string& path) {
        auto it = o.find(key);
        if (it == o.end() || !it->value().is_array()) {
            fail(path, fmt::format("expected an array '{}'", key));
            return nullptr;
        }
        return &it->value().as_array();
    }

    std::optional<std::string> string_at(const json::object& o, std::string_view key,
                                         const std::string& path) {
        auto it = o.find(key);
        if (it == o.end() || !it->value().is_string()) {
            fail(path, fmt::format("expected a string '{}'", key));
            return std::nullopt;
        }
        return trim(it->value().as_string());
    }

    // Dates come as instants ("2021-10-16T00:00:00.000Z", or 22:00Z the evening
    // before for local midnight); the local day in Amsterdam is what counts.
    std::optional<Date> date_at(const json::object& o, std::string_view key, const std::string& path) {
        auto s = string_at(o, key, path);
        if (!s) return std::nullopt;
        std::string text = *s;
        if (auto dot = text.find('.'); dot != std::string::npos && text.ends_with("Z"))
            text = text.substr(0, dot) + "Z";  // drop milliseconds
        if (auto instant = parse_instant(text)) return local_date(*instant);
        fail(path + "." + std::string(key), fmt::format("'{}' is not a date", *s));
        return std::nullopt;
    }

private:
    const std::string& file_;
    std::vector<LoadError>& errors_;
};

}  // namespace

std::vector<SchoolHoliday> parse_school_holidays_json(std::string_view text, const std::string& file,
                                                      std::vector<LoadError>& errors) {
    const std::size_t errors_before = errors.size();
    boost::system::error_code ec;
    json::stream_parser parser;
    const std::size_t used = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) {
        auto [line, column] = position_of(text, used);
        errors.push_back({file, line, column, fmt::format("invalid JSON: {}", ec.message())});
        return {};
    }
    const json::value doc = parser.release();
    Reader r(file, errors);
    if (!doc.is_array()) {
        r.fail("$", "expected an array of school-year documents");
        return {};
    }

    std::vector<SchoolHoliday> out;
    const auto& docs = doc.as_array();
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const std::string dpath = fmt::format("[{}]", d);
        if (!docs[d].is_object()) {
            r.fail(dpath, "expected an object");
            continue;
        }
        const auto* content = r.array_at(docs[d].as_object(), "content", dpath);
        if (!content) continue;
        for (std::size_t c = 0; c < content->size(); ++c) {
            const std::string cpath = fmt::format("{}.content[{}]", dpath, c);
            if (!(*content)[c].is_object()) {
                r.fail(cpath, "expected an object");
                continue;
            }
            const auto* vacations = r.array_at((*content)[c].as_object(), "vacations", cpath);
            if (!vacations) continue;
            for (std::size_t v = 0; v < vacations->size(); ++v) {
                const std::string vpath = fmt::format("{}.vacations[{}]", cpath, v);
                if (!(*vacations)[v].is_object()) {
                    r.fail(vpath, "expected an object");
                    continue;
                }
                const auto& vac = (*vacations)[v].as_object();
                auto type = r.string_at(vac, "type", vpath);
                const auto* regions = r.array_at(vac, "regions", vpath);
                if (!type || !regions) continue;
                for (std::size_t g = 0; g < regions->size(); ++g) {
                    const std::string gpath = fmt::format("{}.regions[{}]", vpath, g);
                    if (!(*regions)[g].is_object()) {
                        r.fail(gpath, "expected an object");
                        continue;
                    }
                    const auto& reg = (*regions)[g].as_object();
                    auto region = r.string_at(reg, "region", gpath);
                    auto first = r.date_at(reg, "startdate", gpath);
                    auto last = r.date_at(reg, "enddate", gpath);
                    if (!region || !first || !last) continue;
                    if (!is_school_region(*region) && *region != kAllRegions) {
                        r.fail(gpath + ".region", fmt::format("unknown region '{}' (noord, midden, "
                                                              "zuid or heel Nederland)", *region));
                        continue;
                    }
                    if (date::sys_days{*last} < date::sys_days{*first}) {
                        r.fail(gpath, "enddate is before startdate");
                        continue;
                    }
                    out.push_back({*type, *region, *first, *last});
                }
            }
        }
    }
    if (errors.size() != errors_before) return {};
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
