// The yearly report as the griffie gets it: okoctl fetches it from the real okod, Debian's
// chromium prints the HTML to PDF (A4) and poppler reads the PDF back: several pages,
// with the report's Dutch text on them, not a blank page.
#include "support/api_daemon.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace okod::test {
namespace {

using namespace std::chrono_literals;

RunResult run_tool(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& log) {
    ChildProcess p(program, args, log);
    RunResult r;
    r.exit_code = p.wait_for(120s).value_or(-1);
    r.out = read_file(log);
    return r;
}

TEST(AnnualReportPdf, the_html_report_prints_to_a_multi_page_a4_pdf_with_its_text) {
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium")) << "run scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/pdfinfo")) << "run scripts/install-deps.sh --tests (poppler-utils)";
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto council = okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    // The survey results of the shipped example, for the goals' figures and trend charts.
    const auto imported = run_binary("okoctl", {"import", "survey", source_path("config/examples/survey-maastricht-trends.csv").string(),
                                                "--config", okod.config().string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto html = okod.dir() / "jaarrapportage.html";
    auto r = run_binary("okoctl",
                        {"report", "annual", "--municipality", "GM0935", "--year", "2025", "--output", html.string()},
                        {"OKOD_URL=" + okod.url(), "OKOD_TOKEN=" + council, "OKOD_TOKEN_FILE", "OKOD_CONFIG"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(html).find("<h1>Jaarrapportage OKO 2025 – Maastricht</h1>"), std::string::npos);

    const auto pdf = okod.dir() / "jaarrapportage.pdf";
    auto printed = run_tool("/usr/bin/chromium",
                            {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + html.string()},
                            okod.dir() / "chromium.log");
    ASSERT_EQ(printed.exit_code, 0) << printed.out;
    ASSERT_TRUE(std::filesystem::exists(pdf)) << printed.out;

    const auto info = run_tool("/usr/bin/pdfinfo", {pdf.string()}, okod.dir() / "pdfinfo.log");
    ASSERT_EQ(info.exit_code, 0) << info.out;
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;  // "Page size: 594.96 x 841.92 pts (A4)"
    const auto pages_at = info.out.find("Pages:");
    ASSERT_NE(pages_at, std::string::npos) << info.out;
    EXPECT_GE(std::stoi(info.out.substr(pages_at + 6)), 2) << info.out;  // the draft plan starts a page

    const auto text = run_tool("/usr/bin/pdftotext", {"-layout", pdf.string(), "-"}, okod.dir() / "pdftotext.log");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    for (const char* words : {"Jaarrapportage OKO 2025", "Positie in de cyclus", "Activiteitenoverzicht per werkgroep",
                              "Doelen en metingen", "17,6 %", "Succesvoorwaarden", "Concept-jaarplan 2026",
                              "Gemeenteraadsverkiezingen"})
        EXPECT_NE(text.out.find(words), std::string::npos) << words << "\n" << text.out;
}

}  // namespace
}  // namespace okod::test
