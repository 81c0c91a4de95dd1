// Survey results uploaded from the browser (issue 19): the CSV that `okoctl import survey`
// reads (docs/survey-csv.md), for one municipality, as the request body.
//
//   POST /api/v1/municipalities/{code}/survey?dry_run=true   what would be stored: every
//        value with the one stored before it, and every problem per line; nothing changes
//   POST /api/v1/municipalities/{code}/survey                the same, stored in one
//        transaction; any problem is 422 with the same list, and nothing is stored
//
// All or nothing, like the importer: a file with one bad line stores nothing. A line for
// another municipality is a problem of its own: an upload is for the municipality of
// its address only. Problems are in the caller's language (caller_language.hpp), Dutch
// by default; a stored upload is a survey_imported line in the event log.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <tuple>

#include "adapters/survey/survey_csv.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/route_call.hpp"
#include "model/api_access.hpp"
#include "model/survey_import_log.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

using Key = std::tuple<std::string, std::string, int>;  // indicator, population, year

json::object error_json(const SurveyError& e, Language l) {
    return {{"line", e.line},
            {"column", e.column},
            {"column_name", e.column_name},
            {"message", e.message.in(l)},
            {"text", e.to_string(l)}};
}

}  // namespace

HttpResponse import_survey(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    allow_query(call.target, {"dry_run", "file"});
    if (!can_write_municipality(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not upload survey results of {}",
                                    to_string(call.token.role), m.code));
    const auto& q = call.target.query;
    bool dry_run = false;
    if (auto it = q.find("dry_run"); it != q.end()) {
        if (it->second != "true" && it->second != "false")
            throw bad_request(fmt::format("dry_run is true or false, not '{}'", it->second));
        dry_run = it->second == "true";
    }
    const std::string file = q.contains("file") ? q.at("file") : std::string("upload.csv");

    auto parsed = parse_survey_csv(call.request.body, file);
    std::vector<SurveyError> errors = parsed.errors;
    for (const auto& row : parsed.rows)
        if (row.measurement.municipality != m.code)
            errors.push_back(parsed.municipality_error(
                file, row,
                {fmt::format("{} is niet {}: deze upload is alleen voor {}",
                             row.measurement.municipality, m.code, m.name),
                 fmt::format("{} is not {}: this upload is for {} only",
                             row.measurement.municipality, m.code, m.name)}));

    std::map<Key, double> before;
    for (const auto& v : call.store().measurements_of_municipality(m.code))
        before.emplace(Key{v.indicator, v.population, v.year}, v.value);
    json::array rows;
    int fresh = 0, changed = 0, unchanged = 0;
    if (errors.empty())
        for (const auto& row : parsed.rows) {
            const auto& v = row.measurement;
            const auto old = before.find(Key{v.indicator, v.population, v.year});
            json::object o{{"line", row.line},           {"indicator", v.indicator},
                           {"population", v.population}, {"year", v.year},
                           {"value", v.value},           {"before", nullptr}};
            if (old == before.end()) {
                ++fresh;
            } else {
                o["before"] = old->second;
                ++(old->second == v.value ? unchanged : changed);
            }
            rows.push_back(std::move(o));
        }
    json::array problems;
    const Language l = caller_language(call);
    for (const auto& e : errors) problems.push_back(error_json(e, l));
    json::object answer{{"municipality", m.code},
                        {"dry_run", dry_run},
                        {"ok", errors.empty()},
                        {"rows", std::move(rows)},
                        {"errors", std::move(problems)},
                        {"counts",
                         {{"values", errors.empty() ? parsed.rows.size() : 0},
                          {"new", fresh},
                          {"changed", changed},
                          {"unchanged", unchanged}}}};
    if (dry_run) return json_response(200, answer);
    if (!errors.empty()) return json_response(422, answer);
    const Instant now = call.now();
    auto tx = call.store().begin();
    std::vector<Measurement> stored;
    for (auto& row : parsed.rows) {
        row.measurement.source = fmt::format("{} (uploaded by {})", file, call.by());
        row.measurement.imported_at = now;
        call.store().save_measurement(row.measurement);
        stored.push_back(row.measurement);
    }
    for (const auto& e : survey_import_events(stored, file, call.token.person_id, call.by(), now))
        call.store().append_event(e);
    tx->commit();
    return call.written(answer);
}

}  // namespace okod
