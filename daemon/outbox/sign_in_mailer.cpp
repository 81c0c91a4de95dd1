#include "daemon/outbox/sign_in_mailer.hpp"

#include <fmt/format.h>

#include "adapters/auth/token_secret.hpp"
#include "adapters/mail/sign_in_mail.hpp"
#include "daemon/runtime.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {

std::string public_base_url(const Runtime& runtime) {
    const auto& http = runtime.config.http;
    if (!http.public_url.empty()) return http.public_url;
    return fmt::format("http://{}:{}", http.address, http.port);
}

std::optional<MailMessage> compose_sign_in(Runtime& runtime, const MailIdentity& from,
                                           const OutboxItem& item, std::string& why_not) {
    const int minutes = runtime.config.auth.link_minutes;
    const Instant now = SystemClock().now();
    if (now - item.created_at >= std::chrono::minutes(minutes)) {
        why_not = fmt::format("not sent: a sign-in link asked for at {} is no use after {} minutes",
                              format_local_minutes(item.created_at), minutes);
        return std::nullopt;
    }
    const auto person = runtime.store->person(item.person_id);
    if (!person || person->email.empty()) {
        why_not =
            fmt::format("not sent: person '{}' has no e-mail address any more", item.person_id);
        return std::nullopt;
    }
    const std::string secret = new_link_secret();
    SignInLink link;
    link.hash = hash_token(secret);
    link.person_id = item.person_id;
    link.created_at = now;
    link.expires_at = now + std::chrono::minutes(minutes);
    runtime.store->add_sign_in_link(link);
    SignInMailContext c;
    c.item = item;
    c.person_name = person->name;
    c.link = public_base_url(runtime) + "/auth/link/" + secret;
    c.link_minutes = minutes;
    return compose_sign_in_mail(c, from);
}

}  // namespace okod
