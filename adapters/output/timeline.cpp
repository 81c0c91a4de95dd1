#include "adapters/output/timeline.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "model/event_kind.hpp"
#include "model/personal_data.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

using ek = EventKind;

struct Phrases {
    const char* started;  // "started in state {}"
    const char* finished;
    const char* transition;  // "{} -> {}"
    const char* next_year;   // "{} continues into the next year"
    const char* created;     // "new task '{}' for {}"
    const char* deadline;    // ", due {}"
    const char* no_deadline;
    const char* done;  // "task '{}' done"
    const char* skipped;
    const char* overdue;   // "task '{}' overdue: notice to {}"
    const char* reminder;  // "reminder ({} days ahead) '{}' to {} as {}"
    const char* reminder_tomorrow;
    const char* reminder_today;
    const char* escalation;          // "escalation: '{}' {} days overdue, to {} as {}"
    const char* escalation_one_day;  // "escalation: '{}' 1 day overdue, to {} as {}"
    const char* vacancy;             // "vacancy: nobody holds role {} for '{}'"
    const char* alerted;             // "; alert to {}"
    const char* nobody_alerted;
    const char* event;
    const char* error;
    const char* by;
    const char* late;
    const char* undeliverable;  // "e-mail about '{}' to {} undeliverable: {}"
    const char* person_saved;   // "details of {} saved ({})"
    const char* role_assigned;  // "{} holds the role {} ({})"
    const char* leave;          // "{} leaves as {} ({})"
    const char* capacity;       // "capacity below the norm: {}"
    const char* rescheduled;    // "task '{}' rescheduled by {}: {}"
    const char* erased;         // "personal data of {} erased ({})"
};

constexpr Phrases kDutch{
    "gestart in fase '{}'",
    "afgerond",
    "fase '{}' → '{}'",
    "fase '{}' loopt door in het volgende jaar",
    "nieuwe taak '{}' voor {}",
    ", deadline {}",
    ", nog geen deadline",
    "taak '{}' afgerond",
    "taak '{}' overgeslagen",
    "taak '{}' is te laat: melding aan {}",
    "herinnering ({} dagen vooraf) '{}' aan {} als {}",
    "herinnering (1 dag vooraf) '{}' aan {} als {}",
    "herinnering (deadline vandaag) '{}' aan {} als {}",
    "escalatie: '{}' {} dagen te laat, aan {} als {}",
    "escalatie: '{}' 1 dag te laat, aan {} als {}",
    "vacature: niemand vervult de rol {} voor '{}'",
    "; melding aan {}",
    "; ook geen regisseur of stuurgroep om te waarschuwen",
    "gebeurtenis '{}' ontvangen",
    "fout: {}",
    " door {}",
    " (te laat verstuurd)",
    "e-mail over '{}' aan {} niet bezorgd: {}",
    "gegevens van {} opgeslagen ({})",
    "{} vervult de rol {} ({})",
    "{} vertrekt als {} ({})",
    "capaciteit onder de norm: {}",
    "taak '{}' verzet door {}: {}",
    "persoonsgegevens van {} gewist ({})",
};

constexpr Phrases kEnglish{
    "started in state '{}'",
    "finished",
    "state '{}' → '{}'",
    "state '{}' continues into the next year",
    "new task '{}' for {}",
    ", due {}",
    ", no deadline yet",
    "task '{}' done",
    "task '{}' skipped",
    "task '{}' is overdue: notice to {}",
    "reminder ({} days ahead) '{}' to {} as {}",
    "reminder (1 day ahead) '{}' to {} as {}",
    "reminder (due today) '{}' to {} as {}",
    "escalation: '{}' {} days overdue, to {} as {}",
    "escalation: '{}' 1 day overdue, to {} as {}",
    "vacancy: nobody holds role {} for '{}'",
    "; alert to {}",
    "; no project leader or steering group to alert either",
    "event '{}' received",
    "error: {}",
    " by {}",
    " (sent late)",
    "e-mail about '{}' to {} undeliverable: {}",
    "details of {} saved ({})",
    "{} holds the role {} ({})",
    "{} leaves as {} ({})",
    "capacity below the norm: {}",
    "task '{}' rescheduled by {}: {}",
    "personal data of {} erased ({})",
};

// The title and note with every {person:ID} shown as the name the store has now.
Event rendered(const Event& stored, const TimelineNames& n) {
    Event e = stored;
    const PersonNameOf name_of = [&n](const std::string& id) -> std::optional<std::string> {
        return n.person(id);
    };
    e.title = render_person_refs(e.title, name_of);
    e.note = render_person_refs(e.note, name_of);
    return e;
}

std::string describe(const Event& stored, const TimelineNames& n, Language l) {
    const Event e = rendered(stored, n);
    const Phrases& p = l == Language::en ? kEnglish : kDutch;
    const std::string role = n.role(e.role, l);
    const std::string person = n.person(e.person);
    const std::string late = e.note == "late" ? p.late : "";
    if (e.kind == ek::instance_started)
        return fmt::format(fmt::runtime(p.started), n.state(e.workflow, e.state, l));
    if (e.kind == ek::instance_finished) return p.finished;
    if (e.kind == ek::transition && e.from_state == e.state)
        return fmt::format(fmt::runtime(p.next_year), n.state(e.workflow, e.state, l));
    if (e.kind == ek::transition)
        return fmt::format(fmt::runtime(p.transition), n.state(e.workflow, e.from_state, l),
                           n.state(e.workflow, e.state, l));
    if (e.kind == ek::task_created) {
        std::string s = fmt::format(fmt::runtime(p.created), e.title, role);
        if (e.due)
            s += fmt::format(fmt::runtime(p.deadline), format_local_minutes(*e.due));
        else
            s += p.no_deadline;
        return s;
    }
    if (e.kind == ek::task_done || e.kind == ek::task_skipped) {
        std::string s =
            fmt::format(fmt::runtime(e.kind == ek::task_done ? p.done : p.skipped), e.title);
        if (!e.person.empty()) s += fmt::format(fmt::runtime(p.by), person);
        if (!e.note.empty()) s += fmt::format(" ({})", e.note);
        return s;
    }
    if (e.kind == ek::task_overdue) return fmt::format(fmt::runtime(p.overdue), e.title, role);
    if (e.kind == ek::reminder) {
        if (e.lead_days == 0)
            return fmt::format(fmt::runtime(p.reminder_today), e.title, person, role) + late;
        if (e.lead_days == 1)
            return fmt::format(fmt::runtime(p.reminder_tomorrow), e.title, person, role) + late;
        return fmt::format(fmt::runtime(p.reminder), e.lead_days, e.title, person, role) + late;
    }
    if (e.kind == ek::escalation && e.lead_days == 1)
        return fmt::format(fmt::runtime(p.escalation_one_day), e.title, person, role) + late;
    if (e.kind == ek::escalation)
        return fmt::format(fmt::runtime(p.escalation), e.title, e.lead_days, person, role) + late;
    if (e.kind == ek::vacancy)
        return fmt::format(fmt::runtime(p.vacancy), role, e.title) +
               (e.person.empty() ? std::string(p.nobody_alerted)
                                 : fmt::format(fmt::runtime(p.alerted), person));
    if (e.kind == ek::event_received) return fmt::format(fmt::runtime(p.event), e.note);
    if (e.kind == ek::error) return fmt::format(fmt::runtime(p.error), e.note);
    if (e.kind == ek::mail_undeliverable)
        return fmt::format(fmt::runtime(p.undeliverable), e.title, person, e.note);
    if (e.kind == ek::person_saved)
        return fmt::format(fmt::runtime(p.person_saved), person, e.note);
    if (e.kind == ek::role_assigned)
        return fmt::format(fmt::runtime(p.role_assigned), person, role, e.note);
    if (e.kind == ek::leave_announced)
        return fmt::format(fmt::runtime(p.leave), person, role, e.note);
    if (e.kind == ek::capacity_below_norm) return fmt::format(fmt::runtime(p.capacity), e.note);
    if (e.kind == ek::person_erased) return fmt::format(fmt::runtime(p.erased), person, e.note);
    if (e.kind == ek::task_rescheduled)
        return fmt::format(fmt::runtime(p.rescheduled), e.title, person, e.note);
    return std::string(to_string(e.kind));
}

}  // namespace

TimelineNames::TimelineNames(const DefinitionRegistry& definitions,
                             const std::vector<Municipality>& municipalities,
                             const std::vector<Person>& people)
    : definitions_(definitions) {
    for (const auto& m : municipalities) municipalities_[m.code] = m.name;
    for (const auto& p : people) people_[p.id] = p.name;
}

std::string TimelineNames::municipality(const std::string& code) const {
    auto it = municipalities_.find(code);
    return it == municipalities_.end() ? code : code + " " + it->second;
}

std::string TimelineNames::workflow(const std::string& id, Language l) const {
    const Definition* d = definitions_.latest(id);
    return d ? d->name.in(l) : id;
}

std::string TimelineNames::state(const std::string& workflow, const std::string& state,
                                 Language l) const {
    const Definition* d = definitions_.latest(workflow);
    const StateSpec* s = d ? d->state(state) : nullptr;
    return s ? s->name.in(l) : state;
}

std::string TimelineNames::role(const std::string& id, Language l) const {
    return definitions_.roles().name(id, l);
}

std::string TimelineNames::person(const std::string& id) const {
    auto it = people_.find(id);
    return it == people_.end() ? id : it->second;
}

std::string format_event_line(const Event& e, const TimelineNames& names, Language l) {
    return fmt::format(
        "{}  {}  {}  {}", format_local_minutes(e.at), names.municipality(e.municipality),
        e.workflow.empty() ? "-" : names.workflow(e.workflow, l), describe(e, names, l));
}

std::string format_event_json(const Event& stored, const TimelineNames& names) {
    const Event e = rendered(stored, names);
    boost::json::object o;
    o["time"] = format_iso_local(e.at);
    o["municipality"] = e.municipality;
    o["workflow"] = e.workflow;
    o["kind"] = std::string(to_string(e.kind));
    if (e.instance_id) o["instance"] = e.instance_id;
    if (!e.state.empty()) o["state"] = e.state;
    if (!e.from_state.empty()) o["from_state"] = e.from_state;
    if (!e.task.empty()) o["task"] = e.task;
    if (!e.title.empty()) o["title"] = e.title;
    if (!e.role.empty()) o["role"] = e.role;
    if (!e.person.empty()) o["person"] = e.person;
    if (e.due) o["due"] = format_iso_local(*e.due);
    if (e.lead_days >= 0) o["lead_days"] = e.lead_days;
    if (!e.note.empty()) o["note"] = e.note;
    return boost::json::serialize(o);
}

}  // namespace okod
