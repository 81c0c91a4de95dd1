#include "adapters/mail/mail_register.hpp"

#include "model/people.hpp"

namespace okod {

Register register_for_role(std::string_view role) {
    return role == kWethouderRole || role == kSteeringGroupRole || role == "raadsgriffier"
               ? Register::u
               : Register::je;
}

}  // namespace okod
