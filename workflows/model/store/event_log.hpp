#pragma once
// The append-only event log: every transition, task change and command, in seq order.
#include <cstdint>
#include <string>
#include <vector>

#include "model/instance.hpp"

namespace okod {

class EventLog {
public:
    virtual ~EventLog() = default;

    virtual std::int64_t append_event(const Event& e) = 0;  // returns seq
    // Keyset paging: at most `limit` events with seq > `seq`, in seq order.
    virtual std::vector<Event> events_after(std::int64_t seq, int limit) = 0;
    // Keyset paging within one municipality's events, or one instance's (an index each):
    // at most `limit` of them with seq > `seq`, in seq order. They cost what that
    // municipality's or instance's history costs, never the whole log.
    virtual std::vector<Event> events_of_municipality(const std::string& code, std::int64_t seq,
                                                      int limit) = 0;
    virtual std::vector<Event> events_of_instance(InstanceId instance, std::int64_t seq,
                                                  int limit) = 0;
    // One task's lines (task_created, task_done, reminder, ...: those whose `task` is its
    // key) within its instance's, in seq order from after `seq`, at most `limit`: read
    // through the instance's index, so they cost what the instance's history costs.
    virtual std::vector<Event> events_of_task(InstanceId instance, const std::string& task_key,
                                              std::int64_t seq, int limit) = 0;
    virtual std::int64_t last_event_seq() = 0;  // 0 when the log is empty
    virtual std::int64_t count_events_after(std::int64_t seq) = 0;
    // Unbounded: reads the whole log. Lines about the person (`person` is their id) or
    // with one of `texts` in their title or note, in seq order; for rare requests (the
    // export of someone's personal data).
    virtual std::vector<Event> events_naming(const std::string& person_id,
                                             const std::vector<std::string>& texts) = 0;
};

}  // namespace okod
