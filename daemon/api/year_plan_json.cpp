#include "daemon/api/year_plan_json.hpp"

#include <boost/json.hpp>

#include "time/amsterdam.hpp"

namespace okod {

boost::json::object to_json(const ActivityLine& line, Language language) {
    const Activity& a = line.activity;
    const ActivityStatus& st = line.status;
    boost::json::array tasks;
    for (const auto& s : a.tasks) tasks.emplace_back(to_string(s));
    return {
        {"id", a.id},
        {"workgroup", a.workgroup},
        {"title", a.title.in(language)},
        {"tasks", std::move(tasks)},
        {"plan_remark", a.remark},
        {"light", to_string(st.light)},
        {"remark", st.remark},
        {"source", to_string(st.source)},
        {"derived_light", to_string(st.derived_light)},
        {"derived_remark", st.derived_remark},
        {"linked_tasks", st.linked_tasks},
        {"done_tasks", st.done_tasks},
        {"set_by", st.manual ? boost::json::value(st.manual->set_by) : nullptr},
        {"set_at", st.manual ? boost::json::value(format_iso_local(st.manual->set_at)) : nullptr}};
}

boost::json::object to_json(const LightCounts& n) {
    return {{"groen", n.groen}, {"oranje", n.oranje}, {"rood", n.rood}, {"total", n.total()}};
}

boost::json::array workgroups_json(const YearOverview& overview, Language language) {
    boost::json::array out;
    for (const auto& w : overview.workgroups) {
        boost::json::array goals, activities;
        for (const auto& g : w.workgroup.goals) goals.emplace_back(g.in(language));
        for (const auto& line : w.activities) activities.push_back(to_json(line, language));
        out.push_back(boost::json::object{{"id", w.workgroup.id},
                                          {"name", w.workgroup.name.in(language)},
                                          {"goals", std::move(goals)},
                                          {"counts", to_json(w.counts)},
                                          {"activities", std::move(activities)}});
    }
    return out;
}

boost::json::object to_json(const DraftDecision& d, Language language) {
    return {{"activity", d.activity},           {"workgroup", d.workgroup},
            {"title", d.title.in(language)},    {"light", to_string(d.light)},
            {"status_remark", d.status_remark}, {"reason", to_string(d.reason)},
            {"carried", d.carried()},           {"remark", d.remark}};
}

}  // namespace okod
