// The real okod, on the demo clock a few seconds before the regisseur's first reminder
// for the 2026 yearly report (10 September 09:00, five weeks before Maastricht's
// report_due of 15 October): okod writes the report to its reports directory as HTML,
// Markdown and PDF (Debian's chromium), and the reminder leaves with the HTML and PDF
// attached. The mail is read back by Python's email package, not by okod's own code.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "support/api_daemon.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace json = boost::json;

// scripts/mail_parts.py's view of an .eml file.
json::object mail_parts(const fs::path& eml, const fs::path& log) {
    // The log is appended to: a file left by an earlier poll would hold two objects.
    fs::remove(log);
    ChildProcess python("/usr/bin/python3",
                        {source_path("scripts/mail_parts.py").string(), eml.string()}, log);
    EXPECT_EQ(python.wait_for(60s), 0) << read_file(log);
    boost::system::error_code ec;
    auto v = json::parse(read_file(log), ec);
    EXPECT_FALSE(ec) << read_file(log);
    return ec || !v.is_object() ? json::object{} : v.as_object();
}

// The .eml files whose subject has `words`, read by mail_parts.py.
std::vector<json::object> mails_about(const fs::path& dir, const std::string& words,
                                      const fs::path& scratch) {
    std::vector<json::object> out;
    if (!fs::is_directory(dir)) return out;
    // One scratch file per reading, across the polls: the child appends to its log, so a
    // name used again would hold two documents once more than one mail matches.
    static int n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".eml") continue;
        if (read_file(entry.path()).find("Jaarrapportage") == std::string::npos &&
            read_file(entry.path()).find("=?UTF-8?") == std::string::npos)
            continue;
        auto parts = mail_parts(entry.path(), scratch / ("parts-" + std::to_string(++n) + ".json"));
        if (parts.contains("subject") &&
            std::string(parts.at("subject").as_string()).find(words) != std::string::npos)
            out.push_back(std::move(parts));
    }
    return out;
}

TEST(ReportDeliveryProcess, okod_writes_the_report_and_sends_it_with_the_regisseurs_reminder) {
    ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "run scripts/install-deps.sh --tests";
    ApiDaemon okod("2026-09-10T08:59:56+02:00", "", [](const fs::path& dir) {
        write_file(dir / "okod.toml",
                   read_file(dir / "okod.toml") + "[reports]\ndir = \"reports\"\npdf = true\n");
    });
    ASSERT_TRUE(okod.ready());
    const fs::path reports = okod.dir() / "reports";
    const fs::path pdf = reports / "jaarrapportage-GM0935-2026.pdf";
    // Bounded: the reminder is due 4 s after the start; the PDF takes chromium a few seconds.
    const bool written = wait_until([&] { return fs::exists(pdf); }, 60s);
    ASSERT_TRUE(written) << okod.log();
    EXPECT_EQ(read_file(pdf).rfind("%PDF", 0), 0u);
    EXPECT_NE(read_file(reports / "jaarrapportage-GM0935-2026.html")
                  .find("<h1>Jaarrapportage OKO 2026 – Maastricht</h1>"),
              std::string::npos);
    EXPECT_TRUE(fs::exists(reports / "jaarrapportage-GM0935-2026.md"));

    std::vector<json::object> mails;
    wait_until(
        [&] {
            mails = mails_about(okod.dir() / "state/mail", "Herinnering: Jaarrapportage opstellen",
                                okod.dir());
            return !mails.empty();
        },
        30s);
    ASSERT_EQ(mails.size(), 1u) << okod.log();
    EXPECT_NE(okod.log().find("yearly report GM0935 2026 written to"), std::string::npos);
    const auto& m = mails.front();
    EXPECT_NE(std::string(m.at("to").as_string()).find("sanne.vermeulen@maastricht.example"),
              std::string::npos);
    EXPECT_EQ(m.at("content_type").as_string(), "multipart/mixed");
    EXPECT_NE(std::string(m.at("text").as_string()).find("concept-jaarrapportage 2026"),
              std::string::npos)
        << m.at("text");
    const auto& files = m.at("attachments").as_array();
    ASSERT_EQ(files.size(), 2u) << m;
    EXPECT_EQ(files[0].at("filename").as_string(), "jaarrapportage-GM0935-2026.html");
    EXPECT_EQ(files[0].at("content_type").as_string(), "text/html");
    EXPECT_EQ(files[1].at("filename").as_string(), "jaarrapportage-GM0935-2026.pdf");
    EXPECT_EQ(files[1].at("content_type").as_string(), "application/pdf");
    EXPECT_EQ(std::string(files[1].at("head").as_string()).rfind("%PDF", 0), 0u);
    EXPECT_EQ(files[1].at("size").as_int64(), static_cast<std::int64_t>(fs::file_size(pdf)));
}

}  // namespace
}  // namespace okod::test
