#include "daemon/commands/calendar_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <ostream>
#include <set>

#include "adapters/calendar/school_holidays_json.hpp"
#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "calendar/elections.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// The config is read only when needed, so the Kieswet dates work without one.
std::optional<Config> load_or_print(const std::filesystem::path& file, std::ostream& err) {
    auto loaded = load_config(file);
    if (!loaded.config)
        for (const auto& e : loaded.errors) err << e.to_string() << '\n';
    return std::move(loaded.config);
}

std::set<std::string> school_years(const std::vector<SchoolHoliday>& holidays) {
    std::set<std::string> years;
    for (const auto& h : holidays) years.insert(school_year_of(h.first));
    return years;
}

}  // namespace

int run_calendar_elections(const ElectionsArgs& args, std::ostream& out, std::ostream& err) {
    if (args.from_year > args.to_year) {
        err << fmt::format("okoctl calendar elections: --from {} is after --to {}\n",
                           args.from_year, args.to_year);
        return 2;
    }
    std::vector<Date> herindeling;
    if (!args.municipality.empty()) {
        if (!is_cbs_code(args.municipality)) {
            err << fmt::format(
                "okoctl calendar elections: --municipality '{}' is not a CBS code "
                "(GM and four digits, e.g. GM0935)\n",
                args.municipality);
            return 2;
        }
        auto config = load_or_print(args.config, err);
        if (!config) return 1;
        auto m = std::find_if(config->municipalities.begin(), config->municipalities.end(),
                              [&](const Municipality& x) { return x.code == args.municipality; });
        if (m == config->municipalities.end()) {
            std::vector<std::string> known;
            for (const auto& x : config->municipalities) known.push_back(x.code);
            err << fmt::format("okoctl calendar elections: {} has no municipality {} (known: {})\n",
                               config->file.string(), args.municipality,
                               known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", ")));
            return 1;
        }
        herindeling = m->herindeling_elections;
    }

    const auto days = council_elections(args.from_year, args.to_year, herindeling);
    if (!args.json) {
        for (Date d : days) out << format_date(d) << '\n';
        return 0;
    }
    boost::json::array list;
    for (Date d : days) {
        const bool merger =
            std::find(herindeling.begin(), herindeling.end(), d) != herindeling.end();
        list.push_back({{"date", format_date(d)}, {"kind", merger ? "herindeling" : "regular"}});
    }
    out << boost::json::serialize(list) << '\n';
    return 0;
}

int run_import_school_holidays(const ImportSchoolHolidaysArgs& args, std::ostream& out,
                               std::ostream& err) {
    std::vector<LoadError> errors;
    const auto holidays = load_school_holidays_file(args.file, errors);
    if (!errors.empty()) {
        for (const auto& e : errors) err << e.to_string() << '\n';
        err << fmt::format(
            "okoctl calendar import-school-holidays: {} {} in {}; nothing imported\n",
            errors.size(), errors.size() == 1 ? "error" : "errors", args.file.string());
        return 1;
    }

    std::filesystem::path store_path = args.store;
    if (store_path.empty()) {
        auto config = load_or_print(args.config, err);
        if (!config) return 1;
        store_path = config->store_path;
    }
    // Creating the store here would leave it owned by whoever ran okoctl (root, say),
    // not by the service user; okod creates it on its first start.
    std::error_code ec;
    if (!std::filesystem::exists(store_path, ec)) {
        err << fmt::format(
            "okoctl calendar import-school-holidays: no store at {} (start okod once "
            "to create it); nothing imported\n",
            store_path.string());
        return 1;
    }
    auto store = SqliteStore::open(store_path);
    const auto years = school_years(holidays);
    std::vector<std::string> replaced;
    for (const auto& year : school_years(store->imported_school_holidays()))
        if (years.count(year)) replaced.push_back(year);

    auto tx = store->begin();
    store->replace_school_holidays(holidays);
    tx->commit();

    out << fmt::format("imported {} school {} ({}): {} holidays", years.size(),
                       years.size() == 1 ? "year" : "years", fmt::join(years, ", "),
                       holidays.size());
    if (!replaced.empty())
        out << fmt::format(", replacing the earlier import of {}", fmt::join(replaced, ", "));
    out << "; okod uses them after `systemctl reload okod`\n";
    return 0;
}

}  // namespace okod
