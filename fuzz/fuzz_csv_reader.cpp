// libFuzzer target for rd::csv::Reader. Invariants checked on every input:
//  - no crash or sanitizer report, and the reader stops (end or error);
//  - record lines strictly increase and lie within the input's lines; progress only grows;
//  - every field is readable memory, holds no NUL and is valid UTF-8 (checked here with a
//    decoder independent of the reader's); invalid UTF-8 or a NUL in the input is an error;
//  - reading in small chunks gives exactly what reading in one go gives;
//  - without an error, writing the records back with Writer::appendField and reading that
//    again gives the same fields.
#include "csv/csv_reader.h"
#include "csv/csv_writer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace rd::csv::detail {
// Defined in csv_reader.cpp, for tests and fuzzers only; 0 restores the default.
void setReadChunkSizeForTesting(std::size_t bytes);
} // namespace rd::csv::detail

namespace {

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

struct Parsed {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;
    bool hasError = false;
    std::int64_t errorLine = 0;
    std::string errorMessage;
    std::int64_t consumed = 0;
};

// Decodes code points one by one (rather than by byte ranges like the reader).
bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        std::uint32_t cp = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            cp = lead & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(length) > text.size())
            return false;
        for (int k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        const std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(length);
    }
    return true;
}

Parsed readAll(const std::string& data, std::size_t chunk) {
    rd::csv::detail::setReadChunkSizeForTesting(chunk);
    auto reader = rd::csv::Reader::fromString(data);
    rd::csv::detail::setReadChunkSizeForTesting(0);
    FUZZ_CHECK(reader->totalBytes() == static_cast<std::int64_t>(data.size()));

    Parsed parsed;
    rd::csv::Record record;
    std::int64_t previousLine = 0;
    std::int64_t previousConsumed = 0;
    const std::int64_t lastLine =
        1 + static_cast<std::int64_t>(std::count(data.begin(), data.end(), '\n'));
    std::size_t fieldBytes = 0;
    while (reader->next(record)) {
        FUZZ_CHECK(record.line > previousLine);
        FUZZ_CHECK(record.line <= lastLine);
        previousLine = record.line;
        const std::int64_t consumed = reader->bytesConsumed();
        FUZZ_CHECK(consumed > previousConsumed);
        FUZZ_CHECK(consumed <= reader->totalBytes());
        previousConsumed = consumed;
        FUZZ_CHECK(!record.fields.empty());
        std::vector<std::string> row;
        for (std::string_view field : record.fields) {
            fieldBytes += field.size();
            FUZZ_CHECK(field.find('\0') == std::string_view::npos); // reads every byte
            FUZZ_CHECK(isValidUtf8(field));
            row.emplace_back(field);
        }
        parsed.rows.push_back(std::move(row));
        parsed.lines.push_back(record.line);
    }
    FUZZ_CHECK(fieldBytes <= data.size());
    FUZZ_CHECK(!reader->next(record)); // stays at the end
    if (reader->error()) {
        parsed.hasError = true;
        parsed.errorLine = reader->error()->line;
        parsed.errorMessage = reader->error()->message;
        FUZZ_CHECK(parsed.errorLine >= previousLine && parsed.errorLine <= lastLine);
        FUZZ_CHECK(!parsed.errorMessage.empty());
    } else {
        FUZZ_CHECK(reader->bytesConsumed() == reader->totalBytes());
    }
    parsed.consumed = reader->bytesConsumed();
    return parsed;
}

bool sameResult(const Parsed& a, const Parsed& b) {
    return a.rows == b.rows && a.lines == b.lines && a.hasError == b.hasError &&
           a.errorLine == b.errorLine && a.errorMessage == b.errorMessage &&
           a.consumed == b.consumed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string data(reinterpret_cast<const char*>(bytes), size);
    const Parsed parsed = readAll(data, 0);

    // Invalid UTF-8 or a NUL anywhere must stop the reader with an error.
    const std::string_view withoutBom = std::string_view(data).starts_with("\xEF\xBB\xBF")
                                            ? std::string_view(data).substr(3)
                                            : std::string_view(data);
    if (!isValidUtf8(withoutBom) || data.find('\0') != std::string::npos)
        FUZZ_CHECK(parsed.hasError);
    if (!parsed.hasError)
        FUZZ_CHECK(parsed.consumed == static_cast<std::int64_t>(size));
    if (parsed.errorMessage.starts_with("invalid UTF-8"))
        FUZZ_CHECK(!isValidUtf8(withoutBom));

    // Chunk boundaries must not matter.
    // (Every refill parses the pending record again from its start, so long inputs get
    // somewhat larger chunks to keep the fuzzer fast.)
    const std::size_t seed = size * 7 + (size > 0 ? bytes[0] : 0);
    const std::size_t chunk = 1 + seed % (size < 512 ? 9 : 97);
    FUZZ_CHECK(sameResult(readAll(data, chunk), parsed));

    if (parsed.hasError)
        return 0;

    // Round trip through the writer's quoting.
    std::string written;
    if (!parsed.rows.empty() && parsed.rows[0][0].starts_with("\xEF\xBB\xBF"))
        written = "\xEF\xBB\xBF"; // else the reader would take the field's own BOM for one
    for (const auto& row : parsed.rows) {
        if (row.size() == 1 && row[0].empty()) {
            written += "\"\"\n"; // appendField writes "" as nothing: a blank line
            continue;
        }
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                written += ',';
            rd::csv::Writer::appendField(written, row[i]);
        }
        written += '\n';
    }
    const Parsed reread = readAll(written, 0);
    FUZZ_CHECK(!reread.hasError);
    FUZZ_CHECK(reread.rows == parsed.rows);
    return 0;
}
