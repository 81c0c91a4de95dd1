#include "adapters/report/annual_report_document.hpp"

#include "adapters/report/report_words.hpp"
#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

#include <fmt/format.h>

namespace okod {

namespace {

using report_words::Words;

std::string mark_of(const ProcessStep& s) {
    switch (s.verdict) {
        case StepVerdict::on_time: return "groen";
        case StepVerdict::late:
        case StepVerdict::open: return "oranje";
        case StepVerdict::overdue:
        case StepVerdict::skipped: return "rood";
    }
    return "";
}

DocSection position(const AnnualReport& r, const Words& w) {
    DocSection s{w("Positie in de cyclus", "Position in the cycle"), {}, false};
    s.blocks.push_back(DocParagraph{fmt::format(
        "{} {} {} {}.", w("Het implementatietraject loopt van", "The implementation trajectory runs from"),
        report_words::long_date(r.trajectory_start, r.language), w("tot en met", "to"),
        report_words::long_date(r.trajectory_end, r.language))});
    DocTable t{{w("Werkproces", "Workflow"), w("Stap", "Step"), w("Gestart", "Started")}, {}, {}};
    for (const auto& p : r.position)
        t.rows.push_back({p.workflow_name, p.state_name, report_words::long_date(local_date(p.started), r.language)});
    if (t.rows.empty())
        s.blocks.push_back(DocParagraph{w("Er loopt geen werkproces.", "No workflow is running.")});
    else
        s.blocks.push_back(std::move(t));
    return s;
}

DocSection year_in_review(const AnnualReport& r, const Words& w) {
    DocSection s{fmt::format("{} {}", w("Wat er gebeurde in", "What happened in"), r.year), {}, false};
    const auto& c = r.counts;
    s.blocks.push_back(DocList{{
        fmt::format("{}: {} {}, {} {}", w("Taken afgerond", "Tasks completed"), c.tasks_done_on_time,
                    w("op tijd", "on time"), c.tasks_done_late, w("te laat", "late")),
        fmt::format("{}: {}", w("Overgeslagen taken", "Tasks skipped"), c.tasks_skipped),
        fmt::format("{}: {}", w("Taken met een deadline in dit jaar die nog openstaan",
                                "Tasks due this year that are still open"),
                    c.overdue_open),
        fmt::format("{}: {} {}, {} {}", w("Herinneringen verstuurd", "Reminders sent"), c.reminders,
                    w("herinneringen", "reminders"), c.escalations, w("escalaties", "escalations")),
        fmt::format("{}: {}", w("Vacaturemeldingen", "Vacancy alerts"), c.vacancies),
        fmt::format("{}: {}", w("Gestarte werkprocessen", "Workflows started"), c.instances_started),
    }});
    if (!r.transitions.empty()) {
        DocTable t{{w("Datum", "Date"), w("Werkproces", "Workflow"), w("Van", "From"), w("Naar", "To")}, {}, {}};
        for (const auto& tr : r.transitions)
            t.rows.push_back({report_words::long_date(local_date(tr.at), r.language), tr.workflow_name, tr.from_state,
                              tr.to_state});
        s.blocks.push_back(DocParagraph{w("De stappen die dit jaar zijn gezet (uit het logboek van okod):",
                                          "The steps taken this year (from okod's event log):")});
        s.blocks.push_back(std::move(t));
    }
    return s;
}

DocSection process_monitor(const AnnualReport& r, const Words& w) {
    DocSection s{w("Procesmonitor implementatietraject", "Process monitor of the implementation trajectory"), {}, false};
    if (r.trajectory_steps.empty()) {
        s.blocks.push_back(DocParagraph{w("Dit jaar vielen geen stappen van het implementatietraject.",
                                          "No step of the implementation trajectory fell in this year.")});
        return s;
    }
    DocTable t{{w("Stap", "Step"), w("Deadline", "Deadline"), w("Gedaan", "Done"), w("Oordeel", "Verdict")}, {}, {}};
    for (const auto& step : r.trajectory_steps) {
        t.rows.push_back({step.task.title.in(r.language),
                          step.task.due ? report_words::date_time(*step.task.due, r.language) : "–",
                          step.task.closed_at && step.task.status == TaskStatus::done
                              ? report_words::long_date(local_date(*step.task.closed_at), r.language)
                              : "–",
                          report_words::verdict(step, r.language)});
        t.marks.push_back(mark_of(step));
    }
    s.blocks.push_back(std::move(t));
    return s;
}

DocSection success_conditions(const AnnualReport& r, const Words& w) {
    DocSection s{w("Succesvoorwaarden", "Success conditions"), {}, true};
    std::vector<std::string> items;
    const Capacity& c = r.capacity;
    if (!c.recorded)
        items.push_back(w("Capaciteit: er is geen fte vastgelegd.", "Capacity: no FTE recorded."));
    else
        items.push_back(fmt::format("{}: {} fte ({} {}), {} {} fte ({} {}){}", w("Capaciteit", "Capacity"),
                                    format_fte(c.total), w("norm", "norm"), format_fte(c.norm.total_fte),
                                    w("waarvan regisseur", "of which the project leader"), format_fte(c.regisseur),
                                    w("norm", "norm"), format_fte(c.norm.regisseur_fte),
                                    c.below_norm() ? w(": onder de norm", ": below the norm") : ""));
    items.push_back(r.has_wethouder
                        ? w("Bestuurlijk draagvlak: een wethouder is ambassadeur.",
                            "Administrative support: an alderman is the ambassador.")
                        : w("Bestuurlijk draagvlak: er is geen wethouder als ambassadeur.",
                            "Administrative support: no alderman is the ambassador."));
    if (r.vacancies.empty()) {
        items.push_back(w("Alle rollen zijn bezet.", "Every role is held."));
    } else {
        std::string names;
        for (const auto& v : r.vacancies) names += (names.empty() ? "" : ", ") + v.role_name;
        items.push_back(fmt::format("{}: {}", w("Vacatures", "Vacancies"), names));
    }
    s.blocks.push_back(DocList{items});
    if (!r.budget_lines.empty()) {
        DocTable t{{w("Budget", "Budget"), w("Bedrag per jaar", "Amount per year"), w("Loopt tot en met", "Runs until")},
                   {},
                   {}};
        for (const auto& b : r.budget_lines) {
            const std::string note = b.ended                ? w(" (beëindigd)", " (ended)")
                                     : b.ends_within_a_year ? w(" (eindigt binnen een jaar)", " (ends within a year)")
                                                            : "";
            t.rows.push_back({b.line.name, b.line.amount ? report_words::money(*b.line.amount, r.language) : "–",
                              report_words::long_date(b.line.until, r.language) + note});
            t.marks.push_back(b.ended ? "rood" : b.ends_within_a_year ? "oranje" : "groen");
        }
        s.blocks.push_back(std::move(t));
    }
    return s;
}

DocTable deadline_table(const std::vector<ReportDeadline>& list, const AnnualReport& r, const Words& w) {
    DocTable t{{w("Deadline", "Deadline"), w("Wat", "What"), w("Rol", "Role")}, {}, {}};
    for (const auto& d : list)
        t.rows.push_back({report_words::date_time(d.due, r.language),
                          d.report ? d.title + w(" (rapportage)", " (report)") : d.title, d.role_name});
    return t;
}

DocSection upcoming(const AnnualReport& r, const Words& w) {
    DocSection s{w("Komende deadlines", "Deadlines ahead"), {}, false};
    std::vector<std::string> items{fmt::format("{}: {}", w("Gemeenteraadsverkiezingen", "Municipal council elections"),
                                               report_words::long_date(r.next_election, r.language))};
    items.push_back(r.next_survey_year
                        ? fmt::format("{}: {}", w("Volgende afname jeugdmonitor", "Next youth survey"), *r.next_survey_year)
                        : w("Er is geen afname van de jeugdmonitor gepland in de komende vier jaar.",
                            "No youth survey is planned in the next four years."));
    s.blocks.push_back(DocList{items});
    if (r.upcoming.empty())
        s.blocks.push_back(DocParagraph{w("Er staan geen taken gepland.", "No tasks are scheduled.")});
    else
        s.blocks.push_back(deadline_table(r.upcoming, r, w));
    return s;
}

DocSection draft_plan(const AnnualReport& r, const Words& w) {
    DocSection s{fmt::format("{} {}", w("Concept-jaarplan", "Draft plan for"), r.year + 1), {}, true};
    s.blocks.push_back(DocParagraph{w(
        "Wat de cyclus volgend jaar inplant, en wat dit jaar niet op tijd is gelukt. Het kernteam vult het aan "
        "en stelt het vast.",
        "What the cycle schedules next year, and what was not done on time this year. The core team completes "
        "and adopts it.")});
    std::vector<std::string> carried;
    for (const auto& step : r.trajectory_steps)
        if (step.verdict == StepVerdict::overdue)
            carried.push_back(fmt::format("{} ({})", step.task.title.in(r.language), report_words::verdict(step, r.language)));
    if (!carried.empty()) {
        s.blocks.push_back(DocParagraph{w("Overgenomen uit dit jaar:", "Carried over from this year:")});
        s.blocks.push_back(DocList{carried});
    }
    if (r.next_year.empty())
        s.blocks.push_back(DocParagraph{w("De cyclus heeft voor volgend jaar nog niets ingepland.",
                                          "The cycle has scheduled nothing for next year yet.")});
    else
        s.blocks.push_back(deadline_table(r.next_year, r, w));
    return s;
}

}  // namespace

Document annual_report_document(const AnnualReport& r, const std::string& version) {
    const Words w{r.language};
    Document d;
    d.language = r.language == Language::en ? "en" : "nl";
    d.title = fmt::format("{} {} – {}", w("Jaarrapportage OKO", "OKO yearly report"), r.year, r.municipality_name);
    d.subtitle = fmt::format("{} {} ({}) · {} {}", w("Aan het college en de gemeenteraad van", "To the college and council of"),
                             r.municipality_name, r.municipality_code, w("stand", "as of"),
                             report_words::long_date(r.period_end, r.language));
    d.sections = {position(r, w), year_in_review(r, w), process_monitor(r, w), success_conditions(r, w),
                  upcoming(r, w), draft_plan(r, w)};
    d.footer = fmt::format("{} okod {} {} {}.", w("Opgesteld door", "Drawn up by"), version, w("op", "on"),
                           report_words::date_time(r.generated_at, r.language));
    return d;
}

}  // namespace okod
