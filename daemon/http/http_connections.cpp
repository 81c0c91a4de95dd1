#include "daemon/http/http_connections.hpp"

#include <algorithm>

namespace okod {

HttpConnections::HttpConnections(int max_connections, int max_per_client)
    : max_(static_cast<std::size_t>(std::max(max_connections, 1))),
      max_per_client_(
          static_cast<std::size_t>(std::clamp(max_per_client, 1, std::max(max_connections, 1)))) {}

HttpAdmitted HttpConnections::add(const std::shared_ptr<HttpSession>& session,
                                  const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    HttpAdmitted out;
    if (closed_) return out;
    const auto of_client = per_client_.find(client);
    const bool client_full = of_client != per_client_.end() && of_client->second >= max_per_client_;
    if (client_full || serving_ >= max_) {
        const auto victim = longest_waiting(client_full ? &client : nullptr);
        if (victim == open_.end()) {
            out.client_limit = client_full;
            // Each lingering 503 lives until the client has read it (or the header
            // deadline); their number is capped too, so a flood of connections cannot
            // exhaust file descriptors. Past that, the 503 is written and the connection
            // closed at once.
            if (rejecting_ >= max_) {
                out.admission = HttpAdmission::reject_at_once;
                return out;
            }
            ++rejecting_;
            out.admission = HttpAdmission::reject;
            open_.emplace(session.get(), Entry{session, HttpAdmission::reject, client, false, now});
            return out;
        }
        out.evicted = victim->second.session.lock();
        erase(victim);
    }
    ++serving_;
    ++per_client_[client];
    open_.emplace(session.get(), Entry{session, HttpAdmission::serve, client, true, now});
    out.admission = HttpAdmission::serve;
    return out;
}

void HttpConnections::waiting(const HttpSession* session, Clock::time_point since) {
    std::lock_guard lock(mutex_);
    if (const auto it = open_.find(session); it != open_.end()) {
        it->second.waiting = true;
        it->second.since = since;
    }
}

bool HttpConnections::busy(const HttpSession* session) {
    std::lock_guard lock(mutex_);
    const auto it = open_.find(session);
    if (it == open_.end()) return false;
    it->second.waiting = false;
    return true;
}

void HttpConnections::remove(const HttpSession* session) {
    std::lock_guard lock(mutex_);
    if (const auto it = open_.find(session); it != open_.end()) erase(it);
}

HttpConnections::Map::iterator HttpConnections::longest_waiting(const std::string* client) {
    auto oldest = open_.end();
    for (auto it = open_.begin(); it != open_.end(); ++it) {
        const Entry& e = it->second;
        if (e.admission != HttpAdmission::serve || !e.waiting || (client && e.client != *client))
            continue;
        if (oldest == open_.end() || e.since < oldest->second.since) oldest = it;
    }
    return oldest;
}

void HttpConnections::erase(Map::iterator it) {
    if (it->second.admission == HttpAdmission::serve) {
        --serving_;
        if (const auto c = per_client_.find(it->second.client);
            c != per_client_.end() && --c->second == 0)
            per_client_.erase(c);
    } else {
        --rejecting_;
    }
    open_.erase(it);
}

std::vector<std::shared_ptr<HttpSession>> HttpConnections::close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    std::vector<std::shared_ptr<HttpSession>> open;
    for (const auto& [key, entry] : open_)
        if (auto session = entry.session.lock()) open.push_back(std::move(session));
    return open;
}

bool HttpConnections::closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

}  // namespace okod
