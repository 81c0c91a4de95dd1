#include "adapters/mail/eml_retention.hpp"

#include <fstream>
#include <iterator>
#include <string_view>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// "20250930T170000-<hash>.eml" -> "20250930T170000"; empty when the name is not the transport's.
std::string stamp_of(const fs::path& p) {
    const std::string name = p.filename().string();
    if (p.extension() != ".eml" || name.size() < 17 || name[8] != 'T' || name[15] != '-') return {};
    for (std::size_t i = 0; i < 15; ++i)
        if (i != 8 && (name[i] < '0' || name[i] > '9')) return {};
    return name.substr(0, 15);
}

std::string stamp_at(Instant t) {
    std::string stamp;
    for (char c : format_iso_local(t).substr(0, 19))
        if (c != '-' && c != ':') stamp += c;
    return stamp;
}

template <typename Remove>
int remove_where(const fs::path& dir, Remove remove) {
    std::error_code ec;
    int removed = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string stamp = stamp_of(it->path());
        if (stamp.empty() || !remove(it->path(), stamp)) continue;
        std::error_code gone;
        if (fs::remove(it->path(), gone)) ++removed;
    }
    return removed;
}

}  // namespace

int remove_eml_sent_before(const fs::path& dir, Instant cutoff) {
    const std::string limit = stamp_at(cutoff);
    return remove_where(dir,
                        [&](const fs::path&, const std::string& stamp) { return stamp < limit; });
}

int remove_eml_containing(const fs::path& dir, const std::string& needle) {
    if (needle.empty()) return 0;
    return remove_where(dir, [&](const fs::path& p, const std::string&) {
        std::ifstream in(p, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        return text.find(needle) != std::string::npos;
    });
}

}  // namespace okod
