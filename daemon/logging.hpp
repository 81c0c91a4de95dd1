#pragma once
// Where okod's log goes: the process-wide default spdlog logger ("okod").
//
// Under systemd, stderr is a stream into the journal; then okod logs through the
// journal API itself, so every line keeps its priority (journalctl -p warning) and
// SYSLOG_IDENTIFIER=okod. Anywhere else it writes
//   2026-03-01 09:00:00.123 [info] message
// to stderr, in colour only on a terminal.
#include <string_view>

namespace okod {

// Installs the default logger at `level`: trace, debug, info, warn or error. Throws
// std::invalid_argument naming the bad level and the valid ones. May be called again
// (on reload) to change the level.
void setup_logging(std::string_view level);

// True when stderr is the journal stream systemd connected us to: $JOURNAL_STREAM
// ("device:inode") names the same file as fstat(2) of fd 2, as systemd.exec(5) says.
bool stderr_is_journal();

}  // namespace okod
