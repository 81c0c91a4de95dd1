#pragma once
// Prints a self-contained HTML document (the yearly report) to PDF with a converter
// from Debian, when one is installed: chromium (headless), weasyprint or wkhtmltopdf,
// tried in that order. okod and okoctl do not link a PDF library: the report's HTML is
// already print-ready (A4, page breaks), and a browser engine lays it out best.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace okod {

struct PdfTool {
    enum class Kind { chromium, weasyprint, wkhtmltopdf };
    Kind kind = Kind::chromium;
    std::filesystem::path program;
};

// The first converter found on PATH; nullopt when none is installed.
std::optional<PdfTool> find_pdf_tool();

// "install chromium, weasyprint or wkhtmltopdf (apt-get install chromium)".
std::string pdf_tool_hint();

struct PdfResult {
    bool ok = false;
    std::string error;  // what went wrong, with the converter's last output line
};

// Writes `html` as a PDF to `out` (replaced whole, or left as it was on failure). Runs
// the converter in a private temporary directory with a minimal environment, killed
// after `time_limit`.
PdfResult print_pdf(const PdfTool& tool, const std::string& html, const std::filesystem::path& out,
                    std::chrono::seconds time_limit = std::chrono::seconds{120});

}  // namespace okod
