#include "daemon/commands/people_privacy_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <ostream>

#include "adapters/mail/eml_retention.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/api/person_export_json.hpp"
#include "daemon/commands/store_session.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

bool server_only(const StoreOrApiOptions& c, const std::string& sub, std::ostream& err) {
    if (!api_mode(c.client)) return false;
    err << fmt::format(
        "okoctl people {}: works on okod's store on its server only (unset OKOD_URL, leave out "
        "--url)\n",
        sub);
    return true;
}

// Personal data: readable by the owner only (0600), and whole or not at all (a rename).
std::string write_private_file(const fs::path& file, const std::string& text) {
    const fs::path temp = file.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fmt::format("cannot create {}: {}", temp.string(), std::strerror(errno));
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool closed = ::close(fd) == 0;
    std::error_code ec;
    if (!written || !closed) {
        fs::remove(temp, ec);
        return fmt::format("cannot write {}", temp.string());
    }
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return fmt::format("cannot write {}: {}", file.string(), ec.message());
    }
    return {};
}

std::string seq_list(const std::vector<std::int64_t>& seqs) {
    if (seqs.empty()) return "none";
    std::string text;
    for (auto s : seqs) text += (text.empty() ? "" : ", ") + std::to_string(s);
    return text;
}

}  // namespace

int run_people_export(const PeopleExportArgs& args, std::ostream& out, std::ostream& err) {
    if (server_only(args.common, "export", err)) return 2;
    auto opened = open_store_session(args.common, "people export", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    const auto record = person_record(*s.store, args.id);
    if (!record) {
        err << fmt::format("okoctl people export: no person '{}'\n", args.id);
        return 1;
    }
    const std::string text =
        boost::json::serialize(person_export_json(*record, s.definitions.roles(),
                                                  person_names(*s.store), s.clock->now())) +
        "\n";
    if (args.output.empty()) {
        out << text;
        return 0;
    }
    if (const auto problem = write_private_file(args.output, text); !problem.empty()) {
        err << "okoctl people export: " << problem << '\n';
        return 1;
    }
    out << fmt::format("wrote {} ({} roles, {} tasks, {} e-mails, {} event log lines about {})\n",
                       args.output, record->assignments.size(), record->tasks.size(),
                       record->mails.size(), record->events.size(), args.id);
    return 0;
}

int run_people_erase(const PeopleEraseArgs& args, std::ostream& out, std::ostream& err) {
    if (server_only(args.common, "erase", err)) return 2;
    auto opened = open_store_session(args.common, "people erase", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    const auto before = s.store->person(args.id);
    const auto identity = before ? known_identity(*s.store, *before) : KnownIdentity{};

    const auto r = engine_of(s).erase_person(args.id, command_user());
    if (!r.ok) {
        err << "okoctl people erase: " << r.error << '\n';
        return 1;
    }
    if (r.already) {
        out << fmt::format("person {} was erased already (now '{}'): nothing changed\n", args.id,
                           r.pseudonym);
        return 0;
    }
    // The pages the erasure rewrote also live on in the write-ahead log until a
    // checkpoint moves them into the file; okod, reading, may hold part of it back.
    bool on_disk = true;
    if (auto* sqlite = dynamic_cast<SqliteStore*>(s.store.get()))
        on_disk = sqlite->checkpoint_truncate();
    int files = 0;
    if (s.config.mail.transport == MailTransportKind::directory)
        for (const auto& texts : {identity.addresses, identity.names})
            for (const auto& text : texts)
                files += remove_eml_containing(s.config.mail.directory, text);

    print_clock(s, out);
    out << fmt::format("erased person {}: from now on '{}'\n", args.id, r.pseudonym);
    out << fmt::format("  event log lines rewritten: {} (the erasure itself is line {})\n",
                       seq_list(r.counts.event_seqs), r.event_seq);
    out << fmt::format(
        "  other fields rewritten: {}; outbox addresses cleared: {} ({} pending "
        "e-mails will not be sent); .eml files removed: {}; API tokens revoked: {}\n",
        r.counts.fields, r.counts.outbox_addresses, r.counts.outbox_stopped, files,
        r.tokens_revoked);
    if (!on_disk)
        out << "note: okod was reading the store: old pages stay in its write-ahead log until "
               "its next checkpoint\n";
    if (std::any_of(s.config.people.begin(), s.config.people.end(),
                    [&](const Person& p) { return p.id == args.id; }))
        out << fmt::format(
            "note: {} is still in a municipality file under {}: okod ignores them there (they "
            "stay erased) and warns at each start; remove them from the file\n",
            args.id, s.config.municipalities_dir.string());
    return 0;
}

}  // namespace okod
