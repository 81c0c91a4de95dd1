#pragma once
// How a store write says no, as the engine does (model/refusal.hpp): a type, never a
// sentence that a caller would have to read.
//
// Two shapes, one rule. An update of a row by its id throws StoreRefusal: the caller
// read that row first, so finding none is a lost update that must not pass in silence.
// A removal or revocation answers with a StoreWrite: asking to remove what is not there
// is an ordinary question (a second "unlink"), and the caller decides what to say.
#include <optional>
#include <stdexcept>
#include <string>

#include "model/refusal.hpp"  // a leaf header: the vocabulary, not the engine

namespace okod {

// Derives from std::invalid_argument, which the store threw before it had a type.
class StoreRefusal : public std::invalid_argument {
public:
    StoreRefusal(Refusal why, const std::string& what) : std::invalid_argument(what), why_(why) {}
    Refusal why() const noexcept { return why_; }

private:
    Refusal why_;
};

// The outcome of a removal: done, or refused with a reason (not_found: nothing to
// remove). Tests true when done, so `if (!store.remove_...(...))` reads as before.
class [[nodiscard]] StoreWrite {
public:
    static StoreWrite done() { return StoreWrite{std::nullopt}; }
    static StoreWrite refused(Refusal why) { return StoreWrite{why}; }

    explicit operator bool() const noexcept { return !refusal_; }
    std::optional<Refusal> refusal() const noexcept { return refusal_; }

private:
    explicit StoreWrite(std::optional<Refusal> why) : refusal_(why) {}
    std::optional<Refusal> refusal_;
};

}  // namespace okod
