#pragma once
// The rules for text that people give okod: through the API, okoctl and the config
// files alike. No I/O: callers turn a refusal into their own shape (a 422 naming the
// field, an okoctl message and exit code, `file:line:col: message`).
//
// - Every text is UTF-8 without control characters (C0, DEL, C1): a line feed in a name
//   would start a new line in a log or a mail header, a NUL cut it short in C APIs.
// - Free text that may run over lines (a note, a reason, a remark, the paragraphs of an
//   execution-plan action) may hold line feeds and tabs, but never NUL or CR (a line
//   break is LF only, so a text cannot end an SMTP line or a header).
// - A reason (skip, reschedule, a traffic light set by hand) must say something: empty
//   or only whitespace is refused.
// - An e-mail address is exactly one RFC 5322 addr-spec in its dot-atom form:
//   local-part@domain, the domain one or more DNS labels. No display name
//   ("Name <a@b>"), no list ("a@x, b@y"), no quoted local part, no address literal.
//
// Messages start with the field's name, as the API and okoctl show them:
// "name: contains a control character (U+000A)".
#include <optional>
#include <string>
#include <string_view>

namespace okod {

enum class TextKind {
    line,       // names, ids, labels, codes, e-mail addresses: one line
    free_text,  // notes, reasons, remarks: LF and TAB allowed
};

// Why `text` cannot be the value of `field`, or nothing.
std::optional<std::string> text_problem(std::string_view field, std::string_view text,
                                        TextKind kind = TextKind::line);

// As text_problem(free_text), and the text must say something (not only whitespace).
std::optional<std::string> reason_problem(std::string_view field, std::string_view text);

// Why `address` is not one e-mail address (see above), or nothing. Empty is refused:
// callers that allow "no address" check for empty first.
std::optional<std::string> email_problem(std::string_view field, std::string_view address);
bool is_email_address(std::string_view address);

// True when `text` is empty or only spaces, tabs and line breaks.
bool is_blank(std::string_view text);

// `text` with every control character (C0, DEL, C1, and U+2028/U+2029, which some
// viewers take for line breaks) written as an escape (\n, \r, \t, \x00, \u0085), and
// bytes that are not UTF-8 as \xNN: a logged value can never start a log line of its
// own or move a terminal's cursor. Anything else, backslashes included, is kept.
std::string escape_control_characters(std::string_view text);

}  // namespace okod
