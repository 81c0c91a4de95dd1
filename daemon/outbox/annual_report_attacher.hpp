#pragma once
// The yearly report okod writes itself. A task whose definition says
// attach = "annual_report" (the council report's draft and send tasks, the subsidy's
// content report) gets, with each reminder and overdue notice, the report as okod
// knows it that day: built from the store, written to the reports directory
// ([reports] dir: jaarrapportage-GM0935-2026.html and .md) and attached to the mail.
// So the regisseur starts from okod's draft and always has the latest one.
//
// Two halves. attach() reads the store it was given: in okod that is a read-only
// connection of the mail thread's own (OutboxSender::order_reports()), since the report
// takes up to a second on a large store and the strand must not wait for it (issue 18);
// in okoctl's one-shot delivery the one store. The PDF ([reports] pdf = true) takes a
// converter seconds, so attach() only says which PDF to make, and print_report_pdf()
// makes it on the mail thread, right before the send, where a slow converter holds up
// no timer, no API request and no watchdog ping.
// Failing to write or print never holds back the reminder.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adapters/config/config.hpp"
#include "adapters/mail/reminder_mail.hpp"
#include "definition/registry.hpp"
#include "model/store.hpp"

namespace okod {

// A PDF still to print: the report's HTML, where the PDF goes, and its attachment name.
struct PdfJob {
    std::string html;
    std::filesystem::path target;
    std::string filename;
};

struct ReportAttachment {
    std::vector<MailAttachment> files;  // the HTML (and the PDF when an unchanged one exists)
    std::string note;                   // the mail's paragraph about them
    std::vector<std::filesystem::path> written;  // what this call wrote to the reports directory
    std::optional<PdfJob> pdf;                   // a PDF to print before sending
};

class AnnualReportAttacher {
public:
    // `config` provides the reports directory, the PDF switch and the year plans; it is
    // read at each call, so a reload (SIGHUP) takes effect.
    AnnualReportAttacher(Store& store, const DefinitionRegistry& definitions, const Config& config);

    // The report on `year` (report/report_attachment.hpp chooses it) for `task`'s
    // municipality in `language`, as of `now`. nullopt when the municipality is unknown
    // or the report cannot be made (logged).
    std::optional<ReportAttachment> attach(const Task& task, int year, Language language,
                                           Instant now);

private:
    Store& store_;
    const DefinitionRegistry& definitions_;
    const Config& config_;
};

// Prints `job` with the first converter installed and adds it to `message`; on failure
// the message goes with the HTML alone (logged). Thread-safe: touches no store.
void print_report_pdf(const PdfJob& job, MailMessage& message);

}  // namespace okod
