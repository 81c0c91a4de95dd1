#pragma once
// A problem in a user's input file, pinned to where they wrote it, so that an editor
// can jump there. Line and column are 1-based; line 0 means the file as a whole (it
// cannot be read, or the problem has no single place). A plain value: copy freely.
#include <string>

namespace okod {

struct LoadError {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    // "file:line:col: message"; "file: message" when line is 0.
    std::string to_string() const;
    friend bool operator==(const LoadError&, const LoadError&) = default;
};

}  // namespace okod
