// SqliteStore: the uses of the one-click links in e-mails (mail_link_uses);
// model/store/mail_link_store.hpp.
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

const StoreSql kUsed{"SELECT 1 FROM mail_link_uses WHERE link_id = ?1"};
const StoreSql kRecord{
    "INSERT INTO mail_link_uses(link_id, task_id, person_id, used_at) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(link_id) DO NOTHING"};

}  // namespace

bool SqliteStore::mail_link_used(const std::string& link_id) {
    StatementUse s{query(kUsed)};
    bind_all(*s, link_id);
    return s->step();
}

bool SqliteStore::record_mail_link_use(const MailLinkUse& use) {
    StatementUse s{query(kRecord)};
    bind_all(*s, use.link_id, use.task_id, use.person_id, to_seconds(use.used_at));
    s->run();
    return db_.changes() > 0;
}

}  // namespace okod
