#include "daemon/api/caller_language.hpp"

#include <charconv>

#include "daemon/api/route_call.hpp"
#include "model/trim.hpp"

namespace okod {
namespace {

// The weight of a range's parameters (";q=0.8", ";level=1;q=0.5"): 1 without a q, 0
// for a q that cannot be read.
double weight_of(std::string_view params) {
    while (!params.empty()) {
        params.remove_prefix(1);  // the ';'
        const auto next = params.find(';');
        std::string_view param = trim_blanks(params.substr(0, next));
        params = next == std::string_view::npos ? std::string_view{} : params.substr(next);
        if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
        param.remove_prefix(2);
        double q = 0;
        const auto [end, ec] = std::from_chars(param.data(), param.data() + param.size(), q);
        return ec == std::errc{} && end == param.data() + param.size() ? q : 0;
    }
    return 1;
}

}  // namespace

std::optional<Language> accepted_language(std::string_view header) {
    std::optional<Language> best;
    double best_weight = 0;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view range = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const auto semicolon = range.find(';');
        const std::string tag = ascii_lower(trim_blanks(range.substr(0, semicolon)));
        const std::string primary = tag.substr(0, tag.find('-'));
        const auto language = parse_language(primary);
        if (!language) continue;
        const double weight =
            semicolon == std::string_view::npos ? 1 : weight_of(range.substr(semicolon));
        if (weight > best_weight) {
            best = language;
            best_weight = weight;
        }
    }
    return best;
}

Language caller_language(const RouteCall& call) {
    const auto& headers = call.request.headers;
    if (auto it = headers.find("accept-language"); it != headers.end())
        if (auto l = accepted_language(it->second)) return *l;
    if (!call.token.person_id.empty())
        if (auto p = call.store().person(call.token.person_id)) return p->language;
    return Language::nl;
}

}  // namespace okod
