#pragma once

#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace rd::csv {

// Writes RFC 4180 CSV: comma-separated, LF line ends, a field quoted only when it holds
// a comma, a quote, CR or LF (quotes doubled inside).
class Writer {
public:
    // Opens `path` for writing; check ok() before use.
    explicit Writer(const std::filesystem::path& path);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    bool ok() const { return file_ != nullptr && !failed_; }
    void row(std::initializer_list<std::string_view> fields);
    void row(const std::vector<std::string>& fields);
    // Flushes and closes; false if any write failed.
    bool close();

    static void appendField(std::string& out, std::string_view field);

private:
    void flushIfFull();

    std::FILE* file_ = nullptr;
    bool failed_ = false;
    std::string buffer_;
};

} // namespace rd::csv
