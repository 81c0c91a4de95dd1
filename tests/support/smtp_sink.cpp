#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kSmtpSink = "/usr/sbin/smtp-sink";

// --- parsing ------------------------------------------------------------------------

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string to_lf(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
    return out;
}

std::string without_angles(std::string_view s) {
    const auto open = s.find('<'), close = s.find('>');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return trim(s);
    return std::string(s.substr(open + 1, close - open - 1));
}

struct Headers {
    std::vector<std::pair<std::string, std::string>> list;
    std::string get(std::string_view name) const {
        for (const auto& [n, v] : list)
            if (iequals(n, name)) return v;
        return {};
    }
};

// Splits "headers\n\nbody" (LF line ends) and unfolds continuation lines.
std::pair<Headers, std::string> split_entity(std::string_view lf) {
    Headers h;
    std::size_t pos = 0;
    while (pos < lf.size()) {
        const auto end = std::min(lf.find('\n', pos), lf.size());
        const std::string_view line = lf.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) break;
        if ((line.front() == ' ' || line.front() == '\t') && !h.list.empty()) {
            h.list.back().second += " " + trim(line);
        } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            h.list.emplace_back(std::string(line.substr(0, colon)), trim(line.substr(colon + 1)));
        }
    }
    return {h, pos < lf.size() ? std::string(lf.substr(pos)) : std::string()};
}

std::string parameter(std::string_view header_value, std::string_view name) {
    const std::string l = lower(header_value);
    const auto at = l.find(lower(name) + "=");
    if (at == std::string::npos) return {};
    std::string_view v = header_value.substr(at + name.size() + 1);
    if (!v.empty() && v.front() == '"') {
        v.remove_prefix(1);
        return std::string(v.substr(0, v.find('"')));
    }
    return trim(v.substr(0, v.find(';')));
}

std::string decode_quoted_printable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '=') {
            out += s[i];
        } else if (i + 1 < s.size() && s[i + 1] == '\n') {
            ++i;  // soft line break
        } else if (i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string decode_body(const Headers& h, std::string_view body) {
    const std::string encoding = lower(h.get("Content-Transfer-Encoding"));
    if (encoding == "base64") return to_lf(decode_base64(body));
    if (encoding == "quoted-printable") return decode_quoted_printable(body);
    return std::string(body);
}

// The text/plain and text/html parts of a multipart body.
void read_parts(std::string_view body, const std::string& boundary, ReceivedMail& mail) {
    const std::string delimiter = "--" + boundary;
    std::size_t pos = body.find(delimiter);
    while (pos != std::string_view::npos) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") break;  // closing delimiter
        pos = body.find('\n', pos);
        if (pos == std::string_view::npos) break;
        const auto next = body.find("\n" + delimiter, pos);
        // The line break before a delimiter belongs to the delimiter (RFC 2046).
        const auto part =
            body.substr(pos + 1, next == std::string_view::npos ? next : next - pos - 1);
        const auto [h, content] = split_entity(part);
        const std::string type = lower(h.get("Content-Type"));
        if (type.rfind("text/plain", 0) == 0) mail.text = decode_body(h, content);
        if (type.rfind("text/html", 0) == 0) mail.html = decode_body(h, content);
        pos = next == std::string_view::npos ? next : next + 1;
    }
}

// One dump file: smtp-sink's own X-* and Received: lines, the message, an empty line.
ReceivedMail parse_dump(const fs::path& file) {
    const std::string content = read_file(file);
    std::size_t pos = 0;
    std::string mail_from;
    std::vector<std::string> rcpt_to;
    bool in_received = false;
    while (pos < content.size()) {
        const auto end = std::min(content.find('\n', pos), content.size());
        const std::string_view line = std::string_view(content).substr(pos, end - pos);
        const bool continuation = !line.empty() && (line.front() == '\t' || line.front() == ' ');
        if (in_received && !continuation) break;  // the Received: header ends smtp-sink's part
        if (line.rfind("X-Mail-Args:", 0) == 0) mail_from = without_angles(line.substr(12));
        if (line.rfind("X-Rcpt-Args:", 0) == 0) rcpt_to.push_back(without_angles(line.substr(12)));
        if (line.rfind("Received:", 0) == 0) in_received = true;
        pos = end + 1;
    }
    std::string_view message = std::string_view(content).substr(std::min(pos, content.size()));
    if (message.size() >= 2 && message.substr(message.size() - 2) == "\n\n")
        message.remove_suffix(1);
    ReceivedMail mail = parse_mail(message);
    mail.file = file;
    mail.mail_from = mail_from;
    mail.rcpt_to = rcpt_to;
    return mail;
}

// --- the process --------------------------------------------------------------------

bool accepts_connections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// Dump files smtp-sink holds open: transactions it has not finished. It closes a
// dump before it answers "250" to the final dot, so a closed dump is a whole mail.
std::set<fs::path> open_files(pid_t pid) {
    std::set<fs::path> open;
    std::error_code ec;
    for (const auto& fd :
         fs::directory_iterator(fs::path("/proc") / std::to_string(pid) / "fd", ec)) {
        std::error_code link_ec;
        const fs::path target = fs::read_symlink(fd.path(), link_ec);
        if (!link_ec) open.insert(target);
    }
    return open;
}

}  // namespace

// --- ReceivedMail -------------------------------------------------------------------

std::string ReceivedMail::header(std::string_view name) const {
    for (const auto& [n, v] : headers)
        if (iequals(n, name)) return v;
    return {};
}

std::size_t ReceivedMail::header_count(std::string_view name) const {
    return static_cast<std::size_t>(std::count_if(
        headers.begin(), headers.end(), [&](const auto& h) { return iequals(h.first, name); }));
}

std::string ReceivedMail::decoded_subject() const { return decode_rfc2047(header("Subject")); }

std::string decode_base64(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        if (v < 0) continue;  // whitespace, line ends and '=' padding
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string decode_rfc2047(std::string_view value) {
    std::string out;
    bool after_word = false;  // whitespace between two encoded-words is not text
    std::size_t pos = 0;
    while (pos < value.size()) {
        const auto start = value.find("=?", pos);
        const auto q1 = start == std::string_view::npos ? start : value.find('?', start + 2);
        const auto q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
        const auto stop = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
        if (stop == std::string_view::npos) {
            out += value.substr(pos);
            break;
        }
        const std::string_view between = value.substr(pos, start - pos);
        if (!(after_word && trim(between).empty())) out += between;
        const char encoding =
            static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
        const std::string_view payload = value.substr(q2 + 1, stop - q2 - 1);
        if (encoding == 'B') {
            out += decode_base64(payload);
        } else {
            std::string q(payload);
            std::replace(q.begin(), q.end(), '_', ' ');
            out += decode_quoted_printable(q);
        }
        after_word = true;
        pos = stop + 2;
    }
    return out;
}

ReceivedMail parse_mail(std::string_view message) {
    ReceivedMail mail;
    mail.raw = to_lf(message);
    auto [h, body] = split_entity(mail.raw);
    mail.headers = h.list;
    const std::string type = h.get("Content-Type");
    if (lower(type).rfind("multipart/", 0) == 0) {
        read_parts(body, parameter(type, "boundary"), mail);
    } else if (type.empty() || lower(type).rfind("text/plain", 0) == 0) {
        mail.text = decode_body(h, body);
    } else if (lower(type).rfind("text/html", 0) == 0) {
        mail.html = decode_body(h, body);
    }
    return mail;
}

// --- SmtpSink -----------------------------------------------------------------------

bool SmtpSink::available() { return ::access(kSmtpSink, X_OK) == 0; }

SmtpSink::SmtpSink(fs::path work_dir, SmtpSinkOptions options)
    : options_(std::move(options)),
      port_(options_.port != 0 ? options_.port : free_loopback_port()),
      mail_dir_(work_dir / "mail"),
      log_file_(work_dir / "smtp-sink.log") {
    fs::create_directories(mail_dir_);
    // The kernel names open files by their canonical path (/proc/<pid>/fd); so must we.
    mail_dir_ = fs::canonical(mail_dir_);
    if (options_.start) start();
}

SmtpSink::~SmtpSink() {
    try {
        stop();
    } catch (...) {
        // a destructor must not throw; ChildProcess's own destructor still kills it
    }
}

bool SmtpSink::running() { return process_ && process_->running(); }

void SmtpSink::start() {
    if (running()) return;
    std::vector<std::string> args;
    // As root smtp-sink insists on -u (the user to switch to after binding). The dumps
    // go to a directory we created as ourselves, so it stays root.
    if (::geteuid() == 0) args.insert(args.end(), {"-u", "root"});
    if (!options_.announce_auth) args.emplace_back("-a");
    args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
    // Flat names (strftime + a random suffix smtp-sink appends): no subdirectories
    // to walk, and sorting by name is nearly sorting by arrival.
    args.insert(args.end(), {"-d", (mail_dir_ / "%Y%m%dT%H%M%S.").string(),
                             "127.0.0.1:" + std::to_string(port_), "100"});
    process_ = std::make_unique<ChildProcess>(kSmtpSink, args, log_file_);

    const bool up =
        wait_until([&] { return !process_->running() || accepts_connections(port_); }, 10s);
    if (!up || !process_->running()) {
        process_->kill_hard();
        process_.reset();
        throw std::runtime_error("smtp-sink did not start on 127.0.0.1:" + std::to_string(port_) +
                                 "; its log:\n" + read_file(log_file_));
    }
}

void SmtpSink::stop() {
    if (!running()) return;
    // Frozen, it cannot open a new dump between our look at its files and the kill.
    process_->signal(SIGSTOP);
    const std::set<fs::path> unfinished = open_files(process_->pid());
    process_->kill_hard();
    process_.reset();
    std::error_code ec;
    for (const auto& f : unfinished)
        if (f.parent_path() == mail_dir_) fs::remove(f, ec);
}

std::vector<fs::path> SmtpSink::finished_dumps() const {
    // List first, then look at what is open: a dump closed in between is finished, and
    // one created in between is not in the list.
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(mail_dir_, ec)) {
        std::error_code time_ec;
        const auto t = e.last_write_time(time_ec);
        if (e.is_regular_file() && !time_ec) found.emplace_back(t, e.path());
    }
    const std::set<fs::path> unfinished =
        process_ ? open_files(process_->pid()) : std::set<fs::path>{};
    std::sort(found.begin(), found.end());
    std::vector<fs::path> out;
    for (const auto& [t, p] : found)
        if (!unfinished.count(p)) out.push_back(p);
    return out;
}

std::vector<ReceivedMail> SmtpSink::messages() const {
    std::vector<ReceivedMail> out;
    for (const auto& p : finished_dumps()) out.push_back(parse_dump(p));
    return out;
}

std::size_t SmtpSink::message_count() const { return finished_dumps().size(); }

bool SmtpSink::wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const {
    return wait_until([&] { return message_count() >= count; }, timeout);
}

}  // namespace okod::test
