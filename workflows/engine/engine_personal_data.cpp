// Erasing a person (AVG/GDPR art. 17). The name and address move out of every text the
// store keeps; the id stays, as a tombstone that keeps config files and okoctl from
// bringing the person back, and as the key the audit trail's lines still share.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "engine/engine.hpp"
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// A text shorter than this is not replaced wherever it occurs: "Jo" would hit "Jonge".
constexpr std::size_t kShortestReplaced = 3;

// "3-5, 9": the seqs an erasure rewrote, short enough for one log line.
std::string seq_ranges(const std::vector<std::int64_t>& seqs) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < seqs.size();) {
        std::size_t j = i;
        while (j + 1 < seqs.size() && seqs[j + 1] == seqs[j] + 1) ++j;
        parts.push_back(j == i ? std::to_string(seqs[i]) : fmt::format("{}-{}", seqs[i], seqs[j]));
        i = j + 1;
    }
    return parts.empty() ? std::string("geen") : fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<TextReplacement> replacements_for(const KnownIdentity& k,
                                              const std::string& pseudonym) {
    std::vector<TextReplacement> r;
    // Addresses first and with their brackets, so "Anna <a@x.nl>" loses " <a@x.nl>" whole.
    for (const auto& a : k.addresses) {
        if (a.size() < kShortestReplaced) continue;
        r.push_back({" <" + a + ">", ""});
        r.push_back({"<" + a + ">", ""});
        r.push_back({a, ""});
    }
    auto names = k.names;
    std::sort(names.begin(), names.end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& n : names)
        if (n.size() >= kShortestReplaced && n != pseudonym) r.push_back({n, pseudonym});
    return r;
}

}  // namespace

ErasureResult Engine::erase_person(const std::string& person_id, const std::string& by) {
    ErasureResult result;
    auto fail = [&](std::string message) {
        result.ok = false;
        result.error = std::move(message);
        return result;
    };
    auto tx = store_.begin();
    const auto p = store_.person(person_id);
    if (!p) return fail(fmt::format("no person '{}'", person_id));
    if (store_.person_erased_at(person_id)) {
        result.already = true;
        result.pseudonym = p->name;
        return result;
    }

    // Someone who still holds a role is still addressed by okod's work: their leave
    // (and its hand-over) comes first, the erasure after their last day.
    const Date today = local_date(clock_.now());
    std::vector<std::string> held;
    std::optional<Date> last_day;  // the latest end of what they hold
    bool open_ended = false;
    for (const auto& m : store_.all_municipalities())
        for (const auto& a : store_.assignments_of_municipality(m.code)) {
            if (a.person_id != person_id ||
                (a.until && date::sys_days{*a.until} < date::sys_days{today}))
                continue;
            held.push_back(fmt::format("{} in {} {}", a.role, m.code,
                                       a.until ? "until " + format_date(*a.until) : "open-ended"));
            if (!a.until)
                open_ended = true;
            else if (!last_day || date::sys_days{*a.until} > date::sys_days{*last_day})
                last_day = a.until;
        }
    if (!held.empty() && open_ended)
        return fail(fmt::format(
            "{} still holds a role ({}): record their leave first (okoctl people leave {} "
            "--municipality ... --last-day ...), then erase after their last day",
            person_id, fmt::join(held, "; "), person_id));
    if (!held.empty())
        return fail(
            fmt::format("{} still holds a role ({}): erase from {} on, after their last day",
                        person_id, fmt::join(held, "; "), format_date(add_days(*last_day, 1))));

    result.pseudonym = fmt::format("{}{}", kPseudonymPrefix, store_.erased_people_count() + 1);
    PersonErasure erasure;
    erasure.person_id = person_id;
    erasure.pseudonym = result.pseudonym;
    erasure.at = clock_.now();
    erasure.replacements = replacements_for(known_identity(store_, *p), result.pseudonym);
    result.counts = store_.erase_person(erasure);
    // Their tokens name them and would act as them: they stop with the erasure.
    for (const auto& t : store_.all_tokens())
        if (t.person_id == person_id && t.active() && store_.revoke_token(t.id, erasure.at))
            ++result.tokens_revoked;

    Event e;
    e.at = erasure.at;
    e.kind = EventKind::person_erased;
    e.person = person_id;
    e.note = fmt::format(
        "persoonsgegevens gewist, voortaan '{}'; herschreven: logboekregels {}, {} andere velden, "
        "{} e-mailadressen in de outbox ({} niet meer te verzenden); {} tokens ingetrokken",
        result.pseudonym, seq_ranges(result.counts.event_seqs), result.counts.fields,
        result.counts.outbox_addresses, result.counts.outbox_stopped, result.tokens_revoked);
    if (!by.empty()) e.note += " door " + by;
    result.event_seq = store_.append_event(e);
    tx->commit();
    return result;
}

}  // namespace okod
