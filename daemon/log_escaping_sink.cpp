#include "daemon/log_escaping_sink.hpp"

#include <algorithm>
#include <string>

#include "model/input_rules.hpp"

namespace okod {

LogEscapingSink::LogEscapingSink(std::shared_ptr<spdlog::sinks::sink> inner)
    : inner_(std::move(inner)) {}

void LogEscapingSink::log(const spdlog::details::log_msg& msg) {
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    // Plain printable ASCII, nearly every line, passes as it is.
    const bool plain = std::all_of(payload.begin(), payload.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7f;
    });
    if (plain) return inner_->log(msg);
    const std::string escaped = escape_control_characters(payload);
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(escaped.data(), escaped.size());
    inner_->log(copy);
}

void LogEscapingSink::flush() { inner_->flush(); }

void LogEscapingSink::set_pattern(const std::string& pattern) { inner_->set_pattern(pattern); }

void LogEscapingSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
    inner_->set_formatter(std::move(formatter));
}

}  // namespace okod
