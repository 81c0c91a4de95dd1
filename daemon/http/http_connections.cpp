#include "daemon/http/http_connections.hpp"

#include <algorithm>

namespace okod {

HttpConnections::HttpConnections(int max_connections)
    : max_(static_cast<std::size_t>(std::max(max_connections, 1))) {}

HttpAdmission HttpConnections::add(const std::shared_ptr<HttpSession>& session) {
    std::lock_guard lock(mutex_);
    if (closed_) return HttpAdmission::refuse;
    HttpAdmission admission = HttpAdmission::serve;
    if (serving_ < max_) {
        ++serving_;
    } else if (rejecting_ < max_) {
        // Each 503 lives until the client has read it; under a flood of connections
        // their number is capped too, so the flood cannot exhaust file descriptors.
        ++rejecting_;
        admission = HttpAdmission::reject;
    } else {
        return HttpAdmission::refuse;
    }
    open_.emplace(session.get(), Entry{session, admission});
    return admission;
}

void HttpConnections::remove(const HttpSession* session) {
    std::lock_guard lock(mutex_);
    const auto it = open_.find(session);
    if (it == open_.end()) return;
    --(it->second.admission == HttpAdmission::serve ? serving_ : rejecting_);
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
