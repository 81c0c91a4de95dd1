// `okoctl people link | unlink | feed-url`: see people_access_command.hpp.
#include "daemon/commands/people_access_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <ostream>

#include "adapters/auth/token_secret.hpp"
#include "daemon/client/api_client.hpp"
#include "daemon/client/client_options.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/commands/people_text.hpp"
#include "daemon/commands/store_session.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

// The address people reach okod at: --public-url, else the config's [http] address.
std::string base_url(const PeopleFeedUrlArgs& args, const Config& config) {
    if (!args.public_url.empty()) {
        std::string url = args.public_url;
        while (!url.empty() && url.back() == '/') url.pop_back();
        return url;
    }
    std::string host = config.http.address;
    if (host.empty() || host == "0.0.0.0") host = "127.0.0.1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return fmt::format("http://{}:{}", host, config.http.port);
}

int link_api(const PeopleLinkArgs& args, bool link, std::ostream& out, std::ostream& err) {
    const std::string sub = link ? "people link" : "people unlink";
    if (local_options_refused(args.common, sub, err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const std::string path = "/api/v1/people/" + args.person + "/memberships";
    const auto reply = link ? connected.api->post(path, {{"municipality", args.municipality}})
                            : connected.api->del(path + "/" + args.municipality);
    if (!reply.ok()) return reply.exit_code;
    std::vector<std::string> codes;
    if (reply.body.is_object())
        if (const auto* m = reply.body.as_object().if_contains("municipalities");
            m && m->is_array())
            for (const auto& c : m->as_array()) codes.emplace_back(c.as_string());
    print_memberships(args.person, codes, out);
    return exit_code::ok;
}

int link_local(const PeopleLinkArgs& args, bool link, std::ostream& out, std::ostream& err) {
    const std::string sub = link ? "link" : "unlink";
    auto opened = open_store_session(args.common, "people " + sub, err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    if (!require_municipality(s, args.municipality, "people " + sub, err)) return 1;
    auto engine = engine_of(s);
    const auto r = link ? engine.link_person(args.person, args.municipality, command_user())
                        : engine.unlink_person(args.person, args.municipality, command_user());
    if (!r.ok) {
        err << fmt::format("okoctl people {}: {}\n", sub, r.error);
        return exit_code::for_refusal(r.refusal);
    }
    print_memberships(args.person, s.store->memberships_of_person(args.person), out);
    return 0;
}

}  // namespace

int run_people_link(const PeopleLinkArgs& args, std::ostream& out, std::ostream& err) {
    return api_mode(args.common.client) ? link_api(args, true, out, err)
                                        : link_local(args, true, out, err);
}

int run_people_unlink(const PeopleLinkArgs& args, std::ostream& out, std::ostream& err) {
    return api_mode(args.common.client) ? link_api(args, false, out, err)
                                        : link_local(args, false, out, err);
}

int run_people_feed_url(const PeopleFeedUrlArgs& args, std::ostream& out, std::ostream& err) {
    if (api_mode(args.common.client)) {
        if (local_options_refused(args.common, "people feed-url", err)) return exit_code::usage;
        auto connected = connect(args.common.client, err);
        if (!connected.api) return connected.exit_code;
        const auto reply = connected.api->post("/api/v1/people/" + args.person + "/feed-url",
                                               {{"rotate", args.rotate}});
        if (!reply.ok()) return reply.exit_code;
        // okod names the URL by the address this request reached it at.
        out << connected.api->connection().url << json_text(reply.body, "path") << '\n';
        return exit_code::ok;
    }
    auto opened = open_store_session(args.common, "people feed-url", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    if (!s.store->person(args.person)) {
        err << fmt::format("okoctl people feed-url: no person {}\n", args.person);
        return 1;
    }
    if (const auto since = s.store->feed_secret_created(args.person); since && !args.rotate) {
        err << fmt::format(
            "okoctl people feed-url: {} has a calendar feed URL since {}; okod keeps only its "
            "hash, so "
            "it cannot be shown again. --rotate makes a new one (the old one stops working)\n",
            args.person, format_local_minutes(*since));
        return 1;
    }
    const std::string secret = new_feed_secret();
    s.store->set_feed_secret(args.person, hash_token(secret), SystemClock().now());
    out << base_url(args, s.config) << "/ical/person/" << secret << ".ics\n";
    err << fmt::format(
        "the calendar feed of {}: subscribe to the URL above in Outlook, Google or Apple Calendar. "
        "It "
        "opens only this read-only feed; okod keeps only its hash, so keep the URL now{}\n",
        args.person, args.rotate ? " (the previous URL no longer works)" : "");
    return 0;
}

}  // namespace okod
