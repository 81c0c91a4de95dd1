#pragma once
// The open connections of one HttpServer: enforces max_connections and lets close()
// reach every connection. Thread-safe: connections come and go on their own strands.
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace okod {

class HttpSession;

// What a new connection may do.
enum class HttpAdmission {
    serve,   // read requests and answer them
    reject,  // over max_connections: answer 503 and close
    refuse,  // the server is closed, or too many are being rejected: close at once
};

class HttpConnections {
public:
    explicit HttpConnections(int max_connections);

    // Admits a new connection and, unless refused, keeps it until remove().
    HttpAdmission add(const std::shared_ptr<HttpSession>& session);
    void remove(const HttpSession* session);

    // Refuses every later connection and returns the open ones, to be stopped.
    std::vector<std::shared_ptr<HttpSession>> close();
    bool closed() const;

private:
    struct Entry {
        std::weak_ptr<HttpSession> session;
        HttpAdmission admission;
    };

    const std::size_t max_;
    mutable std::mutex mutex_;
    std::unordered_map<const HttpSession*, Entry> open_;
    std::size_t serving_ = 0;
    std::size_t rejecting_ = 0;
    bool closed_ = false;
};

}  // namespace okod
