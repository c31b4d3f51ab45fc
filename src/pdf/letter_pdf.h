#pragma once

// Letters to PDF with Qt's text layout (QTextDocument, QPdfWriter). The header names no Qt
// type, so the command line can write PDFs without including Qt; the GUI prints the same
// document (letterDocumentHtml) to a QPrinter.
#include "core/date.h"
#include "core/letter_records.h"
#include "core/result.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rd::pdf {

struct LetterPage {
    Letterhead letterhead;
    std::int64_t letterNo = 0; // 0: a preview, not numbered
    Date date;
    std::string title;
    std::string text;
};

// The letters as one HTML document for QTextDocument: each letter starts on a new page with
// its letterhead, number and date, then the title and the body (paragraphs at blank lines,
// "- " lines as bullets). Text is escaped: a client's name cannot inject markup.
std::string letterDocumentHtml(const std::vector<LetterPage>& letters);

// Writes the letters to one A4 PDF (page numbers at the foot). `progress(done, total)`
// returning false cancels: the file is not written. Needs no running application: one is made
// offscreen when there is none (the command line).
Result<void> writeLettersPdf(const std::filesystem::path& path,
                             const std::vector<LetterPage>& letters,
                             const std::function<bool(std::size_t, std::size_t)>& progress = {});

} // namespace rd::pdf
