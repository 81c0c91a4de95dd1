#include "support/daemon_world.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "adapters/sqlite/sqlite_store.hpp"

namespace okod::test {
namespace {

// Four tasks due 2, 3, 4 and 5 days after the start, each reminded the day before and
// on the day, overdue notices, and an escalation to the regisseur a day later.
const char* kDrill = R"(id = "drill"
version = 1
initial = "werk"
name = { nl = "Oefentraject", en = "Drill" }

[start]
at = "trajectory_start"

[[states]]
id = "werk"
name = { nl = "Uitvoering", en = "Execution" }

  [[states.tasks]]
  id = "kernteam"
  title = { nl = "Kernteam bijeenroepen", en = "Convene the core team" }
  role = "ggd-contact"
  due = { after = "started", days = 2 }
  remind_days = [1, 0]
  escalate = { after_days = 1, to = "regisseur" }

  [[states.tasks]]
  id = "scholen"
  title = { nl = "Scholen informeren over de jeugdmonitor", en = "Inform the schools about the youth survey" }
  role = "school-contact"
  due = { after = "started", days = 3 }
  remind_days = [1, 0]
  escalate = { after_days = 1, to = "regisseur" }

  [[states.tasks]]
  id = "jaarplan"
  title = { nl = "Jaarplan opstellen", en = "Draft the year plan" }
  role = "beleidsmedewerker"
  due = { after = "started", days = 4 }
  remind_days = [1, 0]
  escalate = { after_days = 1, to = "regisseur" }

  [[states.tasks]]
  id = "stuurgroep"
  title = { nl = "Stuurgroep bijpraten", en = "Brief the steering group" }
  role = "regisseur"
  due = { after = "started", days = 4 }
  remind_days = [2, 0]

[[states]]
id = "klaar"
name = { nl = "Klaar", en = "Done" }
final = true

[[transitions]]
from = "werk"
to = "klaar"
on = "all_tasks_done"
)";

std::string municipality(const std::string& code, const std::string& name,
                         const std::string& slug) {
    return fmt::format(R"(code = "{0}"
name = "{1}"
school_region = "zuid"
trajectory_start = 2026-03-02
workflows = ["drill"]

[[people]]
id = "{2}-sanne"
name = "Sanne de Regisseur"
email = "sanne@{2}.example"
roles = [{{ role = "regisseur", from = 2026-01-01 }}]

[[people]]
id = "{2}-bram"
name = "Bram van de GGD"
email = "bram@{2}.example"
roles = [{{ role = "ggd-contact", from = 2026-01-01 }}]

[[people]]
id = "{2}-fatima"
name = "Fatima Scholen"
email = "fatima@{2}.example"
roles = [{{ role = "school-contact", from = 2026-01-01 }}]

[[people]]
id = "{2}-joost"
name = "Joost Beleid"
email = "joost@{2}.example"
language = "en"
roles = [{{ role = "beleidsmedewerker", from = 2026-01-01 }}]
)",
                       code, name, slug);
}

}  // namespace

DaemonWorld::DaemonWorld(int smtp_port, int extra_municipalities) {
    std::string mail;
    if (smtp_port > 0)
        mail = fmt::format(R"([mail]
transport = "smtp"
from = "oko@regio.example"
from_name = "OKO-regie"

[mail.smtp]
host = "127.0.0.1"
port = {}
security = "none"
timeout_seconds = 5
)",
                           smtp_port);
    else
        mail = R"([mail]
transport = "directory"
from = "oko@regio.example"
directory = "state/mail"
)";
    write_file(config(), R"([store]
path = "state/okod.sqlite"

[definitions]
dir = "definitions"

[municipalities]
dir = "municipalities"

# Simulated time: a retry a minute after a failure, doubling up to an hour.
[outbox]
max_attempts = 30
first_retry_seconds = 60
max_retry_seconds = 3600

)" + mail);
    write_file(definitions() / "roles.toml",
               read_file(source_path("workflows/definitions/roles.toml")));
    write_file(definitions() / "drill.toml", kDrill);
    write_file(dir_ / "municipalities" / "GM0935.toml",
               municipality("GM0935", "Maastricht", "maastricht"));
    write_file(dir_ / "municipalities" / "GM0014.toml",
               municipality("GM0014", "Groningen", "groningen"));
    write_file(dir_ / "municipalities" / "GM0344.toml",
               municipality("GM0344", "Utrecht", "utrecht"));
    for (int i = 1; i <= extra_municipalities; ++i) {
        const std::string code = fmt::format("GM{}", 1000 + i);
        write_file(
            dir_ / "municipalities" / (code + ".toml"),
            municipality(code, fmt::format("Gemeente {}", 1000 + i), fmt::format("g{}", 1000 + i)));
    }
}

void DaemonWorld::enable_http(int port, const std::string& more) const {
    write_file(config(),
               read_file(config()) +
                   fmt::format("\n[http]\naddress = \"127.0.0.1\"\nport = {}\n{}", port, more));
}

std::unique_ptr<ChildProcess> DaemonWorld::start_okod(double speed,
                                                      const std::string& clock_start) const {
    return std::make_unique<ChildProcess>(
        binary_path("okod"),
        std::vector<std::string>{"run", "--config", config().string(), "--clock", clock_start,
                                 "--clock-speed", fmt::format("{}", speed), "--log-level", "debug"},
        log());
}

bool DaemonWorld::wait_ready(int count, std::chrono::milliseconds timeout) const {
    return wait_until([&] { return log_count("ready: ") >= count; }, timeout);
}

std::set<std::string> DaemonWorld::expected_keys() const {
    const auto ref = dir_ / "reference.sqlite";
    const auto r =
        run_binary("okod", {"simulate", "--config", config().string(), "--from", "2026-03-02",
                            "--to", "2026-03-12", "--store", ref.string()});
    if (r.exit_code != 0) throw std::runtime_error("reference simulation failed: " + r.err);
    auto store = SqliteStore::open(ref);
    std::set<std::string> keys;
    for (const auto& o : store->outbox_by_status(std::nullopt, 100000)) keys.insert(o.key);
    return keys;
}

std::vector<OutboxItem> DaemonWorld::outbox() const {
    if (!std::filesystem::exists(store())) return {};
    auto store = SqliteStore::open(this->store());
    return store->outbox_by_status(std::nullopt, 100000);
}

bool DaemonWorld::all_sent(const std::set<std::string>& keys) const {
    std::set<std::string> sent;
    for (const auto& o : outbox())
        if (o.status == OutboxStatus::sent) sent.insert(o.key);
    for (const auto& k : keys)
        if (!sent.count(k)) return false;
    return true;
}

int DaemonWorld::log_count(const std::string& needle) const {
    const std::string text = read_file(log());
    int n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++n;
    return n;
}

}  // namespace okod::test
