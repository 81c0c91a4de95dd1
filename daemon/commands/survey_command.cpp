// `okoctl import survey` and `okoctl survey list` on okod's store.
#include "daemon/commands/survey_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/survey/survey_csv.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/existing_store.hpp"
#include "daemon/commands/store_session.hpp"
#include "model/survey_import_log.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// municipality, indicator, population, year
using Key = std::tuple<std::string, std::string, std::string, int>;

Key key_of(const Measurement& m) { return {m.municipality, m.indicator, m.population, m.year}; }

// 21.4 -> "21,4": the decimal comma of the Dutch survey reports (and of format_fte).
std::string format_value(double v) {
    std::string text = fmt::format("{}", v);
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string plural(std::size_t n, const char* one, const char* more) {
    return fmt::format("{} {}", n, n == 1 ? one : more);
}

std::unique_ptr<SqliteStore> open_store(const SurveyCommon& common, const std::string& command,
                                        std::ostream& err) {
    return open_existing_store(common.config, common.store, command, err);
}

std::string known_codes(Store& store) {
    std::vector<std::string> known;
    for (const auto& m : store.all_municipalities()) known.push_back(m.code);
    return known.empty() ? std::string("none") : fmt::format("{}", fmt::join(known, ", "));
}

bool read_text(const fs::path& file, std::string& text) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return !in.bad();
}

int refuse(const std::vector<SurveyError>& errors, const fs::path& file, Language l,
           std::ostream& err) {
    for (const auto& e : errors) err << e.to_string(l) << '\n';
    if (l == Language::en)
        err << fmt::format("okoctl import survey: {} in {}; nothing imported\n",
                           plural(errors.size(), "error", "errors"), file.string());
    else
        err << fmt::format("okoctl import survey: {} in {}; niets ingelezen\n",
                           plural(errors.size(), "fout", "fouten"), file.string());
    return 1;
}

void print_summary(const std::vector<SurveyRow>& rows, const std::map<Key, double>& before,
                   const fs::path& file, std::ostream& out) {
    struct Count {
        std::size_t values = 0;
        std::set<int> years;
    };
    std::map<std::pair<std::string, std::string>, Count> counts;
    std::set<std::string> municipalities;
    std::vector<std::string> replaced;
    std::size_t unchanged = 0;
    for (const auto& row : rows) {
        const auto& m = row.measurement;
        auto& c = counts[{m.municipality, m.indicator}];
        ++c.values;
        c.years.insert(m.year);
        municipalities.insert(m.municipality);
        auto old = before.find(key_of(m));
        if (old == before.end()) continue;
        if (old->second == m.value) {
            ++unchanged;
            continue;
        }
        replaced.push_back(fmt::format("{} {} {} {}: {} → {}", m.municipality, m.indicator,
                                       m.population, m.year, format_value(old->second),
                                       format_value(m.value)));
    }
    std::set<std::string> indicators;
    for (const auto& [k, c] : counts) indicators.insert(k.second);
    out << fmt::format("imported {} from {} ({}, {})\n", plural(rows.size(), "value", "values"),
                       file.string(),
                       plural(municipalities.size(), "municipality", "municipalities"),
                       plural(indicators.size(), "indicator", "indicators"));
    std::vector<TextRow> table{{"municipality", "indicator", "values", "years"}};
    for (const auto& [k, c] : counts)
        table.push_back({k.first, k.second, std::to_string(c.values),
                         fmt::format("{}", fmt::join(c.years, ", "))});
    print_table(table, out);
    if (!replaced.empty()) {
        out << fmt::format("replaced {} (old → new):\n",
                           plural(replaced.size(), "earlier value", "earlier values"));
        for (const auto& line : replaced) out << line << '\n';
    }
    if (unchanged > 0)
        out << fmt::format("{} already stored with the same value\n",
                           plural(unchanged, "value was", "values were"));
}

// Values as plain decimals (19.5, not Boost.JSON's 1.95E1), like people list --json.
std::string json_line(const Measurement& m) {
    const auto text = [](const std::string& v) {
        return boost::json::serialize(boost::json::value(v));
    };
    return fmt::format(R"({{"municipality":{},"indicator":{},"population":{},"year":{},"value":{},)"
                       R"("source":{},"imported_at":{}}})",
                       text(m.municipality), text(m.indicator), text(m.population), m.year, m.value,
                       text(m.source), text(format_iso_local(m.imported_at)));
}

}  // namespace

int run_import_survey(const ImportSurveyArgs& args, std::ostream& out, std::ostream& err) {
    const std::string name = args.file.string();
    const Language l = parse_language(args.lang).value_or(Language::nl);
    std::string text;
    if (!read_text(args.file, text))
        return refuse({{name, 0, 0, "", {"het bestand is niet te lezen", "cannot read the file"}}},
                      args.file, l, err);
    auto parsed = parse_survey_csv(text, name);
    if (!parsed.ok()) return refuse(parsed.errors, args.file, l, err);

    auto store = open_store(args.common, "import survey", err);
    if (!store) return 1;

    // Every municipality must be one okod runs: values for a code it does not know
    // would never be looked at (a typo, or a municipality not yet in the config).
    std::vector<SurveyError> unknown;
    std::map<std::string, bool> known;
    for (const auto& row : parsed.rows) {
        const auto& code = row.measurement.municipality;
        auto it = known.find(code);
        if (it == known.end())
            it = known.emplace(code, store->municipality(code).has_value()).first;
        if (!it->second)
            unknown.push_back(parsed.municipality_error(
                name, row,
                {fmt::format("okod kent geen gemeente {} (wel {}; voor een nieuwe eerst haar "
                             "bestand in de configuratie zetten en okod herladen)",
                             code, known_codes(*store)),
                 fmt::format("okod knows no municipality {} (it knows {}; a new one needs its "
                             "file in the config and a reload of okod first)",
                             code, known_codes(*store))}));
    }
    if (!unknown.empty()) return refuse(unknown, args.file, l, err);

    const Instant now = SystemClock().now();
    const std::string source = fs::absolute(args.file).lexically_normal().string();
    std::map<Key, double> before;
    {
        auto tx = store->begin();
        std::set<std::string> codes;
        for (const auto& row : parsed.rows) codes.insert(row.measurement.municipality);
        for (const auto& code : codes)
            for (const auto& m : store->measurements_of_municipality(code))
                before.emplace(key_of(m), m.value);
        std::vector<Measurement> stored;
        for (auto& row : parsed.rows) {
            row.measurement.source = source;
            row.measurement.imported_at = now;
            store->save_measurement(row.measurement);
            stored.push_back(row.measurement);
        }
        for (const auto& e : survey_import_events(stored, name, "", command_user(), now))
            store->append_event(e);
        tx->commit();
    }
    print_summary(parsed.rows, before, args.file, out);
    return 0;
}

int run_survey_list(const SurveyListArgs& args, std::ostream& out, std::ostream& err) {
    auto store = open_store(args.common, "survey list", err);
    if (!store) return 1;
    if (!store->municipality(args.municipality)) {
        err << fmt::format("okoctl survey list: okod knows no municipality {} (it knows {})\n",
                           args.municipality, known_codes(*store));
        return 1;
    }
    const auto values = store->measurements_of_municipality(args.municipality);
    if (args.json) {
        for (const auto& m : values) out << json_line(m) << '\n';
        return 0;
    }
    if (values.empty()) {
        err << fmt::format("no survey values for {} yet (okoctl import survey FILE)\n",
                           args.municipality);
        return 0;
    }
    std::vector<TextRow> table{{"indicator", "population", "year", "value"}};
    for (const auto& m : values)
        table.push_back({m.indicator, m.population, std::to_string(m.year), format_value(m.value)});
    print_table(table, out);
    return 0;
}

}  // namespace okod
