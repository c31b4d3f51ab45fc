// rd::csv::Reader on real files with the real 1 MiB read chunk: open errors, progress, and
// records, quotes, line ends and UTF-8 sequences that straddle the chunk boundary.
#include "csv/csv_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using rd::csv::Reader;
using rd::csv::Record;
using Row = std::vector<std::string>;

constexpr std::size_t kChunk = std::size_t{1} << 20; // the reader's read size

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rd-csv-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void writeFile(const fs::path& path, const std::string& data) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(data.data(), 1, data.size(), f) == data.size());
    REQUIRE(std::fclose(f) == 0);
}

// Appends filler rows "p...p" so that data ends exactly at `size`.
void padTo(std::string& data, std::size_t size) {
    REQUIRE(data.size() <= size);
    while (size - data.size() > 80)
        data.append(59, 'p').push_back('\n');
    const std::size_t rest = size - data.size();
    if (rest > 0)
        data.append(rest - 1, 'q').push_back('\n'); // rest 1 makes a blank line: skipped
}

std::int64_t lineAtEnd(const std::string& data) {
    return static_cast<std::int64_t>(std::count(data.begin(), data.end(), '\n')) + 1;
}

struct FileResult {
    std::vector<Row> tail; // the records after the filler
    std::vector<std::int64_t> tailLines;
    std::int64_t count = 0;
    bool hasError = false;
    std::int64_t errorLine = 0;
    std::string errorMessage;
};

FileResult readFile(const fs::path& path) {
    auto opened = Reader::openFile(path);
    REQUIRE(opened.ok());
    Reader& reader = *opened.value();
    FileResult result;
    Record record;
    while (reader.next(record)) {
        ++result.count;
        const bool filler =
            !record.fields.empty() && !record.fields[0].empty() &&
            (record.fields[0].front() == 'p' || record.fields[0].front() == 'q') &&
            record.fields[0].find_first_not_of(record.fields[0].front()) == std::string_view::npos;
        if (!filler) {
            result.tail.emplace_back(record.fields.begin(), record.fields.end());
            result.tailLines.push_back(record.line);
        }
    }
    if (reader.error()) {
        result.hasError = true;
        result.errorLine = reader.error()->line;
        result.errorMessage = reader.error()->message;
    } else {
        CHECK(reader.bytesConsumed() == reader.totalBytes());
    }
    return result;
}

} // namespace

TEST_CASE("csv reader file: a file that cannot be opened") {
    TempDir dir;
    const fs::path missing = dir.path() / "missing.csv";
    auto result = Reader::openFile(missing);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message ==
          "cannot open " + missing.string() + ": No such file or directory");

    auto directory = Reader::openFile(dir.path());
    REQUIRE_FALSE(directory.ok());
    CHECK(directory.error().message == "cannot open " + dir.path().string() + ": Is a directory");
}

TEST_CASE("csv reader file: records, size and progress") {
    TempDir dir;
    const fs::path path = dir.path() / "loans.csv";
    const std::string data = "\xEF\xBB\xBFid,name,amount\r\n1,Nakato Ñ 😀,100.50\r\n\r\n2,\"Okello, "
                             "J\",7\r\n";
    writeFile(path, data);
    auto opened = Reader::openFile(path);
    REQUIRE(opened.ok());
    Reader& reader = *opened.value();
    CHECK(reader.totalBytes() == static_cast<std::int64_t>(data.size()));
    CHECK(reader.bytesConsumed() == 0);
    Record record;
    REQUIRE(reader.next(record));
    CHECK(record.line == 1);
    CHECK(Row(record.fields.begin(), record.fields.end()) == Row{"id", "name", "amount"});
    CHECK(reader.bytesConsumed() == 3 + 16);
    REQUIRE(reader.next(record));
    CHECK(record.line == 2);
    CHECK(Row(record.fields.begin(), record.fields.end()) ==
          Row{"1", "Nakato \xC3\x91 \xF0\x9F\x98\x80", "100.50"});
    REQUIRE(reader.next(record));
    CHECK(record.line == 4);
    CHECK(Row(record.fields.begin(), record.fields.end()) == Row{"2", "Okello, J", "7"});
    CHECK_FALSE(reader.next(record));
    CHECK_FALSE(reader.error());
    CHECK(reader.bytesConsumed() == static_cast<std::int64_t>(data.size()));
}

TEST_CASE("csv reader file: an empty file") {
    TempDir dir;
    writeFile(dir.path() / "empty.csv", "");
    const FileResult r = readFile(dir.path() / "empty.csv");
    CHECK(r.count == 0);
    CHECK_FALSE(r.hasError);
}

TEST_CASE("csv reader file: a record spanning the chunk boundary, at every offset") {
    TempDir dir;
    const std::string record = "42,\"Nakato \"\"N\"\" \xC3\x91\nsecond line, with comma\","
                               "\xF0\x9F\x98\x80tail,\xE2\x82\xAC\r\n";
    const Row expected = {"42", "Nakato \"N\" \xC3\x91\nsecond line, with comma",
                          "\xF0\x9F\x98\x80tail", "\xE2\x82\xAC"};
    // Each shift puts the boundary at a different byte of the record.
    for (std::size_t shift = 1; shift <= record.size(); ++shift) {
        INFO("record starts " << shift << " bytes before the boundary");
        std::string data = "id,name,emoji,euro\n";
        padTo(data, kChunk - shift);
        const std::int64_t line = lineAtEnd(data);
        data += record;
        data += "last,row\n";
        writeFile(dir.path() / "span.csv", data);
        const FileResult r = readFile(dir.path() / "span.csv");
        CHECK_FALSE(r.hasError);
        REQUIRE(r.tail.size() == 3);
        CHECK(r.tail[1] == expected);
        CHECK(r.tail[2] == Row{"last", "row"});
        CHECK(r.tailLines == std::vector<std::int64_t>{1, line, line + 2});
    }
}

TEST_CASE("csv reader file: a valid 4-byte character split by the chunk boundary") {
    TempDir dir;
    for (std::size_t before = 1; before <= 3; ++before) {
        INFO(before << " bytes of the character in the first chunk");
        std::string data;
        padTo(data, kChunk - before - 2);
        const std::int64_t line = lineAtEnd(data);
        data += "x,\xF0\x9F\x98\x80y\n";
        writeFile(dir.path() / "emoji.csv", data);
        const FileResult r = readFile(dir.path() / "emoji.csv");
        CHECK_FALSE(r.hasError);
        REQUIRE(r.tail.size() == 1);
        CHECK(r.tail[0] == Row{"x", "\xF0\x9F\x98\x80y"});
        CHECK(r.tailLines[0] == line);
    }
}

TEST_CASE("csv reader file: invalid UTF-8 split by the chunk boundary") {
    TempDir dir;
    struct Case {
        const char* what;
        std::string bad;        // the bytes around the boundary
        std::size_t firstChunk; // how many of them end the first chunk
        const char* byte;
    };
    const std::vector<Case> cases = {
        {"3-byte cut short by ASCII",
         "\xE2\x82"
         "A",
         2, "E2"},
        {"4-byte cut short by a comma", "\xF0\x9F\x98,", 3, "F0"},
        {"4-byte cut short by a line end", "\xF0\x9F\x98\n", 1, "F0"},
        {"overlong", "\xE0\x80\x80", 1, "E0"},
        {"surrogate", "\xED\xA0\x80", 2, "ED"},
        {"above U+10FFFF", "\xF4\x90\x80\x80", 2, "F4"},
        {"lead at the end of the first chunk, then a lead", "\xC3\xC3\xA9", 1, "C3"},
    };
    for (const Case& c : cases) {
        for (bool quoted : {false, true}) {
            INFO(c.what << (quoted ? ", in a quoted field" : ", in an unquoted field"));
            std::string data = "id,name\n";
            const std::string prefix = quoted ? "7,\"x\ny" : "7,y";
            padTo(data, kChunk - c.firstChunk - prefix.size());
            const std::int64_t line = lineAtEnd(data) + (quoted ? 1 : 0);
            data += prefix + c.bad + "z" + (quoted ? "\"" : "") + "\n8,after\n";
            writeFile(dir.path() / "bad.csv", data);
            const FileResult r = readFile(dir.path() / "bad.csv");
            CHECK(r.hasError);
            CHECK(r.errorLine == line);
            CHECK(r.errorMessage == std::string("invalid UTF-8 in the file (byte 0x") + c.byte +
                                        "); save the file as UTF-8");
            CHECK(r.tail == std::vector<Row>{{"id", "name"}});
        }
    }
}

TEST_CASE("csv reader file: a file that ends in a truncated sequence right after a boundary") {
    TempDir dir;
    std::string data;
    padTo(data, kChunk);
    const std::int64_t line = lineAtEnd(data);
    data += "\xE2\x82";
    writeFile(dir.path() / "cut.csv", data);
    const FileResult r = readFile(dir.path() / "cut.csv");
    CHECK(r.hasError);
    CHECK(r.errorLine == line);
    CHECK(r.errorMessage == "invalid UTF-8 in the file (byte 0xE2); save the file as UTF-8");
}

TEST_CASE("csv reader file: CRLF and a doubled quote split by the chunk boundary") {
    TempDir dir;
    {
        std::string data;
        padTo(data, kChunk - 4);
        data += "a,b\r\nc,d\r\n"; // the CR ends the first chunk, the LF starts the second
        writeFile(dir.path() / "crlf.csv", data);
        const FileResult r = readFile(dir.path() / "crlf.csv");
        CHECK_FALSE(r.hasError);
        CHECK(r.tail == std::vector<Row>{{"a", "b"}, {"c", "d"}});
    }
    {
        std::string data;
        padTo(data, kChunk - 4);
        data += "\"a\"\"b\",c\n"; // the first quote of the pair ends the first chunk
        writeFile(dir.path() / "quote.csv", data);
        const FileResult r = readFile(dir.path() / "quote.csv");
        CHECK_FALSE(r.hasError);
        CHECK(r.tail == std::vector<Row>{{"a\"b", "c"}});
    }
    {
        std::string data;
        padTo(data, kChunk - 3);
        data += "\"ab\"\n,c\n"; // the closing quote ends the first chunk
        writeFile(dir.path() / "close.csv", data);
        const FileResult r = readFile(dir.path() / "close.csv");
        CHECK_FALSE(r.hasError);
        CHECK(r.tail == std::vector<Row>{{"ab"}, {"", "c"}});
    }
}

TEST_CASE("csv reader file: a file that is exactly one chunk, with and without a last newline") {
    TempDir dir;
    std::string data;
    padTo(data, kChunk);
    writeFile(dir.path() / "exact.csv", data);
    const FileResult r = readFile(dir.path() / "exact.csv");
    CHECK_FALSE(r.hasError);
    CHECK(r.count == static_cast<std::int64_t>(std::count(data.begin(), data.end(), '\n')));

    data.pop_back();
    data.back() = 'z';
    data += ",end";
    writeFile(dir.path() / "exact2.csv", data);
    const FileResult r2 = readFile(dir.path() / "exact2.csv");
    CHECK_FALSE(r2.hasError);
    REQUIRE(r2.tail.size() == 1);
    CHECK(r2.tail[0].back() == "end");
}

TEST_CASE("csv reader file: errors in a big file give the right line") {
    TempDir dir;
    std::string data = "id,name\n";
    padTo(data, 3 * kChunk + 17);
    const std::int64_t line = lineAtEnd(data);
    std::string unterminated = data + "9,\"no closing quote\n";
    padTo(unterminated, 5 * kChunk);
    writeFile(dir.path() / "unterminated.csv", unterminated);
    const FileResult r = readFile(dir.path() / "unterminated.csv");
    CHECK(r.hasError);
    CHECK(r.errorLine == line);
    CHECK(r.errorMessage ==
          "a quoted field that starts on this line has no closing quote; add the missing quote");

    writeFile(dir.path() / "quote.csv", data + "9,5\" pipe\n");
    const FileResult q = readFile(dir.path() / "quote.csv");
    CHECK(q.errorLine == line);
    CHECK(q.errorMessage == "a quote inside an unquoted field; put the whole field in quotes and "
                            "double the quote (\"\")");
}

TEST_CASE("csv reader file: memory is bounded (a runaway quoted field is an error)") {
    TempDir dir;
    std::string data = "id,note\n1,ok\n2,\"";
    data += std::string(17 << 20, 'x'); // 17 MiB, beyond the 16 MiB record limit
    data += "\"\n";
    writeFile(dir.path() / "runaway.csv", data);
    const FileResult r = readFile(dir.path() / "runaway.csv");
    CHECK(r.tail == std::vector<Row>{{"id", "note"}, {"1", "ok"}});
    CHECK(r.hasError);
    CHECK(r.errorLine == 3);
    CHECK(r.errorMessage == "a quoted field that starts on this line runs on for more than 16 "
                            "MiB; it is probably missing its closing quote");

    std::string unquoted = "id\n" + std::string(17 << 20, 'y') + "\n";
    writeFile(dir.path() / "long.csv", unquoted);
    const FileResult u = readFile(dir.path() / "long.csv");
    CHECK(u.hasError);
    CHECK(u.errorLine == 2);
    CHECK(u.errorMessage == "a record longer than 16 MiB; is it really a CSV text file?");
}

TEST_CASE("csv reader file: a record of almost 16 MiB is still read") {
    TempDir dir;
    const std::string big(15 << 20, 'n');
    writeFile(dir.path() / "big.csv", "a,b\n1,\"" + big + "\"\n2,x\n");
    const FileResult r = readFile(dir.path() / "big.csv");
    CHECK_FALSE(r.hasError);
    REQUIRE(r.tail.size() == 3);
    CHECK(r.tail[1][1] == big);
    CHECK(r.tail[2] == Row{"2", "x"});
}
