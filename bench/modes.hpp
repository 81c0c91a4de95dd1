#pragma once
// The benchmark driver's modes, one file each: okod_bench MODE [--option value ...].
// Each returns the process exit code (2 for a bad argument).
#include <string>
#include <vector>

namespace okod::bench {

int decade(const std::vector<std::string>& args);     // decade.cpp
int europe(const std::vector<std::string>& args);     // decade.cpp
int reminders(const std::vector<std::string>& args);  // reminders.cpp
int routes(const std::vector<std::string>& args);     // routes.cpp

}  // namespace okod::bench
