#pragma once
// "Sends" mail by writing each message as an .eml file into a directory: for demos
// and for municipalities that have no mail server configured yet. Open the files with
// any mail client to see exactly what SMTP would have delivered.
//
// File names are <local time of the message, YYYYmmddTHHMMSS>-<hash of Message-ID>.eml,
// so a message sent twice (a retry after a crash) overwrites itself instead of
// appearing twice. Files appear whole: written to a temporary name, then renamed.
#include <filesystem>
#include <string>

#include "outbox/mail.hpp"

namespace okod {

class DirectoryTransport final : public MailTransport {
public:
    // The directory is created on the first send when it does not exist.
    explicit DirectoryTransport(std::filesystem::path directory);

    // retry with the operating system's reason when the file cannot be written.
    SendResult send(const MailMessage& message) override;

    // Where `message` is (or would be) written.
    std::filesystem::path file_for(const MailMessage& message) const;

private:
    std::filesystem::path directory_;
};

}  // namespace okod
