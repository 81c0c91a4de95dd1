#include "daemon/outbox/welcome_context.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/person_record.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

std::string param(const Instance& i, const std::string& name) {
    auto it = i.params.find(name);
    return it == i.params.end() ? std::string() : it->second;
}

}  // namespace

WelcomeMailContext welcome_context(Store& store, const DefinitionRegistry& definitions,
                                   const OutboxItem& item, Date today,
                                   const std::string& public_url) {
    WelcomeMailContext c;
    c.item = item;
    const auto m = store.municipality(item.municipality);
    c.municipality_name = m ? m->name : item.municipality;
    const auto person = store.person(item.person_id);
    c.person_name = person ? person->name : item.person_id;

    // The hand-over of this role to them, and any other role the same leaver hands them.
    std::vector<Instance> handovers;
    for (auto& i : store.open_instances_of_municipality(item.municipality)) {
        const Definition* d = definitions.get(i.definition_id, i.definition_version);
        if (d && d->start.trigger == StartTrigger::role_leave &&
            param(i, std::string(kSuccessorParam)) == item.person_id)
            handovers.push_back(std::move(i));
    }
    const auto own = std::find_if(handovers.begin(), handovers.end(),
                                  [&](const Instance& i) { return param(i, "role") == item.role; });
    const std::string leaver = own == handovers.end() ? std::string() : param(*own, "leaver");
    std::vector<std::string> roles;
    for (const auto& i : handovers)
        if (param(i, "leaver") == leaver && !leaver.empty()) roles.push_back(param(i, "role"));
    if (roles.empty()) roles.push_back(item.role);
    for (const auto& role : roles) c.roles.push_back(definitions.roles().name(role, item.language));
    if (!leaver.empty()) {
        const auto left = store.person(leaver);
        c.leaver_name = left ? left->name : leaver;
        c.leave_date = parse_date(param(*own, "leave_date"));
    }

    TaskFilter f;
    f.municipality = item.municipality;
    f.statuses = std::vector<TaskStatus>{TaskStatus::open, TaskStatus::overdue};
    f.roles = roles;
    f.person_view = item.person_id;  // never the leaver's hand-over file
    f.limit = kWelcomeTasks;
    const auto names = person_names(store);
    for (const auto& t : store.tasks_matching(f))
        c.tasks.push_back({render_person_refs(t.title, names).in(item.language), t.due,
                           public_url.empty() ? std::string() : task_url(public_url, t.id)});
    if (!public_url.empty()) c.dashboard_url = public_url + "/";

    const auto regisseurs =
        store.holders_of_role(item.municipality, std::string(kRegisseurRole), today);
    if (!regisseurs.empty()) c.regisseur = {regisseurs.front().name, regisseurs.front().email};
    return c;
}

std::optional<std::string> welcome_obsolete(Store& store, const OutboxItem& item, Date today) {
    for (const auto& a : store.assignments_of_municipality(item.municipality))
        if (a.role == item.role && a.person_id == item.person_id &&
            (!a.until || date::sys_days{*a.until} >= date::sys_days{today}))
            return std::nullopt;
    return fmt::format("not sent: {} no longer takes over {}", item.person_id, item.role);
}

}  // namespace okod
