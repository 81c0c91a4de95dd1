#pragma once
// The yearly report to college and council as a document, in its own language: the
// position in the cycle, the year from the event log, the process monitor, the activity
// overview and goals (with a year plan), the execution plan after a Scanner, the success
// conditions, the deadlines ahead and a draft of next year's plan.
#include "adapters/report/report_document.hpp"
#include "report/annual_report.hpp"

namespace okod {

Document annual_report_document(const AnnualReport& r, const std::string& version);

}  // namespace okod
