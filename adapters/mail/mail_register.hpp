#pragma once
// Which Dutch register a text takes: "u" for the administrators, aldermen and the
// council (the steering group, the alderman, the council clerk), "je" for everyone who
// works in the programme, the regisseur's manager (leidinggevende) included. One register per text:
// the writers pick it once, from the role the reader is addressed in, and word every sentence in
// it.
#include <string_view>

namespace okod {

enum class Register { je, u };

Register register_for_role(std::string_view role);

}  // namespace okod
