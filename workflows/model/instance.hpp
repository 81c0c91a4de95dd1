#pragma once
// Running workflow instances, their tasks, the timers the engine waits on, the
// append-only event log, and the outbox of messages to send.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/event_kind.hpp"
#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

using InstanceId = std::int64_t;
using TaskId = std::int64_t;

// One definition running for one municipality. `key` distinguishes repeated
// instances of the same definition (the cycle that starts in 2024 has key "2024").
struct Instance {
    InstanceId id = 0;
    std::string municipality;
    std::string definition_id;
    int definition_version = 0;  // pinned at start: later versions never apply
    std::string key;
    std::string state;
    int year_index = 1;  // current year of the instance, 1-based
    Date year_one{};     // first day of year 1
    Instant started_at{};
    std::optional<Instant> finished_at;
    std::int64_t state_entry = 0;          // bumps on each transition; stale timers check it
    std::map<std::string, Instant> marks;  // named moments: "entered", "<task>.done", events
    std::map<std::string, std::vector<std::string>> lists;  // fan-out inputs, frozen at start
    // What a triggered instance is about, set when it starts: for a warm hand-over the
    // role and the person leaving, for an election playbook the election day. Values
    // that are ISO dates are named moments for the due rules.
    std::map<std::string, std::string> params;
};

enum class TaskStatus { open, done, skipped, overdue };
std::string_view to_string(TaskStatus s);
std::optional<TaskStatus> parse_task_status(std::string_view text);
inline bool is_closed(TaskStatus s) { return s == TaskStatus::done || s == TaskStatus::skipped; }

struct Escalation {
    int after_days = 0;   // overdue for this many days ...
    std::string to_role;  // ... then tell this role
    friend bool operator==(const Escalation&, const Escalation&) = default;
};

struct Task {
    TaskId id = 0;
    InstanceId instance_id = 0;
    std::string municipality;
    std::string workflow;          // definition id, denormalised for listing
    std::string spec_id;           // task id in the definition
    std::string key;               // spec_id, or spec_id#n for fan-out item n
    std::string state;             // state that created it
    std::int64_t state_entry = 0;  // the instance's state_entry when it was created
    Text title;
    std::string role;
    // A task addressed to one person, not to every holder of `role` (a leaver's
    // hand-over file): the person's id, or empty. They hold `role` while it is theirs;
    // once they hold it no more, the engine hands it on (Step::hand_on_personal_tasks).
    std::string person;
    std::string item;  // fan-out item text, empty otherwise
    std::optional<Instant> due;
    TaskStatus status = TaskStatus::open;
    std::vector<int> remind_days;
    std::optional<Escalation> escalation;
    Instant created_at{};
    std::optional<Instant> closed_at;
    std::string closed_by;
    std::string note;
    int revision = 0;                   // how often the deadline was moved
    std::optional<Instant> revised_at;  // when it was last moved
};

// capacity_check: the day after someone leaves, the capacity norm is checked again.
enum class TimerKind { start_instance, reminder, task_due, escalation, transition, capacity_check };
std::string_view to_string(TimerKind k);
std::optional<TimerKind> parse_timer_kind(std::string_view text);

// Something the engine must do at `due`. The store keeps these in an index ordered by
// (due, id) so the scheduler only ever needs the earliest one.
struct Timer {
    std::int64_t id = 0;
    Instant due{};
    TimerKind kind = TimerKind::task_due;
    std::string municipality;
    std::string definition_id;     // start_instance
    std::string instance_key;      // start_instance: key of the instance to start
    InstanceId instance_id = 0;    // transition
    TaskId task_id = 0;            // reminder, task_due, escalation
    int lead_days = 0;             // reminder
    int transition_index = -1;     // transition
    std::int64_t state_entry = 0;  // transition: only fires if still in that entry
    std::string key;               // unique: scheduling the same thing twice is a no-op
};

// One line of the append-only audit log.
struct Event {
    std::int64_t seq = 0;
    Instant at{};
    std::string municipality;
    InstanceId instance_id = 0;
    std::string workflow;
    EventKind kind = EventKind::error;
    std::string state;
    std::string from_state;
    std::string task;   // task key
    std::string title;  // Dutch task title, for readable logs
    std::string role;
    std::string person;  // person id
    std::optional<Instant> due;
    int lead_days = -1;
    std::string note;
};

// pending: still to go (or being retried); sent: the server accepted it; dead: refused for
// good (5xx, no address), until `okoctl outbox retry`; obsolete: not sent because its
// task was closed (done, skipped) before it could be delivered, last_error says so.
enum class OutboxStatus { pending, sent, dead, obsolete };
std::string_view to_string(OutboxStatus s);
std::optional<OutboxStatus> parse_outbox_status(std::string_view text);

// What a message is about: a deadline coming (reminder), passed (overdue), passed
// long enough to tell someone else (escalation), or nobody holding the role it was for
// (vacancy, to the regisseur or steering group); or a one-time sign-in link a person asked
// for (sign_in: no task, no municipality); or the welcome of a successor in a warm
// hand-over (welcome: no task; `role` is the role taken over). The names are stored and shown (API,
// okoctl outbox); a stored name not listed is an error where it is read, as for
// OutboxStatus: no migration ever wrote another.
enum class OutboxKind { reminder, overdue, escalation, vacancy, sign_in, welcome };
std::string_view to_string(OutboxKind k);
std::optional<OutboxKind> parse_outbox_kind(std::string_view text);

// A message the engine decided to send, written in the same transaction as the step
// that caused it. `key` makes it idempotent: (task, kind, due, recipient).
struct OutboxItem {
    std::int64_t id = 0;
    std::string key;
    Instant created_at{};
    std::string municipality;
    TaskId task_id = 0;
    OutboxKind kind = OutboxKind::reminder;
    std::string role;       // the role addressed
    std::string person_id;  // the holder it resolved to when it fell due
    std::string recipient;  // e-mail address at that moment
    Language language = Language::nl;
    int lead_days = -1;
    std::optional<Instant> due;
    bool late = false;  // fell due while okod was down
    OutboxStatus status = OutboxStatus::pending;
    int attempts = 0;
    std::optional<Instant> next_attempt_at;
    std::string last_error;
    std::optional<Instant> sent_at;
    // The row whose mail carries this one when it goes in a digest (one mail for a
    // person's reminders of one day, daemon/outbox/outbox_digest.cpp); unset: its own.
    std::optional<std::int64_t> digest_id;
};

}  // namespace okod
