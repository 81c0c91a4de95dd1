#pragma once
// The yearly report okod writes itself. A task whose definition says
// attach = "annual_report" (the council report's draft and send tasks) gets, with each
// reminder and overdue notice, the report as okod knows it that day: built from the
// store, written to the reports directory ([reports] dir: jaarrapportage-GM0935-2026.html,
// .md, and .pdf when enabled and a converter is installed), and attached to the mail.
// So the regisseur starts from okod's draft and always has the latest one.
//
// The report is rebuilt for every mail, never cached: it must show what happened up to
// the day it is sent. Failing to write or print it never holds back the reminder.
#include "adapters/config/config.hpp"
#include "adapters/mail/reminder_mail.hpp"
#include "definition/registry.hpp"
#include "model/store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace okod {

struct ReportAttachment {
    std::vector<MailAttachment> files;  // the HTML, and the PDF when one was printed
    std::string note;                   // the mail's paragraph about them
    std::vector<std::filesystem::path> written;  // what is now in the reports directory
};

class AnnualReportAttacher {
public:
    // `config` provides the reports directory, the PDF switch and the year plans; it is
    // read at each call, so a reload (SIGHUP) takes effect.
    AnnualReportAttacher(Store& store, const DefinitionRegistry& definitions, const Config& config);

    // The report for `task` (its municipality; the year from its deadline, see
    // report/report_year.hpp) in `language`, at `now`. nullopt when the task has no
    // deadline or municipality, or the report cannot be built (logged).
    std::optional<ReportAttachment> attach(const Task& task, Language language, Instant now);

private:
    Store& store_;
    const DefinitionRegistry& definitions_;
    const Config& config_;
};

// "jaarrapportage-GM0935-2026" / "annual-report-GM0935-2026": the report's file name
// without extension, as the API's Content-Disposition names it too.
std::string annual_report_basename(const std::string& municipality, int year, Language language);

}  // namespace okod
