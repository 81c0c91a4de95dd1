#pragma once
// The tasks the engine hands out, and the questions it asks about them per step.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/store/store_refusal.hpp"

namespace okod {

// A task's place in the order tasks_matching answers in: by due (none last), then id.
// A page of tasks ends at one; the next page starts after it (keyset paging).
struct TaskPosition {
    std::optional<Instant> due;
    TaskId id = 0;
    bool operator==(const TaskPosition&) const = default;
};

inline TaskPosition position_of(const Task& t) { return {t.due, t.id}; }

struct TaskFilter {
    std::optional<std::string> municipality;
    std::optional<InstanceId> instance_id;
    std::optional<std::string> role;
    std::optional<TaskStatus> status;
    // The task's status is one of these: a view ("open" is open or overdue).
    std::optional<std::vector<TaskStatus>> statuses;
    // A search: `text` (lower case) in the title, Dutch or English, or in the item, in
    // ASCII case-insensitive; or the task's role is one of `roles` (those whose names
    // match, which the caller knows and the store does not).
    struct Search {
        std::string text;
        std::vector<std::string> roles;
    };
    std::optional<Search> search;
    std::optional<Instant> due_before;    // due < due_before
    std::optional<Instant> due_after;     // due >= due_after
    std::optional<Instant> closed_after;  // done or skipped at or after this moment
    // The task's role is one of these (an empty list: no task): the roles a person holds.
    std::optional<std::vector<std::string>> roles;
    // What this person's list shows: no task addressed to somebody else personally (a
    // leaver's hand-over file is not their successor's, though both hold the role a while).
    std::optional<std::string> person_view;
    std::optional<TaskPosition> after;  // only the tasks that come after this place
    std::optional<int> limit;           // at most this many, the first in the order
};

class TaskStore {
public:
    virtual ~TaskStore() = default;

    virtual TaskId insert_task(const Task& t) = 0;
    // The row with t.id; throws StoreRefusal (not_found) when there is none.
    virtual void update_task(const Task& t) = 0;
    virtual std::optional<Task> task(TaskId id) = 0;
    // Ordered by due (none last), then id. Bounded by f.municipality or f.instance_id
    // when the caller sets one; without either it reads every task of every
    // municipality (tests, the demo), which issue 18 makes impossible.
    virtual std::vector<Task> tasks_matching(const TaskFilter& f) = 0;
    // The bounded reads by name: tasks_matching with the bound set (over any other field
    // of `f`). Issue 18's read path (keyset paging per municipality) starts from these.
    std::vector<Task> tasks_of_municipality(const std::string& municipality, TaskFilter f = {}) {
        f.municipality = municipality;
        return tasks_matching(f);
    }
    std::vector<Task> tasks_of_instance(InstanceId instance, TaskFilter f = {}) {
        f.instance_id = instance;
        return tasks_matching(f);
    }
    // The engine's two questions per step, answered without reading whole tasks: does
    // the instance have a task with this key; does it have one, made in state entry
    // `state_entry`, that is neither done nor skipped.
    virtual bool task_key_taken(InstanceId instance, const std::string& key) = 0;
    virtual bool has_open_task(InstanceId instance, std::int64_t state_entry) = 0;
};

}  // namespace okod
