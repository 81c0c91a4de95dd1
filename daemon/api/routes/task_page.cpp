#include "daemon/api/routes/task_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "daemon/api/api_error.hpp"

namespace okod {
namespace {

// Reads per page at most: the store filters by role already, so one is the rule.
constexpr int kMaxReads = 8;

std::optional<std::int64_t> whole_number(std::string_view text) {
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return n;
}

}  // namespace

TaskPage visible_tasks_page(TaskStore& store, TaskFilter f, int limit,
                            const std::function<bool(const Task&)>& visible) {
    TaskPage page;
    f.limit = limit + 1;  // the one more says whether a next page exists
    for (int read = 0; read < kMaxReads; ++read) {
        auto batch = store.tasks_matching(f);
        for (auto& t : batch) {
            if (!visible(t)) continue;
            if (static_cast<int>(page.tasks.size()) == limit) {
                page.next_after = position_of(page.tasks.back());
                return page;
            }
            page.tasks.push_back(std::move(t));
        }
        if (static_cast<int>(batch.size()) < *f.limit) return page;
        f.after = position_of(batch.back());
    }
    page.next_after = f.after;
    return page;
}

std::vector<std::string> roles_within(std::vector<std::string> person_roles,
                                      const std::optional<std::vector<std::string>>& visible) {
    if (!visible) return person_roles;
    std::erase_if(person_roles, [&](const std::string& role) {
        return std::find(visible->begin(), visible->end(), role) == visible->end();
    });
    return person_roles;
}

std::string task_cursor(const TaskPosition& p) {
    return p.due ? fmt::format("{}.{}", p.due->time_since_epoch().count(), p.id)
                 : fmt::format("n.{}", p.id);
}

TaskPosition parse_task_cursor(const std::string& text) {
    const auto dot = text.rfind('.');
    const std::string_view all(text);
    if (dot != std::string::npos) {
        const auto id = whole_number(all.substr(dot + 1));
        const auto due_part = all.substr(0, dot);
        if (id && due_part == "n") return {std::nullopt, *id};
        if (const auto due = whole_number(due_part); id && due)
            return {Instant{std::chrono::seconds{*due}}, *id};
    }
    throw bad_request(fmt::format(
        "after must be the next_after of the page before, e.g. '1774962000.42', not '{}'", text));
}

}  // namespace okod
