#pragma once
// What reading a command's view from okod's store or from its API gives: the view, or
// the exit code to end with (the reason is already on stderr). Both sources of one
// command return this, so its run function is: read, then print with one renderer.
#include <optional>
#include <utility>

namespace okod {

template <class View>
struct ViewOrExit {
    std::optional<View> view;
    int exit_code = 0;

    static ViewOrExit exit(int code) { return {std::nullopt, code}; }
    static ViewOrExit of(View v) { return {std::move(v), 0}; }
};

}  // namespace okod
