#include "adapters/mail/directory_transport.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "adapters/mail/mime_message.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

MailMessage sample(std::string key = "123|reminder|14|bram") {
    MailMessage m;
    m.from_address = "oko@maastricht.nl";
    m.to_address = "bram.hendriks@ggdzl.nl";
    m.subject = "Herinnering – Jeugdmonitor";
    m.text = "Beste Bram,\n";
    m.message_id = "<okod." + key + "@maastricht.nl>";
    m.idempotency_key = key;
    m.date = at_local(Date{date::year{2025}, date::month{9}, date::day{16}}, TimeOfDay{9 * 60});
    return m;
}

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    return out;
}

TEST(MailDirectoryTransport, writes_each_message_as_an_eml_file_named_by_local_time_and_id) {
    test::TempDir tmp;
    DirectoryTransport transport(tmp / "outbox");  // created on first send
    const MailMessage m = sample();
    const SendResult r = transport.send(m);
    ASSERT_TRUE(r.ok()) << r.error;

    const auto files = files_in(tmp / "outbox");
    ASSERT_EQ(files.size(), 1u);
    EXPECT_TRUE(std::regex_match(files[0].filename().string(),
                                 std::regex(R"(20250916T090000-[0-9a-f]{16}\.eml)")))
        << files[0];
    EXPECT_EQ(files[0], transport.file_for(m));
    EXPECT_EQ(test::read_file(files[0]), render_mime(m));
    EXPECT_EQ(test::parse_mail(test::read_file(files[0])).decoded_subject(), m.subject);
}

TEST(MailDirectoryTransport, sending_the_same_message_again_leaves_one_file) {
    test::TempDir tmp;
    DirectoryTransport transport(tmp.path());
    ASSERT_TRUE(transport.send(sample()).ok());
    ASSERT_TRUE(transport.send(sample()).ok());
    EXPECT_EQ(files_in(tmp.path()).size(), 1u) << "no duplicate and no temporary file left behind";
    ASSERT_TRUE(transport.send(sample("124|reminder|14|bram")).ok());
    EXPECT_EQ(files_in(tmp.path()).size(), 2u);
}

TEST(MailDirectoryTransport, an_unwritable_directory_is_a_retry_with_the_reason) {
    test::TempDir tmp;
    test::write_file(tmp / "not-a-dir", "x");  // even root cannot create a directory below a file
    DirectoryTransport transport(tmp / "not-a-dir" / "outbox");
    const SendResult r = transport.send(sample());
    EXPECT_EQ(r.outcome, SendResult::Outcome::retry);
    EXPECT_NE(r.error.find((tmp / "not-a-dir").string()), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("Not a directory"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace okod
