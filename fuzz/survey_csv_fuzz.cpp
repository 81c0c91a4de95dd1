// libFuzzer target: a survey CSV export (okoctl import survey). Every byte sequence
// either parses or gets row/column-precise errors; nothing crashes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/survey/csv_reader.hpp"
#include "adapters/survey/survey_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)okod::read_csv(text);
    const auto parsed = okod::parse_survey_csv(text, "fuzz.csv");
    (void)parsed;
    return 0;
}
