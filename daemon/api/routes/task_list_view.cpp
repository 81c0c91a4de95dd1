#include "daemon/api/routes/task_list_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "daemon/api/api_error.hpp"
#include "model/text.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

constexpr std::size_t kMaxSearch = 200;

bool contains(std::string_view haystack, const std::string& needle) {
    return ascii_lower(haystack).find(needle) != std::string::npos;
}

// Midnight in Amsterdam starting the day `days` after `now`'s.
Instant midnight_after(Instant now, int days) {
    return at_local(add_days(local_date(now), days), TimeOfDay{0});
}

Instant next_monday(Instant now) {
    const auto weekday = date::weekday{date::sys_days{local_date(now)}}.iso_encoding();
    return midnight_after(now, 8 - static_cast<int>(weekday));
}

}  // namespace

void apply_task_view(TaskFilter& f, std::string_view view, Instant now) {
    const std::vector<TaskStatus> open{TaskStatus::open, TaskStatus::overdue};
    std::optional<Instant> before;
    if (view == "today")
        before = midnight_after(now, 1);
    else if (view == "week")
        before = next_monday(now);
    else if (view == "overdue")
        before = now;
    else if (view != "open" && view != "done")
        throw bad_request(fmt::format("view must be today, week, overdue, open or done, not '{}'",
                                      std::string(view)));
    const auto statuses =
        view == "done" ? std::vector<TaskStatus>{TaskStatus::done, TaskStatus::skipped} : open;
    if (f.status) {
        if (std::find(statuses.begin(), statuses.end(), *f.status) == statuses.end())
            throw bad_request(fmt::format("status {} is not in view {}: leave one of them out",
                                          to_string(*f.status), std::string(view)));
    } else {
        f.statuses = statuses;
    }
    if (before) f.due_before = f.due_before ? std::min(*f.due_before, *before) : *before;
}

TaskFilter::Search task_search(std::string_view q, const RoleCatalog& roles) {
    if (q.size() > kMaxSearch)
        throw bad_request(fmt::format("q may be {} characters at most", kMaxSearch));
    TaskFilter::Search s;
    s.text = ascii_lower(q);
    for (const auto& [id, name] : roles.roles)
        if (contains(id, s.text) || contains(name.nl, s.text) || contains(name.en, s.text))
            s.roles.push_back(id);
    return s;
}

}  // namespace okod
