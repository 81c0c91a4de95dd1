#pragma once
// The HTTP/1.1 transport of okod's JSON API: accepts connections, reads requests within
// limits, hands each well-formed request to one handler and writes its response. It
// knows nothing of routes, JSON or tokens; those are the handler's.
//
// Threads: every connection runs on its own strand of the io_context, so the io_context
// may run on any number of threads. Each request's handler runs on the executor of the
// lane chosen for it (HttpLaneChooser: okod's strand for writes, its read threads for
// reads), or on the one `handler_executor`; the response is written back on the
// connection's own strand either way. listen() and port() belong to the
// thread that set the server up; close() may be called from any thread.
//
// What the transport answers by itself, always with a JSON body
// {"error": "<code>", "message": "<text>"} and without calling the handler:
//   400 bad_request        malformed request line, headers or chunked body, or framing
//                          that is not RFC 9112's strict form (http_framing.hpp: any
//                          Transfer-Encoding but `chunked`, with Content-Length too,
//                          several lengths, no or several Host); then closes
//   413 payload_too_large  body over max_body (by Content-Length up front, or chunked)
//   431 header_too_large   request line and headers over max_header
//   500 internal           the handler threw or returned an unsendable response (logged)
//   503 unavailable        max_connections (or max_connections_per_client from its
//                          address) already open, each with a request in progress;
//                          sent at once, then closes
// A new connection over a limit takes the place of the connection that has waited
// longest for a request header, if any (http_connections.hpp): slow clients cannot keep
// out one with a whole request. A client too slow to send its header (header_timeout)
// or its request (read_timeout), or a keep-alive connection left idle (idle_timeout),
// or one that gave way, is closed without an answer.
//
// HEAD is served as GET: the handler sees "GET", the client gets the same status and
// headers (Content-Length of the GET body) and no body. `Expect: 100-continue` is
// answered, after the headers passed the limits, with 100 Continue.
//
// Usage:
//   HttpServer server(io, strand, HttpLimits{}, [&](const HttpRequest& r) { return api.handle(r);
//   }); std::string error; if (!server.listen("127.0.0.1", 8080, error)) spdlog::error("{}",
//   error);
//   ... on SIGTERM: server.close();
#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace okod {

struct HttpRequest {
    std::string method;                          // "GET", "POST", ...
    std::string target;                          // "/api/v1/tasks?status=open" (raw, not decoded)
    std::map<std::string, std::string> headers;  // names lowercased; repeated ones joined by ", "
    std::string body;
    std::string remote;  // "127.0.0.1:53422", for logs
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";  // empty: no Content-Type
    std::string body;
    // Extra headers. The first one of a name replaces the server's default of that name
    // (Server, Cache-Control, Content-Type); later ones of the same name are added.
    // Content-Length, Transfer-Encoding and Connection are the server's: setting one,
    // or a name or value that is not valid HTTP, makes the response a 500.
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpLimits {
    std::size_t max_body = 64 * 1024;        // larger: 413 with a JSON error, handler not called
    std::size_t max_header = 8 * 1024;       // larger: 431
    std::chrono::seconds header_timeout{5};  // request line and headers not in by then: closed
    std::chrono::seconds read_timeout{10};   // whole request not in by then (slowloris): closed
    std::chrono::seconds idle_timeout{30};   // keep-alive connection without a new request: closed
    int max_connections = 64;                // more at once: one waiting gives way, else 503
    int max_connections_per_client = 64;  // the same per remote address (at most max_connections)
};

// Called for every well-formed request, on `handler_executor` (okod's strand: the store
// is not thread-safe, so the handler must never run elsewhere). Exceptions become a 500.
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// Where one request is handled: the executor its handler runs on, and the handler.
struct HttpLane {
    boost::asio::any_io_executor executor;
    HttpHandler handler;
};
// Picks the lane of each well-formed request; called on the connection's strand, so it
// must be quick and thread-safe.
using HttpLaneChooser = std::function<HttpLane(const HttpRequest&)>;

class HttpServer {
public:
    HttpServer(boost::asio::io_context& io, boost::asio::any_io_executor handler_executor,
               HttpLimits limits, HttpHandler handler);
    // Each request on the lane `choose` picks for it.
    HttpServer(boost::asio::io_context& io, HttpLimits limits, HttpLaneChooser choose);
    // Closes (see close()). Connections still finishing keep what they need alive, so
    // the server may go before the io_context has drained.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; false with `error` set (e.g. "127.0.0.1:8080: address already in use").
    bool listen(const std::string& address, unsigned short port, std::string& error);
    unsigned short port() const;  // the bound port (useful with port 0)
    // Stops accepting and closes every connection (on SIGTERM), so io.run() can return.
    // No handler call starts after close() returned on the handler executor; responses
    // of calls in progress are dropped.
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace okod
