#pragma once
// Timers: the index the scheduler sleeps on.
#include <cstdint>
#include <optional>
#include <vector>

#include "model/instance.hpp"

namespace okod {

class TimerStore {
public:
    virtual ~TimerStore() = default;

    // Returns false (and changes nothing) when a timer with the same key exists: adding
    // a timer is idempotent, so that is an answer, not a refusal.
    virtual bool add_timer(const Timer& t) = 0;
    virtual std::optional<Timer> next_timer() = 0;                      // earliest (due, id)
    virtual std::vector<Timer> due_timers(Instant now, int limit) = 0;  // due <= now, in order
    virtual void delete_timer(std::int64_t id) = 0;
    virtual void delete_task_timers(TaskId task) = 0;
    virtual void delete_instance_timers(InstanceId instance) = 0;
    virtual std::int64_t timer_count() = 0;
};

}  // namespace okod
