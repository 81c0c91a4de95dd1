#include "daemon/web/standalone_page.hpp"

#include <fmt/format.h>

#include "adapters/mail/mail_layout.hpp"

namespace okod {

std::string standalone_page(Language language, const std::string& title,
                            const std::string& body_html) {
    return fmt::format(R"(<!doctype html>
<html lang="{}" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} - okod</title>
<link rel="stylesheet" href="/ui/nlds-tokens.css">
<link rel="stylesheet" href="/ui/nlds-components.css">
<link rel="stylesheet" href="/style.css">
</head>
<body class="utrecht-page-body">
<main class="utrecht-page-content">
<section class="card login">
<h1 class="utrecht-heading-1">{}</h1>
{}</section>
</main>
</body>
</html>
)",
                       language == Language::en ? "en" : "nl", html_escape(title),
                       html_escape(title), body_html);
}

}  // namespace okod
