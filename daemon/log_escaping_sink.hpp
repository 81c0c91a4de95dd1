#pragma once
// A spdlog sink in front of another that writes control characters in a message as
// escapes (escape_control_characters in model/input_rules.hpp): whatever a client or a
// file puts into a logged value (a name with a line feed, an ANSI escape), it cannot
// start a log line of its own or rewrite the terminal. One place for every log line,
// so no call site has to remember. Thread-safe as the sink it wraps.
#include <spdlog/sinks/sink.h>

#include <memory>

namespace okod {

class LogEscapingSink final : public spdlog::sinks::sink {
public:
    explicit LogEscapingSink(std::shared_ptr<spdlog::sinks::sink> inner);

    void log(const spdlog::details::log_msg& msg) override;
    void flush() override;
    void set_pattern(const std::string& pattern) override;
    void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

    const std::shared_ptr<spdlog::sinks::sink>& inner() const { return inner_; }

private:
    std::shared_ptr<spdlog::sinks::sink> inner_;
};

}  // namespace okod
