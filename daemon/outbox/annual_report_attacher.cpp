#include "daemon/outbox/annual_report_attacher.hpp"

#include "adapters/report/annual_report_document.hpp"
#include "adapters/report/pdf_printer.hpp"
#include "adapters/report/report_words.hpp"
#include "report/annual_report_builder.hpp"
#include "report/report_year.hpp"
#include "time/amsterdam.hpp"
#include "version.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <system_error>

namespace okod {
namespace {

namespace fs = std::filesystem;

// Written beside the target and renamed over it, so that nobody opens half a report.
bool write_whole(const fs::path& file, const std::string& bytes) {
    const fs::path part = file.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << bytes;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(part, file, ec);
    if (ec) fs::remove(part, ec);
    return !ec;
}

std::string read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string annual_report_basename(const std::string& municipality, int year, Language language) {
    return fmt::format("{}-{}-{}", language == Language::en ? "annual-report" : "jaarrapportage", municipality, year);
}

AnnualReportAttacher::AnnualReportAttacher(Store& store, const DefinitionRegistry& definitions, const Config& config)
    : store_(store), definitions_(definitions), config_(config) {}

std::optional<ReportAttachment> AnnualReportAttacher::attach(const Task& task, Language language, Instant now) {
    if (!task.due) return std::nullopt;
    const auto m = store_.municipality(task.municipality);
    if (!m) return std::nullopt;
    const int year = annual_report_year(local_date(*task.due));
    const YearPlan* plan = nullptr;
    for (const auto& p : config_.plans)
        if (p.plan.municipality == m->code && p.plan.year == year) plan = &p.plan;

    std::string html, markdown;
    try {
        const auto document =
            annual_report_document(build_annual_report(store_, definitions_, *m, year, language, now, plan), kVersion);
        html = to_html(document);
        markdown = to_markdown(document);
    } catch (const std::exception& e) {
        spdlog::error("yearly report {} {} could not be made, the reminder goes without it: {}", m->code, year,
                      e.what());
        return std::nullopt;
    }

    ReportAttachment a;
    const std::string base = annual_report_basename(m->code, year, language);
    a.files.push_back({base + ".html", "text/html; charset=UTF-8", html});

    std::error_code ec;
    const fs::path dir = config_.reports.dir;
    fs::create_directories(dir, ec);
    const fs::path html_file = dir / (base + ".html"), md_file = dir / (base + ".md");
    if (!ec && write_whole(html_file, html) && write_whole(md_file, markdown)) {
        a.written = {html_file, md_file};
        if (config_.reports.pdf) {
            const fs::path pdf_file = dir / (base + ".pdf");
            if (const auto tool = find_pdf_tool()) {
                const auto printed = print_pdf(*tool, html, pdf_file);
                if (printed.ok) {
                    a.written.push_back(pdf_file);
                    a.files.push_back({base + ".pdf", "application/pdf", read_whole(pdf_file)});
                } else {
                    spdlog::warn("yearly report {} {}: no PDF, the HTML goes alone: {}", m->code, year, printed.error);
                }
            } else {
                spdlog::warn("yearly report {} {}: no PDF, the HTML goes alone: {}", m->code, year, pdf_tool_hint());
            }
        }
        spdlog::info("yearly report {} {} written to {}", m->code, year, html_file.string());
    } else {
        spdlog::warn("yearly report {} {} not written to {} ({}); it goes with the mail only", m->code, year,
                     dir.string(), ec ? ec.message() : "cannot write there");
    }

    const bool en = language == Language::en;
    const bool pdf = a.files.size() > 1;
    a.note = fmt::format(
        fmt::runtime(en ? "Attached: the draft yearly report {} that okod wrote on {} from what it knows (position in the cycle, "
             "traffic lights per workgroup, goals and measurements, execution plan, success conditions and a draft "
             "plan for next year), as HTML{}. Add what okod cannot know, and send it to the college and council in "
             "time. The latest version at any moment: okoctl report annual --municipality {} --year {}."
           : "In de bijlage: de concept-jaarrapportage {} die okod op {} uit zijn gegevens opstelde (positie in de "
             "cyclus, verkeerslichten per werkgroep, doelen en metingen, uitvoeringsplan, succesvoorwaarden en een "
             "concept-jaarplan), als HTML{}. Vul aan wat okod niet kan weten en bied haar op tijd aan college en "
             "raad aan. De actuele versie op elk moment: okoctl report annual --municipality {} --year {}."),
        year, report_words::long_date(local_date(now), language), pdf ? (en ? " and PDF" : " en pdf") : "", m->code, year);
    return a;
}

}  // namespace okod
