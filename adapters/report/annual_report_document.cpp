#include "adapters/report/annual_report_document.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/report/report_words.hpp"
#include "model/capacity.hpp"
#include "report/annual_report_builder.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace {

using report_words::Words;

std::string mark_of(const ProcessStep& s) {
    switch (s.verdict) {
        case StepVerdict::on_time:
            return "groen";
        case StepVerdict::late:
        case StepVerdict::open:
            return "oranje";
        case StepVerdict::overdue:
        case StepVerdict::skipped:
            return "rood";
    }
    return "";
}

DocSection position(const AnnualReport& r, const Words& w) {
    DocSection s{w("Positie in de cyclus", "Position in the cycle"), {}, false};
    s.blocks.push_back(DocParagraph{fmt::format(
        "{} {} {} {}.",
        w("Het implementatietraject loopt van", "The implementation trajectory runs from"),
        report_words::long_date(r.trajectory_start, r.language), w("tot en met", "to"),
        report_words::long_date(r.trajectory_end, r.language))});
    DocTable t{{w("Werkproces", "Workflow"), w("Stap", "Step"), w("Gestart", "Started")}, {}, {}};
    for (const auto& p : r.position)
        t.rows.push_back({p.workflow_name, p.state_name,
                          report_words::long_date(local_date(p.started), r.language)});
    if (t.rows.empty())
        s.blocks.push_back(DocParagraph{w("Er loopt geen werkproces.", "No workflow is running.")});
    else
        s.blocks.push_back(std::move(t));
    return s;
}

DocSection year_in_review(const AnnualReport& r, const Words& w) {
    DocSection s{
        fmt::format("{} {}", w("Wat er gebeurde in", "What happened in"), r.year), {}, false};
    const auto& c = r.counts;
    s.blocks.push_back(DocList{{
        fmt::format("{}: {} {}, {} {}", w("Taken afgerond", "Tasks completed"),
                    c.tasks_done_on_time, w("op tijd", "on time"), c.tasks_done_late,
                    w("te laat", "late")),
        fmt::format("{}: {}", w("Overgeslagen taken", "Tasks skipped"), c.tasks_skipped),
        fmt::format("{}: {}",
                    w("Taken met een deadline in dit jaar die aan het eind ervan nog openstonden",
                      "Tasks due this year still open at its end"),
                    c.overdue_open),
        fmt::format("{}: {} {}, {} {}", w("Herinneringen verstuurd", "Reminders sent"), c.reminders,
                    w("herinneringen", "reminders"), c.escalations, w("escalaties", "escalations")),
        fmt::format("{}: {}", w("Vacaturemeldingen", "Vacancy alerts"), c.vacancies),
        fmt::format("{}: {}", w("Gestarte werkprocessen", "Workflows started"),
                    c.instances_started),
    }});
    if (!r.transitions.empty()) {
        DocTable t{
            {w("Datum", "Date"), w("Werkproces", "Workflow"), w("Van", "From"), w("Naar", "To")},
            {},
            {}};
        for (const auto& tr : r.transitions)
            t.rows.push_back({report_words::long_date(local_date(tr.at), r.language),
                              tr.workflow_name, tr.from_state, tr.to_state});
        s.blocks.push_back(
            DocParagraph{w("De stappen die dit jaar zijn gezet (uit het logboek van okod):",
                           "The steps taken this year (from okod's event log):")});
        s.blocks.push_back(std::move(t));
    }
    return s;
}

DocSection process_monitor(const AnnualReport& r, const Words& w) {
    DocSection s{
        w("Procesmonitor implementatietraject", "Process monitor of the implementation trajectory"),
        {},
        false};
    if (r.trajectory_steps.empty()) {
        s.blocks.push_back(
            DocParagraph{w("Dit jaar vielen geen stappen van het implementatietraject.",
                           "No step of the implementation trajectory fell in this year.")});
        return s;
    }
    DocTable t{{w("Stap", "Step"), w("Deadline", "Deadline"), w("Gedaan", "Done"),
                w("Oordeel", "Verdict")},
               {},
               {}};
    for (const auto& step : r.trajectory_steps) {
        t.rows.push_back(
            {step.task.title.in(r.language),
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

std::string light_word(TrafficLight l, const Words& w) {
    switch (l) {
        case TrafficLight::groen:
            return w("groen: gerealiseerd", "green: realised");
        case TrafficLight::oranje:
            return w("oranje: deels of loopt nog", "orange: partly, or still running");
        case TrafficLight::rood:
            return w("rood: nog niet gerealiseerd", "red: not yet realised");
    }
    return "";
}

std::string counts_text(const LightCounts& c, const Words& w) {
    return fmt::format("{} {}, {} {}, {} {}", c.groen, w("groen", "green"), c.oranje,
                       w("oranje", "orange"), c.rood, w("rood", "red"));
}

DocSection activities(const AnnualReport& r, const Words& w) {
    DocSection s{
        w("Activiteitenoverzicht per werkgroep", "Activity overview per workgroup"), {}, false};
    const YearOverview& o = *r.activities;
    s.blocks.push_back(DocParagraph{fmt::format(
        "{}. {}: {}.",
        w("Volgens het verkeerslichtmodel: groen is volledig gerealiseerd, oranje deels "
          "gerealiseerd of loopt nog, "
          "rood nog niet gerealiseerd. De status volgt uit de taken in okod, of is met een "
          "toelichting met de hand gezet",
          "On the traffic-light model: green is fully realised, orange partly realised or still "
          "running, red not yet "
          "realised. The status follows from okod's tasks, or was set by hand with a remark"),
        w("Samen", "In all"), counts_text(o.counts, w))});
    for (const auto& g : o.workgroups) {
        s.blocks.push_back(DocParagraph{
            fmt::format("{}: {}", g.workgroup.name.in(r.language), counts_text(g.counts, w))});
        if (!g.workgroup.goals.empty()) {
            DocList goals;
            for (const auto& goal : g.workgroup.goals)
                goals.items.push_back(w("Doel: ", "Goal: ") + goal.in(r.language));
            s.blocks.push_back(std::move(goals));
        }
        DocTable t{{w("Activiteit", "Activity"), w("Status", "Status"), w("Toelichting", "Remark")},
                   {},
                   {}};
        for (const auto& a : g.activities) {
            std::string remark = a.status.remark;
            if (a.status.source == StatusSource::manual)
                remark += w(" (met de hand gezet)", " (set by hand)");
            t.rows.push_back(
                {a.activity.title.in(r.language), light_word(a.status.light, w), remark});
            t.marks.emplace_back(to_string(a.status.light));
        }
        s.blocks.push_back(std::move(t));
    }
    return s;
}

std::string number(double v, Language l) {
    std::string text = fmt::format("{:.1f}", v);
    if (l == Language::nl) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

DocSection goals(const AnnualReport& r, const Words& w) {
    DocSection s{w("Doelen en metingen", "Goals and measurements"), {}, false};
    DocTable t{
        {w("Doel", "Goal"), w("Pijler", "Pillar"), w("Groep", "Population"),
         w("Nulmeting", "Baseline"), w("Streefwaarde", "Target"), w("Laatste meting", "Latest")},
        {},
        {}};
    std::vector<DocChart> charts;
    for (const auto& rg : r.goals) {
        const PolicyGoal& g = rg.goal;
        const std::string unit = g.unit == "%" ? " %" : " " + g.unit;
        auto value = [&](double v) { return number(v, r.language) + unit; };
        const auto latest = latest_measurement(g, rg.measured);
        t.rows.push_back({g.description.in(r.language), std::string(to_string(g.pillar)),
                          g.population,
                          fmt::format("{} ({})", value(g.baseline.value), g.baseline.year),
                          fmt::format("{} ({})", value(g.target.value), g.target.year),
                          latest ? fmt::format("{} ({})", value(latest->second), latest->first)
                                 : w("nog niet gemeten", "not measured yet")});
        t.marks.emplace_back(to_string(rg.light));
        std::string text = fmt::format("{}: {}{}", g.baseline.year, value(g.baseline.value),
                                       w(" (nulmeting)", " (baseline)"));
        // The baseline year's own measurement is the baseline: said once.
        for (const auto& [year, v] : rg.measured)
            if (year != g.baseline.year) text += fmt::format(" · {}: {}", year, value(v));
        text +=
            fmt::format(" · {} {}: {}", w("doel", "target"), g.target.year, value(g.target.value));
        charts.push_back(DocChart{g.description.in(r.language),
                                  rg.measured,
                                  {g.baseline.year, g.baseline.value},
                                  {g.target.year, g.target.value},
                                  text});
    }
    s.blocks.push_back(DocParagraph{
        w("Groen: de streefwaarde is gehaald; oranje: de laatste meting is beter dan de nulmeting; "
          "rood: niet beter, of "
          "nog niet gemeten. Metingen komen uit de jeugdmonitor (okoctl import survey).",
          "Green: the target is met; orange: the latest measurement is better than the baseline; "
          "red: not better, or "
          "not measured yet. Measurements come from the youth survey (okoctl import survey).")});
    s.blocks.push_back(std::move(t));
    for (auto& c : charts) s.blocks.push_back(std::move(c));
    return s;
}

std::string priority_word(Priority p, const Words& w) {
    switch (p) {
        case Priority::hoog:
            return w("hoog", "high");
        case Priority::middel:
            return w("middel", "medium");
        case Priority::laag:
            return w("laag", "low");
    }
    return "";
}

std::string recommendation_heading(const RecommendationActions& g, const Words& w) {
    return g.number > 0
               ? fmt::format("{} {}: {}", w("Aanbeveling", "Recommendation"), g.number,
                             g.recommendation)
               : fmt::format("{}: {}", w("Aanbeveling", "Recommendation"), g.recommendation);
}

// Per recommendation of the Scanner the actions agreed for it (the fill-in table's
// intervention, period, who and resources), with priority and light.
DocSection execution_plan_section(const AnnualReport& r, const Words& w) {
    DocSection s{w("Uitvoeringsplan na de Scanner", "Execution plan after the Scanner"), {}, false};
    const ExecutionPlan& plan = *r.execution_plan;
    if (plan.action_count() == 0) {
        s.blocks.push_back(
            DocParagraph{w("Geen uitvoeringsplan vastgelegd.", "No execution plan recorded.")});
        return s;
    }
    s.blocks.push_back(DocParagraph{
        fmt::format("{}. {}: {} {} ({}).",
                    w("Per aanbeveling van de Scanner de acties die de stakeholders hebben "
                      "afgesproken, met prioriteit en de stand "
                      "volgens het verkeerslichtmodel: groen gerealiseerd, oranje deels "
                      "gerealiseerd of loopt nog, rood nog niet "
                      "gerealiseerd",
                      "Per recommendation of the Scanner the actions the stakeholders agreed, with "
                      "priority and their state on the "
                      "traffic-light model: green realised, orange partly realised or still "
                      "running, red not yet realised"),
                    w("Samen", "In all"), plan.action_count(),
                    plan.action_count() == 1 ? w("actie", "action") : w("acties", "actions"),
                    counts_text(plan.counts, w))});
    // okod keeps an action's present state, not its history: a report on a year that is
    // over says so, rather than passing today's lights off as those of then.
    if (local_date(r.generated_at) > r.period_end)
        s.blocks.push_back(DocParagraph{fmt::format(
            fmt::runtime(w(
                "De stand van de acties is die van {}, de dag waarop deze rapportage is opgesteld.",
                "The actions' state is that of {}, the day this report was made.")),
            report_words::long_date(local_date(r.generated_at), r.language))});
    for (const auto& g : plan.recommendations) {
        if (g.actions.empty()) {
            s.blocks.push_back(DocParagraph{fmt::format("{}: {}", recommendation_heading(g, w),
                                                        w("nog geen acties.", "no actions yet."))});
            continue;
        }
        s.blocks.push_back(DocParagraph{
            fmt::format("{} ({})", recommendation_heading(g, w), counts_text(g.counts, w))});
        DocTable t{{w("Interventie", "Intervention"), w("Prioriteit", "Priority"),
                    w("Periode", "Period"), w("Verantwoordelijk", "Responsible"),
                    w("Middelen", "Resources"), w("Erkend", "Recognised"), w("Status", "Status")},
                   {},
                   {}};
        for (const auto& a : g.actions) {
            std::string status = light_word(a.status, w);
            if (!a.status_remark.empty()) status += " – " + a.status_remark;
            t.rows.push_back(
                {a.intervention, priority_word(a.priority, w), a.period.empty() ? "–" : a.period,
                 a.responsible.empty() ? "–" : a.responsible,
                 report_words::resources(a.money_euros, a.fte, a.other_resources, r.language),
                 a.recognised ? w("ja", "yes") : w("nee", "no"), status});
            t.marks.emplace_back(to_string(a.status));
        }
        s.blocks.push_back(std::move(t));
    }
    return s;
}

DocSection success_conditions(const AnnualReport& r, const Words& w) {
    DocSection s{w("Succesvoorwaarden", "Success conditions"), {}, false};
    std::vector<std::string> items;
    const Capacity& c = r.capacity;
    if (!c.recorded)
        items.push_back(w("Capaciteit: er is geen fte vastgelegd.", "Capacity: no FTE recorded."));
    else
        items.push_back(
            fmt::format("{}: {} fte ({} {}), {} {} fte ({} {}){}", w("Capaciteit", "Capacity"),
                        report_words::fte_number(c.total, r.language), w("norm", "norm"),
                        report_words::fte_number(c.norm.total_fte, r.language),
                        w("waarvan regisseur", "of which the project leader"),
                        report_words::fte_number(c.regisseur, r.language), w("norm", "norm"),
                        report_words::fte_number(c.norm.regisseur_fte, r.language),
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
        DocTable t{{w("Budget", "Budget"), w("Bedrag per jaar", "Amount per year"),
                    w("Loopt tot en met", "Runs until")},
                   {},
                   {}};
        for (const auto& b : r.budget_lines) {
            const std::string note = b.ended ? w(" (beëindigd)", " (ended)")
                                     : b.ends_within_a_year
                                         ? w(" (eindigt binnen een jaar)", " (ends within a year)")
                                         : "";
            t.rows.push_back({b.line.name,
                              b.line.amount ? report_words::money(*b.line.amount, r.language) : "–",
                              report_words::long_date(b.line.until, r.language) + note});
            t.marks.push_back(b.ended ? "rood" : b.ends_within_a_year ? "oranje" : "groen");
        }
        s.blocks.push_back(std::move(t));
    }
    return s;
}

DocTable deadline_table(const std::vector<ReportDeadline>& list, const AnnualReport& r,
                        const Words& w) {
    DocTable t{{w("Deadline", "Deadline"), w("Wat", "What"), w("Rol", "Role")}, {}, {}};
    for (const auto& d : list)
        t.rows.push_back({report_words::date_time(d.due, r.language),
                          d.report ? d.title + w(" (rapportage)", " (report)") : d.title,
                          d.role_name});
    return t;
}

DocSection upcoming(const AnnualReport& r, const Words& w) {
    DocSection s{w("Komende deadlines", "Deadlines ahead"), {}, false};
    std::vector<std::string> items{
        fmt::format("{}: {}", w("Gemeenteraadsverkiezingen", "Municipal council elections"),
                    report_words::long_date(r.next_election, r.language))};
    items.push_back(
        r.next_survey_year
            ? fmt::format("{}: {}", w("Volgende afname jeugdmonitor", "Next youth survey"),
                          *r.next_survey_year)
            : w("Er is geen afname van de jeugdmonitor gepland in de komende vier jaar.",
                "No youth survey is planned in the next four years."));
    s.blocks.push_back(DocList{items});
    if (r.upcoming.empty())
        s.blocks.push_back(
            DocParagraph{w("Er staan geen taken gepland.", "No tasks are scheduled.")});
    else
        s.blocks.push_back(deadline_table(r.upcoming, r, w));
    return s;
}

DocSection draft_plan(const AnnualReport& r, const Words& w) {
    DocSection s{
        fmt::format("{} {}", w("Concept-jaarplan", "Draft plan for"), r.year + 1), {}, true};
    s.blocks.push_back(
        DocParagraph{w("Wat de cyclus volgend jaar inplant, en wat dit jaar niet op tijd is "
                       "gelukt. Het kernteam vult het aan "
                       "en stelt het vast.",
                       "What the cycle schedules next year, and what was not done on time this "
                       "year. The core team completes "
                       "and adopts it.")});
    std::vector<std::string> carried;
    if (r.activities)
        for (const auto& g : r.activities->workgroups)
            for (const auto& a : g.activities)
                if (a.status.light != TrafficLight::groen)
                    carried.push_back(fmt::format("{} ({}, {})", a.activity.title.in(r.language),
                                                  g.workgroup.name.in(r.language),
                                                  light_word(a.status.light, w)));
    if (r.execution_plan)
        for (const auto& g : r.execution_plan->recommendations)
            for (const auto& a : g.actions)
                if (a.status != TrafficLight::groen)
                    carried.push_back(fmt::format(
                        "{} ({}, {}, {})", a.intervention, w("uitvoeringsplan", "execution plan"),
                        g.number > 0
                            ? fmt::format("{} {}", w("aanbeveling", "recommendation"), g.number)
                            : g.recommendation,
                        light_word(a.status, w)));
    for (const auto& step : r.trajectory_steps)
        if (step.verdict == StepVerdict::overdue)
            carried.push_back(fmt::format("{} ({})", step.task.title.in(r.language),
                                          report_words::verdict(step, r.language)));
    if (!carried.empty()) {
        s.blocks.push_back(
            DocParagraph{w("Overgenomen uit dit jaar:", "Carried over from this year:")});
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
    d.title = fmt::format("{} {} – {}", w("Jaarrapportage OKO", "OKO yearly report"), r.year,
                          r.municipality_name);
    d.subtitle =
        fmt::format("{} {} ({}) · {} {}",
                    w("Aan het college en de gemeenteraad van", "To the college and council of"),
                    r.municipality_name, r.municipality_code, w("stand", "as of"),
                    report_words::long_date(r.period_end, r.language));
    d.sections = {position(r, w), year_in_review(r, w), process_monitor(r, w)};
    if (r.activities) d.sections.push_back(activities(r, w));
    if (!r.goals.empty()) d.sections.push_back(goals(r, w));
    if (r.execution_plan) d.sections.push_back(execution_plan_section(r, w));
    for (auto section : {success_conditions(r, w), upcoming(r, w), draft_plan(r, w)})
        d.sections.push_back(section);
    d.footer = fmt::format("{} okod {} {} {}.", w("Opgesteld door", "Drawn up by"), version,
                           w("op", "on"), report_words::date_time(r.generated_at, r.language));
    return d;
}

}  // namespace okod
