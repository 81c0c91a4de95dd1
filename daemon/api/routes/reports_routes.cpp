// Reports to the regisseur and the council: the process monitor of one workflow and the
// yearly report to college and council.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/report/annual_report_document.hpp"
#include "adapters/report/pdf_printer.hpp"
#include "adapters/year_plan/year_plan_lookup.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/definition_names.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/task_view.hpp"
#include "daemon/runtime.hpp"
#include "model/api_access.hpp"
#include "model/process_monitor.hpp"
#include "report/annual_report_builder.hpp"
#include "report/report_year.hpp"
#include "time/amsterdam.hpp"
#include "version.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// The municipality of the path, if the token may read its reports.
Municipality reported_municipality(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    if (!can_read_reports(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not read the reports of {}",
                                    to_string(call.token.role), m.code));
    return m;
}

// The report's HTML printed to PDF by the converter okoctl uses too (chromium, ...), in a
// file of this process's own under the temporary directory, removed again.
std::string printed_pdf(const std::string& html) {
    const auto tool = find_pdf_tool();
    if (!tool)
        throw ApiError{503, "no_pdf_converter",
                       "okod cannot make PDFs on this server: " + pdf_tool_hint()};
    static std::atomic<unsigned> counter{0};
    const auto file = std::filesystem::temp_directory_path() /
                      fmt::format("okod-report-{}-{}.pdf", ::getpid(), ++counter);
    const auto printed = print_pdf(*tool, html, file, std::chrono::seconds{60});
    std::string bytes;
    if (printed.ok) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        bytes = buffer.str();
    }
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    if (!printed.ok)
        throw ApiError{503, "pdf_failed", "printing the report failed: " + printed.error};
    return bytes;
}

}  // namespace

// The process monitor of one workflow (the implementation trajectory by default):
// each step with its verdict, in the order the steps fell due.
HttpResponse show_process(RouteCall& call) {
    allow_query(call.target, {"workflow"});
    const Municipality m = reported_municipality(call);
    std::string workflow = "implementation-trajectory";
    if (auto it = call.target.query.find("workflow"); it != call.target.query.end())
        workflow = it->second;
    if (std::find(m.workflows.begin(), m.workflows.end(), workflow) == m.workflows.end())
        throw not_found(fmt::format("{} runs no workflow '{}'", m.code, workflow));
    const auto& definitions = call.runtime().definitions;
    TaskFilter f;
    f.municipality = m.code;
    std::vector<Task> tasks;
    for (auto& t : call.store().tasks_matching(f))
        if (t.workflow == workflow) tasks.push_back(std::move(t));
    // State names as the instance's own definition version has them.
    std::map<std::int64_t, const Definition*> definition_of;
    for (const auto& i : call.store().instances_of_municipality(m.code))
        if (i.definition_id == workflow)
            definition_of[i.id] = definitions.get(i.definition_id, i.definition_version);
    const auto steps = process_steps(std::move(tasks), call.now());
    const Language l = caller_language(call);
    json::array out;
    for (const auto& step : steps) {
        json::object o = task_view(call, step.task).as_object();
        o["verdict"] = to_string(step.verdict);
        o["verdict_nl"] = dutch_name(step.verdict);
        o["days_late"] = step.days_late;
        if (const Definition* d = definition_of[step.task.instance_id])
            o["state_name"] = state_name(d, step.task.state, l);
        out.push_back(std::move(o));
    }
    const auto sum = summarize(steps);
    const Definition* latest = definitions.latest(workflow);
    return json_response(200, json::object{{"municipality", m.code},
                                           {"name", m.name},
                                           {"workflow", workflow},
                                           {"workflow_name", workflow_name(latest, workflow, l)},
                                           {"at", format_iso_local(call.now())},
                                           {"steps", std::move(out)},
                                           {"summary",
                                            {{"on_time", sum.on_time},
                                             {"late", sum.late},
                                             {"open", sum.open},
                                             {"overdue", sum.overdue},
                                             {"skipped", sum.skipped}}}});
}

// The yearly report to college and council, as print-ready HTML (default), PDF, Markdown
// or CSV.
HttpResponse show_annual_report(RouteCall& call) {
    allow_query(call.target, {"year", "format", "lang"});
    const Municipality m = reported_municipality(call);
    const auto& query = call.target.query;
    const int this_year = static_cast<int>(call.today().year());
    const int year =
        static_cast<int>(query_int(call.target, "year", 2000, this_year).value_or(this_year));
    std::string format = "html";
    if (auto it = query.find("format"); it != query.end()) format = it->second;
    if (format != "html" && format != "md" && format != "csv" && format != "pdf")
        throw bad_request(fmt::format("format must be html, pdf, md or csv, not '{}'", format));
    Language lang = m.language;
    if (auto it = query.find("lang"); it != query.end()) {
        auto l = parse_language(it->second);
        if (!l) throw bad_request(fmt::format("lang must be nl or en, not '{}'", it->second));
        lang = *l;
    }
    const auto found = YearPlans(call.runtime().config, call.store()).find(m.code, year);
    const auto report = build_annual_report(call.store(), call.runtime().definitions, m, year, lang,
                                            call.now(), found ? &found->plan() : nullptr);
    const auto document = annual_report_document(report, kVersion);
    HttpResponse r;
    if (format == "md") {
        r.content_type = "text/markdown; charset=utf-8";
        r.body = to_markdown(document);
    } else if (format == "pdf") {
        r.content_type = "application/pdf";
        r.body = printed_pdf(to_html(document));
    } else if (format == "csv") {
        r.content_type = "text/csv; charset=utf-8; header=present";
        r.body = to_csv(document);
    } else {
        r.content_type = "text/html; charset=utf-8";
        r.body = to_html(document);
        // The report is a document, not the dashboard: nothing in it may run or load.
        r.headers.emplace_back("Content-Security-Policy",
                               "default-src 'none'; style-src 'unsafe-inline'");
    }
    r.headers.emplace_back("Content-Disposition",
                           fmt::format("inline; filename=\"{}.{}\"",
                                       annual_report_basename(m.code, year, lang), format));
    return r;
}

}  // namespace okod
