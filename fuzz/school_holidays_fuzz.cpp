// libFuzzer target: the government's school-holiday JSON (okoctl calendar
// import-school-holidays). Malformed JSON, wrong types and odd dates are errors with a
// position, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/calendar/school_holidays_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<okod::LoadError> errors;
    (void)okod::parse_school_holidays_json(text, "fuzz.json", errors);
    for (const auto& e : errors) (void)e.to_string();
    return 0;
}
