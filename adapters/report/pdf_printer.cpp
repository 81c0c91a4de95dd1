#include "adapters/report/pdf_printer.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "adapters/process/run_program.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// A fresh private directory under $TMPDIR (or /tmp), removed when this goes out of scope.
class TempDir {
public:
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern =
            (fs::path(base && *base ? base : "/tmp") / "okod-pdf-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The converter's last non-empty output line: usually the one that says what failed.
std::string last_line(const fs::path& log) {
    std::istringstream in(read_all(log));
    std::string line, last;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
    return last;
}

std::vector<std::string> command_for(const PdfTool& tool, const fs::path& dir, const fs::path& html,
                                     const fs::path& pdf) {
    switch (tool.kind) {
        case PdfTool::Kind::chromium: {
            // The report's own CSP (a meta tag, default-src 'none') runs no script and
            // loads nothing; turning scripts off in blink instead breaks headless
            // printing. The sandbox stays on, except as root, where chromium refuses
            // to start with it (a container, CI).
            std::vector<std::string> cmd{tool.program.string(), "--headless=new"};
            if (geteuid() == 0) cmd.emplace_back("--no-sandbox");
            for (const char* flag :
                 {"--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                  "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer"})
                cmd.emplace_back(flag);
            cmd.push_back("--user-data-dir=" + (dir / "profile").string());
            cmd.push_back("--print-to-pdf=" + pdf.string());
            cmd.push_back("file://" + html.string());
            return cmd;
        }
        case PdfTool::Kind::weasyprint:
            return {tool.program.string(), html.string(), pdf.string()};
        case PdfTool::Kind::wkhtmltopdf:
            return {tool.program.string(),  "--quiet",     "--page-size", "A4",
                    "--disable-javascript", html.string(), pdf.string()};
    }
    return {};
}

}  // namespace

std::optional<PdfTool> find_pdf_tool() {
    if (auto p = find_program({"chromium", "chromium-browser", "google-chrome"}))
        return PdfTool{PdfTool::Kind::chromium, *p};
    if (auto p = find_program({"weasyprint"})) return PdfTool{PdfTool::Kind::weasyprint, *p};
    if (auto p = find_program({"wkhtmltopdf"})) return PdfTool{PdfTool::Kind::wkhtmltopdf, *p};
    return std::nullopt;
}

std::string pdf_tool_hint() {
    return "no PDF converter found on PATH: install chromium, weasyprint or wkhtmltopdf "
           "(e.g. apt-get install chromium)";
}

PdfResult print_pdf(const PdfTool& tool, const std::string& html, const fs::path& out,
                    std::chrono::seconds time_limit) {
    PdfResult result;
    TempDir dir;
    if (dir.path().empty()) {
        result.error = "cannot make a temporary directory for the PDF converter";
        return result;
    }
    const fs::path html_file = dir.path() / "rapport.html";
    const fs::path pdf_file = dir.path() / "rapport.pdf";
    {
        std::ofstream f(html_file, std::ios::binary);
        f << html;
        if (!f.flush()) {
            result.error = fmt::format("cannot write {}", html_file.string());
            return result;
        }
    }
    const fs::path log = dir.path() / "converter.log";
    // A minimal environment: the converter needs no token, no proxy and no display.
    std::vector<std::string> env{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir.path().string(),
                                 "TMPDIR=" + dir.path().string(), "LANG=C.UTF-8"};
    const auto ran =
        run_program(command_for(tool, dir.path(), html_file, pdf_file), env, log, time_limit);
    const std::string pdf = fs::exists(pdf_file) ? read_all(pdf_file) : std::string();
    if (!ran.ok() || !pdf.starts_with("%PDF")) {
        const std::string said = last_line(log);
        result.error = fmt::format("{} made no PDF{}{}", tool.program.filename().string(),
                                   ran.error.empty() ? "" : ": " + ran.error,
                                   said.empty() ? "" : " (" + said + ")");
        return result;
    }
    // Next to the target and renamed over it: a reader never sees half a file.
    const fs::path part = out.string() + ".part";
    {
        std::ofstream f(part, std::ios::binary | std::ios::trunc);
        f << pdf;
        if (!f.flush()) {
            result.error = fmt::format("cannot write {}", part.string());
            return result;
        }
    }
    std::error_code ec;
    fs::rename(part, out, ec);
    if (ec) {
        result.error = fmt::format("cannot write {}: {}", out.string(), ec.message());
        fs::remove(part, ec);
        return result;
    }
    result.ok = true;
    return result;
}

}  // namespace okod
