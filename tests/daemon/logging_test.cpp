// setup_logging: the level names, the journal detection, and the stderr line format.
#include "daemon/logging.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>

#include "daemon/log_escaping_sink.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

// Puts the default logger and JOURNAL_STREAM back as they were.
class Logging : public ::testing::Test {
protected:
    Logging() : logger_(spdlog::default_logger()) {
        if (const char* s = std::getenv("JOURNAL_STREAM")) journal_stream_ = s;
    }
    ~Logging() override {
        spdlog::set_default_logger(logger_);
        if (journal_stream_)
            setenv("JOURNAL_STREAM", journal_stream_->c_str(), 1);
        else
            unsetenv("JOURNAL_STREAM");
    }
    static std::string stderr_identity() {
        struct stat st {};
        fstat(2, &st);
        return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    }

private:
    std::shared_ptr<spdlog::logger> logger_;
    std::optional<std::string> journal_stream_;
};

TEST_F(Logging, rejects_an_unknown_level_and_names_the_valid_ones) {
    try {
        setup_logging("warning");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(),
                     "unknown log level 'warning': expected trace, debug, info, warn or error");
    }
}

TEST_F(Logging, sets_the_default_logger_to_the_level) {
    unsetenv("JOURNAL_STREAM");
    setup_logging("trace");
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::trace);
    setup_logging("warn");
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::warn);
    setup_logging("error");
    EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::err);
    EXPECT_EQ(spdlog::default_logger()->name(), "okod");
}

TEST_F(Logging, takes_stderr_for_the_journal_only_when_JOURNAL_STREAM_names_it) {
    unsetenv("JOURNAL_STREAM");
    EXPECT_FALSE(stderr_is_journal());
    setenv("JOURNAL_STREAM", "1:2", 1);  // a child of a journal-logged process, say
    EXPECT_FALSE(stderr_is_journal());
    setenv("JOURNAL_STREAM", (stderr_identity() + "x").c_str(), 1);
    EXPECT_FALSE(stderr_is_journal());
    setenv("JOURNAL_STREAM", stderr_identity().c_str(), 1);
    EXPECT_TRUE(stderr_is_journal());
}

TEST_F(Logging, logs_through_the_journal_api_under_systemd) {
    setenv("JOURNAL_STREAM", stderr_identity().c_str(), 1);
    setup_logging("info");
    const auto& sinks = spdlog::default_logger()->sinks();
    ASSERT_EQ(sinks.size(), 1u);
    const auto* escaping = dynamic_cast<LogEscapingSink*>(sinks[0].get());
    ASSERT_NE(escaping, nullptr);
    EXPECT_NE(dynamic_cast<spdlog::sinks::systemd_sink_mt*>(escaping->inner().get()), nullptr);
}

TEST_F(Logging, writes_time_level_and_message_to_stderr_elsewhere) {
    unsetenv("JOURNAL_STREAM");
    TempDir dir;
    const auto file = dir / "stderr";
    const int saved = dup(2);
    const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    setup_logging("info");  // after the redirect: the sink decides on colours now
    spdlog::debug("not shown at info");
    spdlog::info("3 municipalities loaded");
    spdlog::default_logger()->flush();
    dup2(saved, 2);
    close(saved);
    const std::string text = read_file(file);
    EXPECT_TRUE(std::regex_match(
        text,
        std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[info\] 3 municipalities loaded\n)")))
        << text;
}

TEST_F(Logging, a_value_with_control_characters_stays_on_its_own_log_line) {
    unsetenv("JOURNAL_STREAM");
    TempDir dir;
    const auto file = dir / "stderr";
    const int saved = dup(2);
    const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    setup_logging("info");
    // A name as a hostile client would send it: a forged second log line and an ANSI
    // escape that would clear the terminal.
    spdlog::info("saved person '{}'", "Eva\n2026-03-02 09:00:00.000 [error] forged\x1b[2J\r");
    spdlog::info("Jürgen ✓");
    spdlog::default_logger()->flush();
    dup2(saved, 2);
    close(saved);
    const std::string text = read_file(file);
    EXPECT_NE(
        text.find(
            "[info] saved person 'Eva\\n2026-03-02 09:00:00.000 [error] forged\\x1b[2J\\r'\n"),
        std::string::npos)
        << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
    EXPECT_NE(text.find("[info] Jürgen ✓\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace okod::test
