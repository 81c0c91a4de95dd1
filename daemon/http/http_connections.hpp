#pragma once
// The open connections of one HttpServer: who gets a place, who gives way, and close()
// reaching every connection. Thread-safe: connections come and go on their own strands.
//
// A place is held by a connection that has a request in progress (its header is in:
// body, handler, response). A connection that is only waiting for a request header (a
// new one, an idle keep-alive one, or one trickling its header, slowloris) holds a place
// only until someone needs it: when max_connections are open, or max_per_client from
// the new connection's address, the new connection takes the place of the one that has
// waited longest for its header in that scope. Only when every place in scope is busy
// with a request does the new connection get 503. So slow clients, however many, cannot
// keep a client with a whole request out; the header deadline (HttpLimits) cuts them
// off besides.
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace okod {

class HttpSession;

// What a new connection may do.
enum class HttpAdmission {
    serve,           // read requests and answer them
    reject,          // over the limit: answer 503, then close once the client has read it
    reject_at_once,  // over the limit with max_connections 503s already lingering: answer
                     // 503 without waiting for anything and close (not kept here)
    refuse,          // the server is closed: close at once
};

struct HttpAdmitted {
    HttpAdmission admission = HttpAdmission::refuse;
    bool client_limit = false;             // rejected for max_per_client, not max_connections
    std::shared_ptr<HttpSession> evicted;  // gave its place to this one: to be closed
};

class HttpConnections {
public:
    using Clock = std::chrono::steady_clock;

    HttpConnections(int max_connections, int max_per_client);

    // Admits a new connection from `client` (its address), waiting for its first request
    // header since `now`, and, unless it is refused or rejected at once, keeps it until
    // remove(). The caller closes `evicted`.
    HttpAdmitted add(const std::shared_ptr<HttpSession>& session, const std::string& client,
                     Clock::time_point now);
    // The connection waits for a (next) request header since `since`: it may give way.
    void waiting(const HttpSession* session, Clock::time_point since);
    // The connection has a request header: it keeps its place until it waits again.
    // False when it gave way meanwhile: then it must close without serving.
    bool busy(const HttpSession* session);
    void remove(const HttpSession* session);

    // Refuses every later connection and returns the open ones, to be stopped.
    std::vector<std::shared_ptr<HttpSession>> close();
    bool closed() const;

private:
    struct Entry {
        std::weak_ptr<HttpSession> session;
        HttpAdmission admission;
        std::string client;
        bool waiting = true;
        Clock::time_point since;
    };
    using Map = std::unordered_map<const HttpSession*, Entry>;

    // The serving connection that has waited longest for a header, of `client` or of
    // anyone (empty); end() when every one has a request.
    Map::iterator longest_waiting(const std::string* client);
    void erase(Map::iterator it);

    const std::size_t max_;
    const std::size_t max_per_client_;
    mutable std::mutex mutex_;
    Map open_;
    std::unordered_map<std::string, std::size_t> per_client_;  // serving connections per address
    std::size_t serving_ = 0;
    std::size_t rejecting_ = 0;
    bool closed_ = false;
};

}  // namespace okod
