#pragma once
// Personal data (AVG/GDPR art. 15 and 17): what an erasure asks of the store and what it
// reports back, and how a stored text names a person.
//
// A name lives in one place, the people row. Texts the engine keeps (task titles, the
// event log) name a person by reference, `{person:ID}`, and whoever shows them renders
// the name the people row has at that moment (render_person_refs). An erased person's
// row holds a pseudonym, so every text that refers to them shows the pseudonym. Texts
// written before references existed carry names; an erasure rewrites those.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"

namespace okod {

// "{person:maastricht-anna}": how a stored text refers to a person.
std::string person_ref(std::string_view person_id);

// `text` with every {person:ID} replaced by name_of(ID), or by ID when name_of has
// no name for it. Text without references comes back unchanged.
using PersonNameOf = std::function<std::optional<std::string>(const std::string& person_id)>;
std::string render_person_refs(std::string_view text, const PersonNameOf& name_of);

// Every `from` becomes `to`, in this order (longest texts first, so that "Anna de Vries
// <anna@x.nl>" goes before "Anna de Vries").
struct TextReplacement {
    std::string from;
    std::string to;
};

// What Store::erase_person does in one go: the people row becomes `pseudonym` with no
// address and is marked erased at `at`; the person's outbox rows lose their address
// (pending ones stop); every replacement is applied to the event log's titles and notes
// and to every other text column of the store (not the people rows of others, not the
// stored definition files).
struct PersonErasure {
    std::string person_id;
    std::string pseudonym;
    Instant at{};
    std::vector<TextReplacement> replacements;
};

struct ErasureCounts {
    std::vector<std::int64_t> event_seqs;  // event log lines rewritten, in seq order
    std::int64_t fields = 0;               // other text fields rewritten (task titles, ...)
    std::int64_t outbox_addresses = 0;     // outbox rows whose address was cleared
    std::int64_t outbox_stopped = 0;       // of them, pending ones that will not be sent
};

// The event log line of an erasure names only the pseudonym and says what it rewrote.
inline constexpr std::string_view kPseudonymPrefix = "Verwijderde persoon ";

}  // namespace okod
