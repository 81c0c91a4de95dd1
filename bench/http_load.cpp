#include "http_load.hpp"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "bench_support.hpp"

namespace okod::bench {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// One keep-alive connection, opened again when okod closes it.
class Connection {
public:
    explicit Connection(int port) : port_(port) {}

    HttpAnswer get(const GetRequest& r) {
        for (int attempt = 0;; ++attempt) {
            try {
                if (!socket_) open();
                return exchange(r);
            } catch (const std::exception&) {
                socket_.reset();
                if (attempt == 1) throw;
            }
        }
    }

private:
    void open() {
        socket_.emplace(io_);
        socket_->connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)));
        socket_->set_option(tcp::no_delay(true));
    }

    HttpAnswer exchange(const GetRequest& r) {
        http::request<http::empty_body> req{http::verb::get, r.target, 11};
        req.set(http::field::host, "127.0.0.1");
        req.keep_alive(true);
        if (!r.token.empty()) req.set(http::field::authorization, "Bearer " + r.token);
        http::write(*socket_, req);
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(boost::none);
        http::read(*socket_, buffer, parser);
        auto res = parser.release();
        if (!res.keep_alive()) socket_.reset();
        return {static_cast<int>(res.result_int()), std::move(res.body())};
    }

    int port_;
    net::io_context io_;
    std::optional<tcp::socket> socket_;
};

}  // namespace

HttpAnswer get_once(int port, const GetRequest& request) {
    Connection c(port);
    return c.get(request);
}

double LoadResult::per_second() const {
    return seconds > 0 ? static_cast<double>(latencies_ms.size()) / seconds : 0;
}

void LoadResult::add(const LoadResult& more) {
    latencies_ms.insert(latencies_ms.end(), more.latencies_ms.begin(), more.latencies_ms.end());
    std::sort(latencies_ms.begin(), latencies_ms.end());
    seconds += more.seconds;
    failures += more.failures;
}

double LoadResult::percentile_ms(double p) const { return percentile(latencies_ms, p); }

LoadResult run_load(int port, const std::vector<GetRequest>& requests, int clients, double seconds,
                    const std::atomic<bool>* stop) {
    if (requests.empty() || clients < 1) throw std::invalid_argument("run_load: nothing to send");
    LoadResult out;
    std::mutex mutex;
    const auto started = Clock::now();
    const auto until = started + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            std::vector<double> mine;
            int failed = 0;
            Connection c(port);
            for (std::size_t k = static_cast<std::size_t>(i);
                 Clock::now() < until && !(stop && stop->load()); ++k) {
                const auto sent = Clock::now();
                try {
                    const auto answer = c.get(requests[k % requests.size()]);
                    if (answer.status < 200 || answer.status > 299) ++failed;
                } catch (const std::exception&) {
                    ++failed;
                    continue;
                }
                mine.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
            }
            const std::lock_guard lock(mutex);
            out.latencies_ms.insert(out.latencies_ms.end(), mine.begin(), mine.end());
            out.failures += failed;
        });
    }
    for (auto& t : threads) t.join();
    out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::sort(out.latencies_ms.begin(), out.latencies_ms.end());
    return out;
}

}  // namespace okod::bench
