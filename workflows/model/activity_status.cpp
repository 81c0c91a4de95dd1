#include "model/activity_status.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

int local_year(Instant t) { return static_cast<int>(local_date(t).year()); }

// The year a task belongs to in a year plan: that of its deadline, else of its creation.
int plan_year_of(const Task& t) { return local_year(t.due ? *t.due : t.created_at); }

bool selected(const Activity& a, const Task& t) {
    return std::any_of(a.tasks.begin(), a.tasks.end(), [&](const TaskSelector& s) {
        return s.workflow == t.workflow && s.task == t.spec_id;
    });
}

// Picks the Dutch or the English wording.
struct Words {
    bool en = false;
    const char* operator()(const char* nl, const char* english) const { return en ? english : nl; }
};

struct Derived {
    TrafficLight light = TrafficLight::rood;
    std::string remark;
    StatusSource source = StatusSource::derived;
    int linked = 0;
    int done = 0;
};

Derived derive(const Activity& a, int year, const std::vector<Task>& tasks, Instant now,
               Language language) {
    const Words w{language == Language::en};
    if (a.tasks.empty())
        return {TrafficLight::rood, w("nog geen status", "no status yet"), StatusSource::none, 0,
                0};
    int linked = 0, done = 0, skipped = 0, late = 0, running = 0;
    std::optional<Instant> next_due, first_missed;
    for (const auto& t : tasks) {
        if (!selected(a, t) || plan_year_of(t) != year) continue;
        ++linked;
        if (t.status == TaskStatus::done)
            ++done;
        else if (t.status == TaskStatus::skipped)
            ++skipped;
        else if (t.status == TaskStatus::overdue || (t.due && *t.due <= now)) {
            ++late;
            if (t.due && (!first_missed || *t.due < *first_missed)) first_missed = t.due;
        } else {
            ++running;
            if (t.due && (!next_due || *t.due < *next_due)) next_due = t.due;
        }
    }
    Derived d{TrafficLight::rood, {}, StatusSource::derived, linked, done};
    if (linked == 0) {
        if (now < at_local(Date{date::year{year} / 1 / 1}, TimeOfDay{0})) {
            d.light = TrafficLight::oranje;
            d.remark = fmt::format(
                fmt::runtime(w("gepland: {} is nog niet begonnen", "planned: {} has not begun")),
                year);
        } else {
            d.remark = fmt::format(fmt::runtime(w("nog niet gestart: nog geen taak in {}",
                                                  "not started: no task in {} yet")),
                                   year);
        }
        return d;
    }
    const auto missed = [&] {
        return first_missed ? fmt::format(" (deadline {})", format_date(local_date(*first_missed)))
                            : std::string();
    };
    std::vector<std::string> rest;  // what keeps it from groen
    if (late > 0)
        rest.push_back(fmt::format(fmt::runtime(w("{} te laat{}", "{} late{}")), late, missed()));
    if (running > 0)
        rest.push_back(fmt::format(fmt::runtime(w("{} loopt nog", "{} still running")), running));
    if (skipped > 0)
        rest.push_back(fmt::format(fmt::runtime(w("{} overgeslagen", "{} skipped")), skipped));
    const std::string detail = rest.empty() ? "" : fmt::format("; {}", fmt::join(rest, ", "));

    if (done == linked) {
        d.light = TrafficLight::groen;
        d.remark =
            linked == 1
                ? w("taak gedaan", "task done")
                : fmt::format(fmt::runtime(w("alle {} taken gedaan", "all {} tasks done")), linked);
    } else if (done > 0) {
        d.light = TrafficLight::oranje;
        d.remark =
            fmt::format(fmt::runtime(w("{} van {} {} gedaan{}", "{} of {} {} done{}")), done,
                        linked, linked == 1 ? w("taak", "task") : w("taken", "tasks"), detail);
    } else if (late > 0) {
        d.light = TrafficLight::rood;
        d.remark = fmt::format(fmt::runtime(w("niets gedaan{}", "nothing done{}")), detail);
    } else if (running > 0) {
        d.light = TrafficLight::oranje;
        d.remark =
            next_due ? fmt::format(
                           fmt::runtime(w("loopt: {} open, eerstvolgende deadline {}{}",
                                          "running: {} open, next deadline {}{}")),
                           running, format_date(local_date(*next_due)),
                           skipped > 0
                               ? fmt::format(fmt::runtime(w("; {} overgeslagen", "; {} skipped")),
                                             skipped)
                               : "")
                     : fmt::format(fmt::runtime(w("loopt: {} open", "running: {} open")), running);
    } else {
        d.light = TrafficLight::rood;
        d.remark =
            linked == 1
                ? w("taak overgeslagen", "task skipped")
                : fmt::format(fmt::runtime(w("alle {} taken overgeslagen", "all {} tasks skipped")),
                              linked);
    }
    return d;
}

}  // namespace

std::optional<TrafficLight> parse_traffic_light(std::string_view text) {
    for (auto l : {TrafficLight::groen, TrafficLight::oranje, TrafficLight::rood})
        if (to_string(l) == text) return l;
    return std::nullopt;
}

std::string_view to_string(StatusSource s) {
    switch (s) {
        case StatusSource::derived:
            return "derived";
        case StatusSource::manual:
            return "manual";
        case StatusSource::none:
            return "none";
    }
    return "none";
}

ActivityStatus status_of(const Activity& activity, int year, const std::vector<Task>& tasks,
                         const std::optional<ActivityOverride>& override_, Instant now,
                         Language language) {
    const Derived d = derive(activity, year, tasks, now, language);
    ActivityStatus s;
    s.light = s.derived_light = d.light;
    s.remark = s.derived_remark = d.remark;
    s.source = d.source;
    s.linked_tasks = d.linked;
    s.done_tasks = d.done;
    if (override_) {
        s.light = override_->light;
        s.remark = override_->remark;
        s.source = StatusSource::manual;
        s.manual = override_;
    }
    return s;
}

void LightCounts::add(TrafficLight l) {
    switch (l) {
        case TrafficLight::groen:
            ++groen;
            break;
        case TrafficLight::oranje:
            ++oranje;
            break;
        case TrafficLight::rood:
            ++rood;
            break;
    }
}

YearOverview year_overview(const YearPlan& plan, const std::vector<Task>& tasks,
                           const std::vector<ActivityOverride>& overrides, Instant now,
                           Language language) {
    YearOverview o;
    o.municipality = plan.municipality;
    o.year = plan.year;
    for (const auto& w : plan.workgroups) {
        WorkgroupOverview wo;
        wo.workgroup = w;
        for (const auto& a : plan.activities) {
            if (a.workgroup != w.id) continue;
            std::optional<ActivityOverride> manual;
            for (const auto& ov : overrides)
                if (ov.municipality == plan.municipality && ov.year == plan.year &&
                    ov.activity == a.id)
                    manual = ov;
            ActivityLine line{a, status_of(a, plan.year, tasks, manual, now, language)};
            wo.counts.add(line.status.light);
            o.counts.add(line.status.light);
            wo.activities.push_back(std::move(line));
        }
        o.workgroups.push_back(std::move(wo));
    }
    return o;
}

}  // namespace okod
