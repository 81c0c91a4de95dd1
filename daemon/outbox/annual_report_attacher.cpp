#include "daemon/outbox/annual_report_attacher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include "adapters/report/annual_report_document.hpp"
#include "adapters/report/pdf_printer.hpp"
#include "adapters/report/report_words.hpp"
#include "adapters/year_plan/year_plan_lookup.hpp"
#include "report/annual_report_builder.hpp"
#include "report/report_year.hpp"
#include "time/amsterdam.hpp"
#include "version.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// A PDF of a few hundred KiB is usual; beyond this it is not mailed (mail gateways
// refuse large messages, and the file is in the reports directory anyway).
constexpr std::uintmax_t kMaxPdfBytes = 8u << 20;

// Written beside the target and renamed over it, so that nobody opens half a report.
bool write_whole(const fs::path& file, const std::string& bytes) {
    const fs::path part = file.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << bytes;
        out.close();
        if (!out) return false;
    }
    std::error_code ec;
    fs::rename(part, file, ec);
    if (ec) fs::remove(part, ec);
    return !ec;
}

std::optional<std::string> read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

AnnualReportAttacher::AnnualReportAttacher(Store& store, const DefinitionRegistry& definitions,
                                           const Config& config)
    : store_(store), definitions_(definitions), config_(config) {}

std::optional<ReportAttachment> AnnualReportAttacher::attach(const Task& task, int year,
                                                             Language language, Instant now) {
    const auto m = store_.municipality(task.municipality);
    if (!m) return std::nullopt;
    std::optional<FoundYearPlan> found;

    std::string html, markdown;
    try {
        found = YearPlans(config_, store_).find(m->code, year);
        const auto document =
            annual_report_document(build_annual_report(store_, definitions_, *m, year, language,
                                                       now, found ? &found->plan() : nullptr),
                                   kVersion);
        html = to_html(document);
        markdown = to_markdown(document);
    } catch (const std::exception& e) {
        spdlog::error("yearly report {} {} could not be made, the mail goes without it: {}",
                      m->code, year, e.what());
        return std::nullopt;
    }

    ReportAttachment a;
    const std::string base = annual_report_basename(m->code, year, language);
    a.files.push_back({base + ".html", "text/html; charset=UTF-8", html});

    std::error_code ec;
    const fs::path dir = config_.reports.dir;
    const fs::path html_file = dir / (base + ".html"), md_file = dir / (base + ".md"),
                   pdf_file = dir / (base + ".pdf");
    // The same report as last time (nothing happened since): its PDF still stands.
    const bool unchanged = read_whole(html_file) == html;
    fs::create_directories(dir, ec);
    if (!ec && write_whole(html_file, html) && write_whole(md_file, markdown)) {
        a.written = {html_file, md_file};
        spdlog::info("yearly report {} {} written to {}", m->code, year, html_file.string());
    } else {
        spdlog::warn("yearly report {} {} not written to {} ({}); it goes with the mail only",
                     m->code, year, dir.string(), ec ? ec.message() : "cannot write there");
    }
    if (config_.reports.pdf) {
        const auto existing = unchanged ? read_whole(pdf_file) : std::nullopt;
        if (existing && existing->starts_with("%PDF") && existing->size() <= kMaxPdfBytes)
            a.files.push_back({base + ".pdf", "application/pdf", *existing});
        else
            a.pdf = PdfJob{html, pdf_file, base + ".pdf"};
    }

    // Neutral on purpose: the same report serves the council report and the subsidy's
    // content report; the task above it says what it is for.
    a.note = fmt::format(
        fmt::runtime(
            language == Language::en
                ? "Attached: okod's draft yearly report {} as of {}: position in the cycle, "
                  "traffic lights "
                  "per workgroup, goals and measurements, execution plan, success conditions and a "
                  "draft "
                  "plan for next year. Use it for the task above and add what okod cannot know. "
                  "The latest "
                  "version at any moment: okoctl report annual --municipality {} --year {}."
                : "In de bijlage: okods concept-jaarrapportage {} met de stand van {}: positie in "
                  "de cyclus, "
                  "verkeerslichten per werkgroep, doelen en metingen, uitvoeringsplan, "
                  "succesvoorwaarden en "
                  "een concept-jaarplan. Gebruik haar voor de taak hierboven en vul aan wat okod "
                  "niet kan "
                  "weten. De actuele versie op elk moment: okoctl report annual --municipality {} "
                  "--year {}."),
        year, report_words::long_date(local_date(now), language), m->code, year);
    return a;
}

void print_report_pdf(const PdfJob& job, MailMessage& message) {
    const auto tool = find_pdf_tool();
    if (!tool) {
        spdlog::warn("{}: no PDF, the HTML goes alone: {}", job.filename, pdf_tool_hint());
        return;
    }
    // Well within the service's stop timeout: a hung converter must not keep okod up.
    const auto printed = print_pdf(*tool, job.html, job.target, std::chrono::seconds{60});
    if (!printed.ok) {
        spdlog::warn("{}: no PDF, the HTML goes alone: {}", job.filename, printed.error);
        return;
    }
    auto pdf = read_whole(job.target);
    if (!pdf || pdf->size() > kMaxPdfBytes) {
        spdlog::warn("{}: the PDF is too large to mail ({}), it stays in {}", job.filename,
                     pdf ? std::to_string(pdf->size()) + " bytes" : "unreadable",
                     job.target.parent_path().string());
        return;
    }
    spdlog::info("yearly report printed to {}", job.target.string());
    message.attachments.push_back({job.filename, "application/pdf", std::move(*pdf)});
}

}  // namespace okod
