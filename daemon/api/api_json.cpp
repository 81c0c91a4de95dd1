#include "daemon/api/api_json.hpp"

#include "definition/roles.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace json = boost::json;

namespace {

json::value optional_time(const std::optional<Instant>& t) {
    return t ? json::value(format_iso_local(*t)) : json::value(nullptr);
}

}  // namespace

json::value to_json(const Municipality& m) {
    json::object o;
    o["code"] = m.code;
    o["name"] = m.name;
    o["school_region"] = m.school_region;
    o["trajectory_start"] = format_date(m.trajectory_start);
    o["trajectory_end"] = format_date(m.trajectory_end());
    o["cycle_years"] = m.cycle_years;
    o["language"] = std::string(to_string(m.language));
    json::array workflows;
    for (const auto& w : m.workflows) workflows.emplace_back(w);
    o["workflows"] = std::move(workflows);
    return o;
}

json::value to_json(const Instance& i) {
    json::object o;
    o["id"] = i.id;
    o["municipality"] = i.municipality;
    o["workflow"] = i.definition_id;
    o["version"] = i.definition_version;
    o["key"] = i.key;
    o["state"] = i.state;
    o["year"] = i.year_index;
    o["started_at"] = format_iso_local(i.started_at);
    o["finished_at"] = optional_time(i.finished_at);
    json::object params;
    for (const auto& [k, v] : i.params) params[k] = v;
    o["params"] = std::move(params);
    return o;
}

json::value to_json(const Task& t, const RoleCatalog& roles, Language l) {
    json::object o;
    o["id"] = t.id;
    o["instance_id"] = t.instance_id;
    o["municipality"] = t.municipality;
    o["workflow"] = t.workflow;
    o["key"] = t.key;
    o["state"] = t.state;
    o["title"] = {{"nl", t.title.nl}, {"en", t.title.en}};
    o["role"] = t.role;
    o["role_name"] = roles.name(t.role, l);
    o["person"] = t.person;
    o["due"] = optional_time(t.due);
    o["status"] = std::string(to_string(t.status));
    json::array remind;
    for (int d : t.remind_days) remind.emplace_back(d);
    o["remind_days"] = std::move(remind);
    o["created_at"] = format_iso_local(t.created_at);
    o["closed_at"] = optional_time(t.closed_at);
    o["closed_by"] = t.closed_by;
    o["note"] = t.note;
    return o;
}

json::value to_json(const Event& e) {
    json::object o;
    o["seq"] = e.seq;
    o["at"] = format_iso_local(e.at);
    o["municipality"] = e.municipality;
    o["instance_id"] = e.instance_id;
    o["workflow"] = e.workflow;
    o["kind"] = std::string(to_string(e.kind));
    o["state"] = e.state;
    o["from_state"] = e.from_state;
    o["task"] = e.task;
    o["title"] = e.title;
    o["role"] = e.role;
    o["person"] = e.person;
    o["due"] = optional_time(e.due);
    o["note"] = e.note;
    return o;
}

json::value to_json(const OutboxItem& x) {
    json::object o;
    o["id"] = x.id;
    o["key"] = x.key;
    o["status"] = std::string(to_string(x.status));
    o["attempts"] = x.attempts;
    o["kind"] = std::string(to_string(x.kind));
    o["municipality"] = x.municipality;
    o["task_id"] = x.task_id;
    o["role"] = x.role;
    o["person"] = x.person_id;
    o["recipient"] = x.recipient;
    o["language"] = std::string(to_string(x.language));
    o["lead_days"] = x.lead_days;
    o["late"] = x.late;
    o["created_at"] = format_iso_local(x.created_at);
    if (x.due) o["due"] = format_iso_local(*x.due);
    if (x.next_attempt_at) o["next_attempt_at"] = format_iso_local(*x.next_attempt_at);
    if (x.sent_at) o["sent_at"] = format_iso_local(*x.sent_at);
    o["last_error"] = x.last_error;
    if (x.digest_id) o["digest_id"] = *x.digest_id;
    return o;
}

json::value to_json(const Person& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"email", p.email},
            {"language", std::string(to_string(p.language))}};
}

json::value to_json(const RoleAssignment& a) {
    json::object o;
    o["id"] = a.id;
    o["municipality"] = a.municipality;
    o["role"] = a.role;
    o["person"] = a.person_id;
    o["from"] = format_date(a.from);
    o["until"] = a.until ? json::value(format_date(*a.until)) : json::value(nullptr);
    o["fte"] = a.fte ? json::value(*a.fte) : json::value(nullptr);
    return o;
}

}  // namespace okod
