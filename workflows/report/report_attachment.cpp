#include "report/report_attachment.hpp"

#include <optional>

#include "report/report_year.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

bool is_report_task(const Definition& d, const std::string& spec_id) {
    for (const auto& state : d.states)
        for (const auto& spec : state.tasks)
            if (spec.id == spec_id && spec.report) return true;
    return false;
}

}  // namespace

bool gets_annual_report(const OutboxItem& item, const Task& task, const Definition& definition) {
    if (item.kind != OutboxKind::reminder && item.kind != OutboxKind::overdue) return false;
    const StateSpec* state = definition.state(task.state);
    if (!state) return false;
    for (const auto& spec : state->tasks)
        if (spec.id == task.spec_id && spec.attach == TaskAttachment::annual_report) return true;
    return false;
}

int attached_report_year(const Task& task, const Definition& definition,
                         const std::vector<Task>& instance_tasks, Instant now) {
    std::optional<Instant> deliverable = task.due;
    for (const auto& t : instance_tasks)
        if (t.due && (!deliverable || *t.due > *deliverable) &&
            is_report_task(definition, t.spec_id))
            deliverable = t.due;
    return annual_report_year(local_date(deliverable.value_or(now)));
}

}  // namespace okod
