// Logging in to the mail server. smtp-sink cannot test this (it answers AUTH with 250
// where RFC 4954 says 235), so these tests talk to a minimal scripted server that does
// the real exchange: 334, then 235 or 535.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "adapters/mail/smtp_credentials.hpp"
#include "adapters/mail/smtp_transport.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;
using Outcome = SendResult::Outcome;

// Accepts one connection at a time on a thread; offers AUTH PLAIN only, requires it
// before MAIL, and counts logins and delivered mails.
class LoginServer {
public:
    LoginServer(std::string user, std::string password)
        : user_(std::move(user)),
          password_(std::move(password)),
          listen_fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(listen_fd_, 8) != 0 ||
            ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            throw std::runtime_error("LoginServer: cannot listen");
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~LoginServer() {
        ::shutdown(listen_fd_, SHUT_RDWR);  // wakes accept()
        thread_.join();
        ::close(listen_fd_);
    }
    LoginServer(const LoginServer&) = delete;
    LoginServer& operator=(const LoginServer&) = delete;

    int port() const { return port_; }
    std::vector<std::string> logins() const {  // "user:password" per AUTH attempt
        std::lock_guard lock(mutex_);
        return logins_;
    }
    int delivered() const {
        std::lock_guard lock(mutex_);
        return delivered_;
    }

private:
    void serve() {
        for (;;) {
            const int fd = ::accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) return;
            talk(fd);
            ::close(fd);
        }
    }

    static std::string read_line(int fd) {
        std::string line;
        char c = 0;
        while (::recv(fd, &c, 1, 0) == 1) {
            if (c == '\n') return line;
            if (c != '\r') line += c;
        }
        return "QUIT";  // connection gone
    }
    static void say(int fd, const std::string& text) {
        ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
    }

    void talk(int fd) {
        bool logged_in = false;
        say(fd, "220 login-server ESMTP\r\n");
        for (;;) {
            const std::string line = read_line(fd);
            const std::string verb = line.substr(0, 4);
            if (verb == "EHLO") {
                say(fd, "250-login-server\r\n250 AUTH PLAIN\r\n");
            } else if (line.rfind("AUTH PLAIN", 0) == 0) {
                std::string response = line.size() > 11 ? line.substr(11) : "";
                if (response.empty()) {
                    say(fd, "334 \r\n");
                    response = read_line(fd);
                }
                // authzid \0 user \0 password
                const std::string plain = test::decode_base64(response);
                const auto a = plain.find('\0'), b = plain.find('\0', a + 1);
                const std::string user = plain.substr(a + 1, b - a - 1),
                                  password = plain.substr(b + 1);
                {
                    std::lock_guard lock(mutex_);
                    logins_.push_back(user + ":" + password);
                }
                logged_in = user == user_ && password == password_;
                say(fd, logged_in ? "235 2.7.0 Authentication successful\r\n"
                                  : "535 5.7.8 Authentication credentials invalid\r\n");
            } else if (verb == "MAIL") {
                say(fd, logged_in ? "250 2.1.0 Ok\r\n" : "530 5.7.0 Authentication required\r\n");
            } else if (verb == "RCPT") {
                say(fd, "250 2.1.5 Ok\r\n");
            } else if (verb == "DATA") {
                say(fd, "354 End data with <CR><LF>.<CR><LF>\r\n");
                while (read_line(fd) != ".") {
                }
                {
                    std::lock_guard lock(mutex_);
                    ++delivered_;
                }
                say(fd, "250 2.0.0 Ok\r\n");
            } else if (verb == "QUIT") {
                say(fd, "221 Bye\r\n");
                return;
            } else {
                say(fd, "502 5.5.2 Not implemented\r\n");
            }
        }
    }

    std::string user_, password_;
    int listen_fd_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<std::string> logins_;
    int delivered_ = 0;
};

MailMessage message(const std::string& to) {
    MailMessage m;
    m.from_address = "oko@maastricht.nl";
    m.to_address = to;
    m.subject = "Herinnering";
    m.text = "Beste collega,\n";
    m.message_id = "<okod.1@maastricht.nl>";
    return m;
}

SmtpSettings settings_for(int port, const SmtpCredentials& login) {
    SmtpSettings s;
    s.port = port;
    s.security = SmtpSecurity::none;
    s.timeout = 5s;
    s.username = login.username;
    s.password = login.password;
    return s;
}

TEST(SmtpAuth, logs_in_once_with_the_credentials_file_for_several_mails) {
    test::TempDir tmp;
    test::write_file(tmp / "smtp.toml",
                     "username = \"oko-maastricht\"\npassword = \"s3cret pass\"\n");
    LoginServer server("oko-maastricht", "s3cret pass");
    SmtpTransport transport(settings_for(server.port(), load_smtp_credentials(tmp / "smtp.toml")));

    for (const char* to : {"bram@ggdzl.nl", "anouk@ggdzl.nl"}) {
        const SendResult r = transport.send(message(to));
        ASSERT_TRUE(r.ok()) << r.error;
    }
    EXPECT_EQ(server.delivered(), 2);
    EXPECT_EQ(server.logins(), std::vector<std::string>{"oko-maastricht:s3cret pass"})
        << "the connection (and its login) is kept between mails";
}

TEST(SmtpAuth, a_wrong_password_is_a_retry_whose_error_names_neither_user_nor_password) {
    LoginServer server("oko-maastricht", "the-right-one");
    SmtpTransport transport(settings_for(server.port(), {"oko-maastricht", "hunter2-wrong"}));
    const SendResult r = transport.send(message("bram@ggdzl.nl"));
    EXPECT_EQ(r.outcome, Outcome::retry) << "a configuration problem: mail waits until it is fixed";
    EXPECT_NE(r.error.find("refused the login"), std::string::npos) << r.error;
    EXPECT_EQ(r.error.find("oko-maastricht"), std::string::npos)
        << "no part of the credentials: " << r.error;
    EXPECT_EQ(r.error.find("hunter2"), std::string::npos) << r.error;
    EXPECT_EQ(r.error.find("the-right-one"), std::string::npos) << r.error;
    EXPECT_EQ(server.delivered(), 0);
}

}  // namespace
}  // namespace okod
