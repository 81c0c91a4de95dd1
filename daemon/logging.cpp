#include "daemon/logging.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <utility>

#include "daemon/log_escaping_sink.hpp"

namespace okod {
namespace {

spdlog::level::level_enum parse_level(std::string_view level) {
    // spdlog::level::from_str would accept "warning", "err", "off" and turn typos into
    // "off": we take only the five names the config documents.
    static constexpr std::array<std::pair<std::string_view, spdlog::level::level_enum>, 5> levels{{
        {"trace", spdlog::level::trace},
        {"debug", spdlog::level::debug},
        {"info", spdlog::level::info},
        {"warn", spdlog::level::warn},
        {"error", spdlog::level::err},
    }};
    for (const auto& [name, value] : levels)
        if (name == level) return value;
    throw std::invalid_argument(
        fmt::format("unknown log level '{}': expected trace, debug, info, warn or error", level));
}

}  // namespace

bool stderr_is_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) return false;
    unsigned long long device = 0;
    unsigned long long inode = 0;
    char rest = 0;
    if (std::sscanf(stream, "%llu:%llu%c", &device, &inode, &rest) != 2) return false;
    struct stat st {};
    if (fstat(2, &st) != 0) return false;
    return st.st_dev == device && st.st_ino == inode;
}

void setup_logging(std::string_view level) {
    const auto threshold = parse_level(level);
    std::shared_ptr<spdlog::logger> logger;
    if (stderr_is_journal()) {
        // journald stamps the time and maps spdlog's levels to syslog priorities
        // (trace/debug: debug, warn: warning, error: err).
        logger = std::make_shared<spdlog::logger>(
            "okod", std::make_shared<LogEscapingSink>(
                        std::make_shared<spdlog::sinks::systemd_sink_mt>("okod")));
    } else {
        logger = std::make_shared<spdlog::logger>(
            "okod",
            std::make_shared<LogEscapingSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>(
                spdlog::color_mode::automatic)));
        logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%^%l%$] %v");
    }
    logger->set_level(threshold);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(std::move(logger));
}

}  // namespace okod
