#include "daemon/api/routes/task_history.hpp"

#include <boost/json.hpp>

#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "model/reschedule_note.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// A task's history is tens of lines; the bound only keeps a broken log from looping.
constexpr int kPage = 500;
constexpr int kMaxPages = 20;

json::value time_or_null(const std::optional<Instant>& t) {
    return t ? json::value(format_iso_local(*t)) : json::value(nullptr);
}

json::value text_or_null(const std::string& s) {
    return s.empty() ? json::value(nullptr) : json::value(s);
}

bool is_action(EventKind k) {
    return k == EventKind::task_done || k == EventKind::task_skipped ||
           k == EventKind::task_rescheduled || k == EventKind::task_reopened;
}

bool is_notice(EventKind k) {
    return k == EventKind::reminder || k == EventKind::escalation || k == EventKind::vacancy;
}

json::value entry(const Event& raw, const PersonNameOf& names) {
    const Event e = with_names(raw, names);
    json::object o{{"seq", e.seq},
                   {"at", format_iso_local(e.at)},
                   {"kind", std::string(to_string(e.kind))},
                   {"state", e.state},
                   {"role", e.role},
                   {"due", time_or_null(e.due)},
                   {"note", e.note},
                   {"by", nullptr},
                   {"by_name", nullptr},
                   {"sent_to", nullptr},
                   {"sent_to_name", nullptr},
                   {"reason", nullptr},
                   {"from", nullptr},
                   {"to", nullptr},
                   {"lead_days", e.lead_days >= 0 ? json::value(e.lead_days) : nullptr},
                   {"late", is_notice(e.kind) && e.note == "late"}};
    const auto name = [&](const std::string& id) {
        const auto n = id.empty() ? std::nullopt : names(id);
        return n ? json::value(*n) : json::value(nullptr);
    };
    if (is_action(e.kind)) {
        o["by"] = text_or_null(e.person);
        o["by_name"] = name(e.person);
    }
    if (is_notice(e.kind)) {
        o["sent_to"] = text_or_null(e.person);
        o["sent_to_name"] = name(e.person);
    }
    if (e.kind == EventKind::task_skipped || e.kind == EventKind::task_reopened)
        o["reason"] = text_or_null(e.note);
    if (e.kind == EventKind::task_rescheduled)
        if (const auto moved = parse_reschedule_note(e.note)) {
            o["reason"] = moved->reason;
            o["from"] = time_or_null(moved->from);
            o["to"] = format_iso_local(moved->to);
        }
    return o;
}

}  // namespace

json::value task_history(Store& store, const Task& t) {
    const auto names = person_names(store);
    json::array out;
    std::int64_t after = 0;
    for (int page = 0; page < kMaxPages; ++page) {
        const auto batch = store.events_of_task(t.instance_id, t.key, after, kPage);
        for (const auto& e : batch) out.push_back(entry(e, names));
        if (static_cast<int>(batch.size()) < kPage) break;
        after = batch.back().seq;
    }
    return json::object{{"task", t.id}, {"history", std::move(out)}};
}

}  // namespace okod
