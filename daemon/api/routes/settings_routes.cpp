// A municipality's settings (issue 19): read, checked and changed by its regisseur or an
// admin, and exported as the municipality file in effect.
//
//   GET /api/v1/municipalities/{code}/settings          the settings and where they come from
//   PUT /api/v1/municipalities/{code}/settings          {"version": 3, "settings": {...}}:
//       the fields given replace the current ones (null removes one), checked by the very
//       loader and checks a file goes through; with ?dry_run=true only checked. A problem
//       is 422 with {"errors": [{"field": "budget_lines[1].until", "message": ...}]} and
//       nothing stored; a version other than the current one is 409. Saved: the store
//       keeps the settings over the file, the event log has a line with what changed,
//       and okod reloads as on SIGHUP (new budget-line timers and all).
//   GET /api/v1/municipalities/{code}/settings.toml     the file in effect (text/plain)
//   DELETE /api/v1/municipalities/{code}/settings       the stored settings go: the file
//       counts again (after a sysadmin changed it, say), taken up as on SIGHUP
#include <fmt/format.h>

#include <boost/json.hpp>
#include <regex>

#include "adapters/config/municipality_settings.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/runtime.hpp"
#include "model/api_access.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// The municipality of the path, when the token may change its settings.
Municipality settings_municipality(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    if (!can_write_municipality(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not see or change the settings of {}",
                                    to_string(call.token.role), m.code));
    return m;
}

struct Current {
    fs::path file;
    std::optional<StoredSettings> stored;
    std::string toml;
    int version = 0;
};

Current current_settings(RouteCall& call, const std::string& code) {
    Current c;
    const Config& config = call.runtime().config;
    if (const auto known = config.municipality_files.find(code);
        known != config.municipality_files.end())
        c.file = known->second;
    else if (auto found = find_municipality_file(config.municipalities_dir, code))
        c.file = *found;
    else
        throw not_found(fmt::format("no file for municipality {} in {}", code,
                                    config.municipalities_dir.string()));
    c.stored = call.store().stored_settings(code);
    if (c.stored) {
        c.toml = c.stored->toml;
        c.version = c.stored->version;
        return c;
    }
    std::vector<LoadError> errors;
    auto text = settings_of_file(c.file, errors);
    if (!text)
        throw unprocessable(errors.empty() ? "cannot read " + c.file.string()
                                           : errors.front().to_string());
    c.toml = std::move(*text);
    return c;
}

json::object settings_view(const Current& c, const std::string& code) {
    json::object source{{"kind", c.stored ? "store" : "file"},
                        {"file", c.file.filename().string()}};
    if (c.stored) {
        source["changed_by"] = c.stored->changed_by;
        source["changed_at"] = format_iso_local(c.stored->changed_at);
    }
    return json::object{{"code", code},
                        {"version", c.version},
                        {"source", std::move(source)},
                        {"settings", settings_to_json(c.toml)}};
}

// What a loader error can be about: the proposed settings text, or the municipality
// file with them in place (whose text the loader read, effective_municipality_toml).
struct Proposed {
    std::string code;
    std::string settings;
    fs::path file;
    std::string effective;  // "" when there is none
};

// A loader error as a problem with a field: an error in the proposed settings names
// the field at its line and column; a check about the municipality as a whole names
// the date or list it misses.
json::object problem_json(const LoadError& e, const Proposed& p) {
    static const std::regex missing_key{"missing required key '([a-z_]+)'"};
    static const std::regex needs{"needs \\[(dates|lists)\\] ([A-Za-z0-9_]+)"};
    std::string field;
    std::smatch m;
    const bool in_settings = e.file == stored_settings_source(p.code);
    const bool in_effective = !p.effective.empty() && e.file == effective_settings_source(p.file);
    if (in_settings || in_effective) {
        field = settings_field_at(in_settings ? p.settings : p.effective, e.line, e.column);
        if (std::regex_search(e.message, m, missing_key))
            field += (field.empty() ? "" : ".") + m[1].str();
    } else if (std::regex_search(e.message, m, needs)) {
        field = m[1].str() + "." + m[2].str();
    }
    return json::object{{"field", field},
                        {"message", in_settings || in_effective ? e.message : e.to_string()}};
}

// 422: every problem, and what the change would have been; nothing was stored.
HttpResponse refused(const json::array& problems, const std::vector<std::string>& changes) {
    json::array lines;
    for (const auto& c : changes) lines.emplace_back(c);
    std::string first;
    if (!problems.empty()) {
        const auto& p = problems.front().as_object();
        const std::string field(p.at("field").as_string());
        first = (field.empty() ? "" : field + ": ") + std::string(p.at("message").as_string());
    }
    return json_response(
        422, json::object{{"error", "rule_violation"},
                          {"message", fmt::format("the settings have {} problem(s), nothing was "
                                                  "stored: {}",
                                                  problems.size(), first)},
                          {"errors", problems},
                          {"changes", std::move(lines)}});
}

// The running okod reloads with `change`, stored with an event-log line saying `note`:
// the errors when it did not (then nothing changed).
std::vector<LoadError> reload_with(RouteCall& call, SettingsReload& change,
                                   const std::string& title, std::string note) {
    if (!call.context.reload_settings)
        throw ApiError(503, "unavailable", "settings can only be changed in a running okod");
    Event e;
    e.at = call.now();
    e.municipality = change.settings ? change.settings->code : change.drop;
    e.kind = EventKind::municipality_settings_changed;
    e.person = call.token.person_id;
    e.title = title;
    e.note = std::move(note);
    change.event = std::move(e);
    return call.context.reload_settings(change);
}

std::optional<int> version_asked(const HttpRequest& r, const json::object& body) {
    if (const auto* v = body.if_contains("version"); v && !v->is_null()) {
        if (!v->is_int64() || v->get_int64() < 0)
            throw bad_request("version must be a whole number (GET .../settings gives it)");
        return static_cast<int>(v->get_int64());
    }
    if (const auto h = r.headers.find("if-match"); h != r.headers.end()) {
        std::string digits;
        for (char ch : h->second)
            if (ch >= '0' && ch <= '9') digits += ch;
        if (digits.empty()) throw bad_request("If-Match must carry the settings' version");
        return std::stoi(digits);
    }
    return std::nullopt;
}

}  // namespace

HttpResponse show_settings(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = settings_municipality(call);
    const Current c = current_settings(call, m.code);
    auto response = json_response(200, settings_view(c, m.code));
    response.headers.emplace_back("ETag", fmt::format("\"{}\"", c.version));
    return response;
}

HttpResponse export_settings(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = settings_municipality(call);
    const Current c = current_settings(call, m.code);
    std::vector<LoadError> errors;
    auto text = effective_municipality_toml(c.file, c.stored, errors);
    if (!text)
        throw unprocessable(errors.empty() ? "cannot read " + c.file.string()
                                           : errors.front().to_string());
    HttpResponse r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(*text);
    r.headers.emplace_back("Content-Disposition",
                           fmt::format("attachment; filename=\"{}\"", c.file.filename().string()));
    return r;
}

HttpResponse change_settings(RouteCall& call) {
    allow_query(call.target, {"dry_run"});
    const Municipality m = settings_municipality(call);
    bool dry_run = false;
    if (const auto it = call.target.query.find("dry_run"); it != call.target.query.end()) {
        if (it->second != "true" && it->second != "false")
            throw bad_request(fmt::format("dry_run is true or false, not '{}'", it->second));
        dry_run = it->second == "true";
    }
    boost::system::error_code ec;
    json::value body = json::parse(call.request.body, ec);
    if (ec || !body.is_object())
        throw bad_request("the body must be a JSON object {\"version\": ..., \"settings\": {...}}");
    const json::object& o = body.as_object();
    for (const auto& [key, value] : o)
        if (key != "version" && key != "settings")
            throw bad_request(
                fmt::format("unknown field '{}' (known: version, settings)", std::string(key)));
    const auto* fields = o.if_contains("settings");
    if (!fields || !fields->is_object())
        throw bad_request("field 'settings' (an object) is required");

    const Current c = current_settings(call, m.code);
    if (const auto asked = version_asked(call.request, o); asked && *asked != c.version)
        throw conflict(fmt::format(
            "the settings of {} are at version {} now, not {}: someone changed them meanwhile "
            "(load them again)",
            m.code, c.version, *asked));

    std::vector<SettingsProblem> shape;
    const std::string proposed = edit_settings(c.toml, fields->as_object(), shape);
    const auto changes = settings_changes(c.toml, proposed);
    json::array problems;
    for (const auto& p : shape)
        problems.push_back(json::object{{"field", p.field}, {"message", p.message}});
    if (!problems.empty()) return refused(problems, changes);

    SettingsReload change;
    change.settings = StoredSettings{m.code, proposed, c.version + 1, call.by(), call.now()};
    std::vector<LoadError> errors;
    if (dry_run || changes.empty()) {
        Runtime& rt = call.runtime();
        auto loaded = load_config_over_store(rt.config.file, call.store(), &change);
        errors = loaded.errors;
        if (loaded.config)
            for (auto& e : check_config(*loaded.config)) errors.push_back(std::move(e));
    } else {
        errors = reload_with(call, change, "Instellingen gewijzigd",
                             fmt::format("{} (version {}, by {})", fmt::join(changes, "; "),
                                         c.version + 1, call.by()));
    }
    Proposed where{m.code, proposed, c.file, {}};
    if (!errors.empty()) {
        std::vector<LoadError> ignored;
        where.effective =
            effective_municipality_toml(c.file, change.settings, ignored).value_or("");
    }
    for (const auto& e : errors) problems.push_back(problem_json(e, where));
    if (!problems.empty()) return refused(problems, changes);

    json::array lines;
    for (const auto& line : changes) lines.emplace_back(line);
    if (dry_run || changes.empty()) {
        json::object answer{{"dry_run", dry_run},
                            {"changed", false},
                            {"version", c.version},
                            {"changes", std::move(lines)}};
        return json_response(200, answer);
    }
    json::object view = settings_view(current_settings(call, m.code), m.code);
    view["changed"] = true;
    view["dry_run"] = false;
    view["changes"] = std::move(lines);
    return call.written(view);
}

HttpResponse reset_settings(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = settings_municipality(call);
    const Current before = current_settings(call, m.code);
    if (!before.stored) {
        json::object view = settings_view(before, m.code);
        view["changed"] = false;
        return json_response(200, view);
    }
    SettingsReload change;
    change.drop = m.code;
    const auto errors = reload_with(
        call, change, "Instellingen teruggezet",
        fmt::format("the settings of {} come from {} again (stored version {} dropped, by {})",
                    m.code, before.file.filename().string(), before.version, call.by()));
    json::array problems;
    const Proposed where{m.code, "", before.file, {}};
    for (const auto& error : errors) problems.push_back(problem_json(error, where));
    if (!problems.empty()) return refused(problems, {});
    json::object view = settings_view(current_settings(call, m.code), m.code);
    view["changed"] = true;
    return call.written(view);
}

}  // namespace okod
