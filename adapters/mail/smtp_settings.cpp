#include "adapters/mail/smtp_settings.hpp"

namespace okod {

std::optional<SmtpSecurity> parse_smtp_security(std::string_view text) {
    if (text == "none") return SmtpSecurity::none;
    if (text == "starttls") return SmtpSecurity::starttls;
    if (text == "tls") return SmtpSecurity::tls;
    return std::nullopt;
}

std::string_view to_string(SmtpSecurity s) {
    switch (s) {
        case SmtpSecurity::none:
            return "none";
        case SmtpSecurity::starttls:
            return "starttls";
        case SmtpSecurity::tls:
            return "tls";
    }
    return "?";
}

}  // namespace okod
