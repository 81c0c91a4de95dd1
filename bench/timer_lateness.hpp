#pragma once
// Timer lateness as okod measures it: at debug level each engine step logs "timer due T
// handled X ms late" (daemon/run/daemon.cpp), X from the real moment the clock showed T
// to the commit of the transaction holding the step.
#include <filesystem>
#include <string>
#include <vector>

#include "time/clock.hpp"

namespace okod::bench {

// The lateness of every step in okod's `log` whose timer was due in [from, to], sorted.
std::vector<double> timer_lateness_ms(const std::filesystem::path& log, Instant from, Instant to);

}  // namespace okod::bench
