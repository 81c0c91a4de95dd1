#include "model/process_monitor.hpp"

#include <algorithm>

#include "time/amsterdam.hpp"

namespace okod {

namespace {

int days_between(Instant from, Instant to) {
    return static_cast<int>(
        (date::sys_days{local_date(to)} - date::sys_days{local_date(from)}).count());
}

ProcessStep judge(Task t, Instant now) {
    ProcessStep s;
    if (t.status == TaskStatus::skipped) {
        s.verdict = StepVerdict::skipped;
    } else if (t.status == TaskStatus::done) {
        const bool late = t.due && t.closed_at && *t.closed_at > *t.due;
        s.verdict = late ? StepVerdict::late : StepVerdict::on_time;
        if (late) s.days_late = std::max(1, days_between(*t.due, *t.closed_at));
    } else if (t.due && *t.due <= now) {
        s.verdict = StepVerdict::overdue;
        s.days_late = std::max(1, days_between(*t.due, now));
    } else {
        s.verdict = StepVerdict::open;
    }
    s.task = std::move(t);
    return s;
}

}  // namespace

std::string_view to_string(StepVerdict v) {
    switch (v) {
        case StepVerdict::on_time:
            return "on_time";
        case StepVerdict::late:
            return "late";
        case StepVerdict::open:
            return "open";
        case StepVerdict::overdue:
            return "overdue";
        case StepVerdict::skipped:
            return "skipped";
    }
    return "open";
}

std::string_view dutch_name(StepVerdict v) {
    switch (v) {
        case StepVerdict::on_time:
            return "op tijd";
        case StepVerdict::late:
            return "te laat";
        case StepVerdict::open:
            return "open";
        case StepVerdict::overdue:
            return "te laat (open)";
        case StepVerdict::skipped:
            return "overgeslagen";
    }
    return "open";
}

std::vector<ProcessStep> process_steps(std::vector<Task> tasks, Instant now) {
    std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
        if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
        if (a.due != b.due) return a.due < b.due;
        return a.id < b.id;
    });
    std::vector<ProcessStep> steps;
    steps.reserve(tasks.size());
    for (auto& t : tasks) steps.push_back(judge(std::move(t), now));
    return steps;
}

ProcessSummary summarize(const std::vector<ProcessStep>& steps) {
    ProcessSummary s;
    for (const auto& step : steps) {
        switch (step.verdict) {
            case StepVerdict::on_time:
                ++s.on_time;
                break;
            case StepVerdict::late:
                ++s.late;
                break;
            case StepVerdict::open:
                ++s.open;
                break;
            case StepVerdict::overdue:
                ++s.overdue;
                break;
            case StepVerdict::skipped:
                ++s.skipped;
                break;
        }
    }
    return s;
}

}  // namespace okod
