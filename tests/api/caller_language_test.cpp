// Which language an Accept-Language header asks okod for: the first of nl and en by the
// weights it gives, whatever else it names.
#include "daemon/api/caller_language.hpp"

#include <gtest/gtest.h>

namespace okod {
namespace {

TEST(CallerLanguage, accept_language_picks_dutch_or_english_by_their_weights) {
    EXPECT_EQ(accepted_language("en-GB,en;q=0.9,nl;q=0.8"), Language::en);
    EXPECT_EQ(accepted_language("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"), Language::nl);
    EXPECT_EQ(accepted_language("EN"), Language::en);
    EXPECT_EQ(accepted_language("nl;q=0.5, en;q=0.7"), Language::en);
    // A browser in German whose user also reads English.
    EXPECT_EQ(accepted_language("de-DE,de;q=0.9,en;q=0.8,nl;q=0.7"), Language::en);
}

TEST(CallerLanguage, a_header_that_asks_for_neither_leaves_the_choice_to_okod) {
    EXPECT_EQ(accepted_language(""), std::nullopt);
    EXPECT_EQ(accepted_language("fr-FR,fr;q=0.9"), std::nullopt);
    EXPECT_EQ(accepted_language("*"), std::nullopt);
    EXPECT_EQ(accepted_language("en;q=0"), std::nullopt);
    EXPECT_EQ(accepted_language("en;q=abc"), std::nullopt);
    EXPECT_EQ(accepted_language("english"), std::nullopt);
}

}  // namespace
}  // namespace okod
