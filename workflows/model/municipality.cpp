#include "model/municipality.hpp"

#include <cctype>

namespace okod {

Date Municipality::trajectory_end() const {
    const Date end = trajectory_start + date::years{trajectory_years};
    return add_days(end.ok() ? end : Date{end.year() / end.month() / date::last}, -1);
}

bool is_cbs_code(std::string_view code) {
    if (code.size() != 6 || code.substr(0, 2) != "GM") return false;
    for (char c : code.substr(2))
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace okod
