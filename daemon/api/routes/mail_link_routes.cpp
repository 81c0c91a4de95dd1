// The one-click "Afgerond" link of a reminder (issue 19): GET shows what the link would
// do and changes nothing; POST (the page's button) completes the task as the person the
// link was sent to, through the same engine operation as POST /api/v1/tasks/{id}/complete.
// No session: the signed token is the credential, and it is bound to one task and one
// person (adapters/auth/mail_link.hpp). Every way a link cannot be used is a page of its
// own with a 4xx status, and changes nothing.
#include <algorithm>
#include <boost/url/params_view.hpp>

#include "adapters/auth/mail_link.hpp"
#include "adapters/mail/mail_register.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/mail_link_page.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"

namespace okod {
namespace {

HttpResponse html(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(body);
    // The URL is a credential: no cache keeps it, no link to another site gets it as a
    // Referer (not "no-referrer": a browser would post the form with "Origin: null",
    // which okod refuses), and no other site frames the button.
    r.headers = {{"Cache-Control", "no-store"},
                 {"Referrer-Policy", "same-origin"},
                 {"Content-Security-Policy",
                  "default-src 'none'; style-src 'self'; form-action 'self'; "
                  "frame-ancestors 'none'"},
                 {"X-Frame-Options", "DENY"}};
    return r;
}

// A link and what it names, looked up; `refusal` set when it cannot be used now.
struct Inspection {
    std::optional<MailLinkClaim> claim;
    std::optional<Task> task;
    MailLinkTaskView view;
    std::optional<MailLinkRefusal> refusal;
    std::string link_id;
};

Inspection inspect(RouteCall& call) {
    Inspection in;
    Runtime& rt = call.runtime();
    in.view.language = rt.config.language;
    in.view.formal = true;  // whom a link that is not genuine reaches is not known
    if (!rt.config.http.public_url.empty()) in.view.dashboard_url = rt.config.http.public_url + "/";
    const std::string& token = call.param("token");
    const auto key = stored_mail_link_key(call.store());
    const auto check = key ? check_mail_link(token, *key, kCompleteTaskLink, call.now())
                           : MailLinkCheck{std::nullopt, MailLinkFault::malformed};
    const auto task = check.claim ? call.store().task(check.claim->task_id) : std::nullopt;
    const auto person = check.claim ? call.store().person(check.claim->person_id) : std::nullopt;
    // A person of another municipality is never the holder of this one's task: such a
    // link answers like one that is no link at all (issue 16).
    const auto member_of_task = [&] {
        const auto codes = call.store().memberships_of_person(person->id);
        return std::find(codes.begin(), codes.end(), task->municipality) != codes.end();
    };
    if (!task || !person || person->email.empty() ||
        (check.fault && check.fault != MailLinkFault::expired) || !member_of_task()) {
        in.refusal = MailLinkRefusal::invalid;
        return in;
    }
    in.claim = check.claim;
    in.task = task;
    in.link_id = mail_link_id(token);
    auto& v = in.view;
    v.language = person->language;
    v.formal = register_for_role(task->role) == Register::u;
    v.person_name = person->name;
    v.task = render_person_refs(task->title, person_names(call.store())).in(v.language);
    if (!task->item.empty()) v.task += " (" + task->item + ")";
    const auto m = call.store().municipality(task->municipality);
    v.municipality = m ? m->name : task->municipality;
    v.due = task->due;
    const bool holds = [&] {
        const auto roles = roles_held(call.store().assignments_of_municipality(task->municipality),
                                      person->id, call.today());
        return std::find(roles.begin(), roles.end(), task->role) != roles.end();
    }();
    if (check.fault)
        in.refusal = MailLinkRefusal::expired;
    else if (call.store().mail_link_used(in.link_id))
        in.refusal = MailLinkRefusal::used;
    else if (is_closed(task->status))
        in.refusal = MailLinkRefusal::closed;
    else if (!holds)
        in.refusal = MailLinkRefusal::not_holder;
    return in;
}

HttpResponse refuse(MailLinkRefusal why, const MailLinkTaskView& view,
                    const std::string& detail = {}) {
    return html(status_of(why), mail_link_refusal_page(why, view, detail));
}

// The note of the page's form (application/x-www-form-urlencoded), or "".
std::string form_note(const std::string& body) {
    try {
        const boost::urls::params_view params(body, boost::urls::encoding_opts(true));
        for (const auto& p : params)
            if (p.key == "note") return p.value;
    } catch (const std::exception&) {
    }
    return {};
}

}  // namespace

HttpResponse show_mail_link(RouteCall& call) {
    const auto in = inspect(call);
    if (in.refusal) return refuse(*in.refusal, in.view);
    return html(200, mail_link_confirm_page(in.view));
}

HttpResponse use_mail_link(RouteCall& call) {
    const auto in = inspect(call);
    // A form on another site must not complete a task with a link it got hold of: the
    // browser's Origin must be okod's own, as for every write made with a session.
    // Clients that send no Origin (curl) hold the link itself, the credential.
    if (!origin_is_own(call.request, call.runtime()))
        return refuse(MailLinkRefusal::other_origin, in.view);
    if (in.refusal) return refuse(*in.refusal, in.view);
    const std::string note = form_note(call.request.body);
    Store& store = call.store();
    auto tx = store.begin();
    if (!store.record_mail_link_use({in.link_id, in.task->id, in.claim->person_id, call.now()}))
        return refuse(MailLinkRefusal::used, in.view);
    // The event log says who completed it, and that it was through a mail.
    const auto r = call.engine().complete_task(
        in.task->id, in.claim->person_id,
        note.empty() ? std::string("via e-mail-link") : "via e-mail-link: " + note);
    if (!r.ok) return refuse(MailLinkRefusal::unusable, in.view, r.error);  // rolls back
    tx->commit();
    call.context.after_write();
    return html(200, mail_link_done_page(in.view));
}

}  // namespace okod
