// Survey results uploaded through the API (issue 19), against the real okod: a preview
// changes nothing; a file with any problem stores nothing, and says which line; a line
// of another municipality is such a problem; only who may change the municipality's
// work may upload.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

namespace okod::test {
namespace {

constexpr const char* kHeader = "gemeente;indicator;populatie;jaar;waarde;eenheid\n";

// `language`: what the caller's Accept-Language asks for (none: okod's default, Dutch).
HttpResult upload(const ApiDaemon& okod, const std::string& token, const std::string& csv,
                  bool dry_run, const std::string& language = "") {
    std::vector<std::string> headers{"Authorization: Bearer " + token, "Content-Type: text/csv"};
    if (!language.empty()) headers.push_back("Accept-Language: " + language);
    return http_request_with_headers(
        "POST",
        okod.url() + "/api/v1/municipalities/GM0935/survey?file=monitor.csv&dry_run=" +
            (dry_run ? "true" : "false"),
        headers, csv);
}

// The municipality's event-log lines of `kind`, every page read.
std::vector<boost::json::object> events_of_kind(const ApiDaemon& okod, const std::string& token,
                                                const std::string& kind) {
    std::vector<boost::json::object> out;
    std::int64_t after = 0;
    for (int page = 0; page < 100; ++page) {
        const auto r = http_request_with_headers(
            "GET",
            okod.url() +
                "/api/v1/events?municipality=GM0935&limit=1000&after=" + std::to_string(after),
            {"Authorization: Bearer " + token}, "");
        const auto answer = r.json();
        for (const auto& e : answer.at("events").as_array())
            if (e.at("kind").as_string() == kind) out.push_back(e.as_object());
        const auto next = answer.at("next_after").to_number<std::int64_t>();
        if (next == after) break;
        after = next;
    }
    return out;
}

TEST(SurveyUpload, a_preview_stores_nothing_and_a_bad_line_stores_nothing_either) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto tokens = demo_tokens(okod);
    const std::string good =
        std::string(kHeader) + "GM0935;alcohol_last_month;13;2025;21,4 %;procent\n";

    const auto preview = upload(okod, tokens.regisseur, good, true);
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_EQ(preview.json().at("counts").at("new"), 1);
    // Still new: the preview stored nothing.
    EXPECT_EQ(upload(okod, tokens.regisseur, good, true).json().at("counts").at("new"), 1);

    // A value that is no number, and (in a file of its own: the file's own problems come
    // first) another municipality's line: 422, named by line, and the good line before
    // them is not stored.
    const auto refused = [&](const std::string& line, const std::string& language = "") {
        const auto r = upload(okod, tokens.regisseur, good + line, false, language);
        EXPECT_EQ(r.status, 422) << r.body;
        const auto answer = r.json();  // kept: the loop reads into it
        std::string all;
        for (const auto& e : answer.at("errors").as_array())
            all += std::string(e.at("text").as_string()) + "\n";
        return all;
    };
    const auto not_a_number = refused("GM0935;binge_drinking;15;2025;veel;procent\n");
    // Dutch unless the caller asks for English.
    EXPECT_EQ(not_a_number, "monitor.csv:3: kolom 5 (waarde): 'veel' is geen getal\n");
    EXPECT_EQ(refused("GM0935;binge_drinking;15;2025;veel;procent\n", "en-GB,en;q=0.9"),
              "monitor.csv:3: column 5 (waarde): 'veel' is not a number\n");
    const auto elsewhere = refused("GM0014;alcohol_last_month;13;2025;19;procent\n", "en");
    EXPECT_NE(elsewhere.find("monitor.csv:3"), std::string::npos) << elsewhere;
    EXPECT_NE(elsewhere.find("GM0014 is not GM0935"), std::string::npos) << elsewhere;
    const auto elders = refused("GM0014;alcohol_last_month;13;2025;19;procent\n", "nl");
    EXPECT_NE(elders.find("GM0014 is niet GM0935"), std::string::npos) << elders;
    EXPECT_TRUE(events_of_kind(okod, tokens.regisseur, "survey_imported").empty());
    EXPECT_EQ(upload(okod, tokens.regisseur, good, true).json().at("counts").at("new"), 1);

    const auto stored = upload(okod, tokens.regisseur, good, false);
    ASSERT_EQ(stored.status, 200) << stored.body;
    // The upload is in the municipality's event log: the file, what it held, who sent it.
    const auto logged = events_of_kind(okod, tokens.regisseur, "survey_imported");
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].at("title"), "monitor.csv");
    const std::string note(logged[0].at("note").as_string());
    EXPECT_TRUE(note.starts_with("monitor.csv: 1 waarde: alcohol_last_month 2025 (door ")) << note;
    const auto again = upload(okod, tokens.regisseur, good, true).json();
    EXPECT_EQ(again.at("counts").at("unchanged"), 1);
    EXPECT_EQ(again.at("rows").at(0).at("before"), 21.4);
}

TEST(SurveyUpload, the_council_and_a_stakeholder_may_not_upload) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto tokens = demo_tokens(okod);
    const std::string good =
        std::string(kHeader) + "GM0935;alcohol_last_month;13;2025;21,4 %;procent\n";
    EXPECT_EQ(upload(okod, tokens.council, good, false).status, 403);
    EXPECT_EQ(upload(okod, tokens.stakeholder, good, false).status, 403);
    EXPECT_EQ(upload(okod, tokens.regisseur, good, true).json().at("counts").at("new"), 1);
}

}  // namespace
}  // namespace okod::test
