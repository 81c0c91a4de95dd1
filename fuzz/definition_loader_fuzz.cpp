// libFuzzer target: a workflow definition file, as an operator might write (or
// mistype) it. Whatever the bytes, the loader reports problems as LoadErrors with a
// position; it must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/definitions/toml_definition_loader.hpp"

namespace {

const okod::RoleCatalog& roles() {
    static const okod::RoleCatalog catalog = [] {
        std::vector<okod::LoadError> errors;
        return okod::parse_roles(
            "[roles.regisseur]\nnl = \"Regisseur\"\n[roles.ggd-contact]\nnl = \"GGD\"\n",
            "roles.toml", errors);
    }();
    return catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<okod::LoadError> errors;
    const auto definition = okod::parse_definition(text, "fuzz.toml", roles(), errors);
    // A definition is either valid or explained: never neither.
    if (!definition && errors.empty()) __builtin_trap();
    for (const auto& e : errors) (void)e.to_string();
    std::vector<okod::LoadError> role_errors;
    (void)okod::parse_roles(text, "roles.toml", role_errors);
    return 0;
}
