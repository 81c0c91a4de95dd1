#include "daemon/commands/report_command.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "adapters/report/pdf_printer.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"

namespace okod {
namespace {

namespace json = boost::json;

struct Words {
    bool en;
    std::string operator()(const char* nl, const char* english) const { return en ? english : nl; }
};

std::string verdict(const json::value& step, const Words& w) {
    const std::string v = json_text(step, "verdict");
    const auto days = json_int(step, "days_late");
    if (v == "on_time") return w("op tijd", "on time");
    if (v == "late") return fmt::format("{} ({} {})", w("te laat", "late"), days, w("dg", "d"));
    if (v == "overdue")
        return fmt::format("{} ({} {})", w("te laat, open", "overdue, open"), days, w("dg", "d"));
    if (v == "skipped") return w("overgeslagen", "skipped");
    return w("open", "open");
}

std::string title(const json::value& step, const Words& w) {
    if (const auto* o = step.if_object())
        if (const auto* t = o->if_contains("title"))
            if (const auto text = json_text(*t, w.en ? "en" : "nl"); !text.empty()) return text;
    return json_title(step);
}

}  // namespace

int run_report_process(const ReportProcessArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(
        "/api/v1/municipalities/" + args.municipality + "/process", {{"workflow", args.workflow}});
    if (!reply.ok()) return reply.exit_code;
    const json::value& r = reply.body;
    if (args.json) {
        print_json_line(r, out);
        return exit_code::ok;
    }
    const Words w{args.lang == "en"};
    out << fmt::format("{}: {} {} ({}), {} {}\n", w("Procesmonitor", "Process monitor"),
                       json_text(r, "name"), json_text(r, "municipality"),
                       json_text(r, "workflow_name"), w("stand", "as of"),
                       json_local_minutes(r, "at"));
    std::vector<TextRow> rows{{w("STAP", "STEP"), w("TAAK", "TASK"), w("DEADLINE", "DEADLINE"),
                               w("GEDAAN", "DONE"), w("OORDEEL", "VERDICT")}};
    for (const auto& step : json_array(r, "steps")) {
        const auto state = json_text(step, "state_name");
        rows.push_back({state.empty() ? json_text(step, "state") : state, title(step, w),
                        json_local_minutes(step, "due"), json_local_minutes(step, "closed_at"),
                        verdict(step, w)});
    }
    if (rows.size() == 1) {
        out << w("nog geen stappen\n", "no steps yet\n");
        return exit_code::ok;
    }
    print_table(rows, out);
    const auto* summary = r.as_object().if_contains("summary");
    const json::value none;
    const json::value& s = summary ? *summary : none;
    out << fmt::format("{}: {} {}, {} {}, {} {}, {} {}, {} {}\n", w("samen", "total"),
                       json_int(s, "on_time"), w("op tijd", "on time"), json_int(s, "late"),
                       w("te laat", "late"), json_int(s, "overdue"),
                       w("te laat en open", "overdue"), json_int(s, "open"), w("open", "open"),
                       json_int(s, "skipped"), w("overgeslagen", "skipped"));
    return exit_code::ok;
}

int run_report_annual(const ReportAnnualArgs& args, std::ostream& out, std::ostream& err) {
    const bool pdf = args.format == "pdf";
    std::optional<PdfTool> tool;
    if (pdf) {
        // Checked before asking okod: a missing converter is this machine's matter.
        if (args.output.empty()) {
            err << "okoctl: --format pdf needs --output FILE\n";
            return exit_code::usage;
        }
        tool = find_pdf_tool();
        if (!tool) {
            err << "okoctl: " << pdf_tool_hint() << ", or use --format html and print that\n";
            return exit_code::refused;
        }
    }
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get_document(
        "/api/v1/municipalities/" + args.municipality + "/reports/annual",
        {{"year", args.year > 0 ? std::to_string(args.year) : ""},
         {"format", pdf ? "html" : args.format},
         {"lang", args.lang}});
    if (!reply.ok()) return reply.exit_code;
    if (pdf) {
        const auto printed = print_pdf(*tool, reply.text, args.output);
        if (!printed.ok) {
            err << fmt::format("okoctl: {}\n", printed.error);
            return exit_code::refused;
        }
        out << fmt::format("wrote {} ({} bytes, printed by {})\n", args.output,
                           std::filesystem::file_size(args.output), tool->program.string());
        return exit_code::ok;
    }
    if (args.output.empty()) {
        out << reply.text;
        return exit_code::ok;
    }
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    file << reply.text;
    file.close();
    if (!file) {
        err << fmt::format("okoctl: cannot write {}\n", args.output);
        return exit_code::refused;
    }
    out << fmt::format("wrote {} ({} bytes)\n", args.output, reply.text.size());
    return exit_code::ok;
}

}  // namespace okod
