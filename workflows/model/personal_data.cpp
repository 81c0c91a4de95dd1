#include "model/personal_data.hpp"

namespace okod {
namespace {
constexpr std::string_view kOpen = "{person:";
}

std::string person_ref(std::string_view person_id) {
    std::string ref(kOpen);
    ref += person_id;
    ref += '}';
    return ref;
}

std::string render_person_refs(std::string_view text, const PersonNameOf& name_of) {
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        const auto open = text.find(kOpen, pos);
        const auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text.substr(pos, open - pos));
        const std::string id(text.substr(open + kOpen.size(), close - open - kOpen.size()));
        const auto name = name_of ? name_of(id) : std::nullopt;
        out += name ? *name : id;
        pos = close + 1;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace okod
