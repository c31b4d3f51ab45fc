#pragma once

#include "core/result.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::csv {

struct Record {
    std::int64_t line = 0;              // physical line (1-based) where the record starts
    std::vector<std::string_view> fields; // valid until the next call to next()
};

struct ReadError {
    std::int64_t line = 0;
    std::string message; // what is wrong and what to do, without file and line
};

// Streaming RFC 4180 reader: comma separator, optional UTF-8 BOM (skipped), LF or CRLF
// line ends, quoted fields with embedded commas, quotes ("") and newlines. Refuses invalid
// UTF-8, a quote inside an unquoted field, text after a closing quote, and an unterminated
// quoted field. Reads in fixed-size chunks, so memory does not grow with the file.
class Reader {
public:
    static Result<std::unique_ptr<Reader>> openFile(const std::filesystem::path& path);
    static std::unique_ptr<Reader> fromString(std::string data);
    ~Reader();

    // Reads the next record into `record`. Returns false at the end of input or on
    // malformed input; then error() tells which.
    bool next(Record& record);
    const std::optional<ReadError>& error() const { return error_; }

    std::int64_t bytesConsumed() const;
    std::int64_t totalBytes() const { return totalBytes_; }

private:
    Reader() = default;
    // implementation detail members are up to the implementer
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::optional<ReadError> error_;
    std::int64_t totalBytes_ = 0;
};

} // namespace rd::csv
