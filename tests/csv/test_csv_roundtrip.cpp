// rd::csv::Writer output read back by rd::csv::Reader gives the same fields.
#include "csv/csv_reader.h"
#include "csv/csv_writer.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using rd::csv::Reader;
using rd::csv::Record;
using rd::csv::Writer;
using Row = std::vector<std::string>;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rd-csv-roundtrip-XXXXXX").string();
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

// Pieces that exercise quoting: separators, quotes, line ends, multi-byte UTF-8.
const std::vector<std::string> kPieces = {"a",
                                          "Z",
                                          "7",
                                          " ",
                                          ".",
                                          ",",
                                          "\"",
                                          "\"\"",
                                          "\n",
                                          "\r",
                                          "\r\n",
                                          "\xC3\x91",
                                          "\xE2\x82\xAC",
                                          "\xF0\x9F\x98\x80",
                                          "Nakato",
                                          "\t"};

std::string randomField(std::mt19937& rng) {
    std::uniform_int_distribution<int> length(0, 8);
    std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
    std::string field;
    for (int n = length(rng); n > 0; --n)
        field += kPieces[piece(rng)];
    return field;
}

std::vector<Row> randomRows(std::mt19937& rng, int count) {
    std::uniform_int_distribution<int> width(1, 7);
    std::vector<Row> rows;
    for (int i = 0; i < count; ++i) {
        Row row;
        for (int n = width(rng); n > 0; --n)
            row.push_back(randomField(rng));
        // A row of one empty field is written as an empty line, which readers skip.
        if (row.size() == 1 && row[0].empty())
            row[0] = "only";
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<Row> readRows(Reader& reader) {
    std::vector<Row> rows;
    Record record;
    while (reader.next(record))
        rows.emplace_back(record.fields.begin(), record.fields.end());
    CHECK_FALSE(reader.error());
    CHECK(reader.bytesConsumed() == reader.totalBytes());
    return rows;
}

} // namespace

TEST_CASE("csv round trip: Writer file read back by Reader, random fields") {
    std::mt19937 rng(20240611);
    const std::vector<Row> rows = randomRows(rng, 60000);
    TempDir dir;
    const fs::path path = dir.path() / "random.csv";
    {
        Writer writer(path);
        REQUIRE(writer.ok());
        for (const Row& row : rows)
            writer.row(row);
        REQUIRE(writer.close());
    }
    // Larger than a read chunk, so records cross chunk boundaries too.
    REQUIRE(fs::file_size(path) > (std::uintmax_t{1} << 20));
    auto reader = Reader::openFile(path);
    REQUIRE(reader.ok());
    const std::vector<Row> back = readRows(*reader.value());
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        REQUIRE(back[i] == rows[i]);
    }
}

TEST_CASE("csv round trip: record line numbers follow the embedded newlines") {
    TempDir dir;
    const fs::path path = dir.path() / "lines.csv";
    {
        Writer writer(path);
        REQUIRE(writer.ok());
        writer.row({"id", "note"});
        writer.row({"1", "two\nlines"});
        writer.row({"2", "three\r\nlines\n"});
        writer.row({"3", "\"quoted\", with comma"});
        REQUIRE(writer.close());
    }
    auto opened = Reader::openFile(path);
    REQUIRE(opened.ok());
    Reader& reader = *opened.value();
    Record record;
    std::vector<std::int64_t> lines;
    std::vector<Row> rows;
    while (reader.next(record)) {
        lines.push_back(record.line);
        rows.emplace_back(record.fields.begin(), record.fields.end());
    }
    CHECK_FALSE(reader.error());
    CHECK(lines == std::vector<std::int64_t>{1, 2, 4, 7});
    CHECK(rows == std::vector<Row>{{"id", "note"},
                                   {"1", "two\nlines"},
                                   {"2", "three\r\nlines\n"},
                                   {"3", "\"quoted\", with comma"}});
}

TEST_CASE("csv round trip: appendField quotes only what needs it and reads back") {
    std::string out;
    Writer::appendField(out, "plain");
    CHECK(out == "plain");
    out.clear();
    Writer::appendField(out, "a,b");
    CHECK(out == "\"a,b\"");
    out.clear();
    Writer::appendField(out, "say \"hi\"");
    CHECK(out == "\"say \"\"hi\"\"\"");

    std::mt19937 rng(7);
    const std::vector<Row> rows = randomRows(rng, 2000);
    std::string text;
    for (const Row& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                text += ',';
            Writer::appendField(text, row[i]);
        }
        text += "\r\n";
    }
    auto reader = Reader::fromString(text);
    CHECK(readRows(*reader) == rows);
}

TEST_CASE("csv round trip: a lone empty field and a leading U+FEFF survive") {
    TempDir dir;
    const auto path = dir.path() / "edge.csv";
    {
        rd::csv::Writer w(path);
        REQUIRE(w.ok());
        w.row({"\xEF\xBB\xBFname", "x"});
        w.row({""});
        w.row(std::vector<std::string>{""});
        w.row({"last"});
        REQUIRE(w.close());
    }
    auto reader = rd::csv::Reader::openFile(path);
    REQUIRE(reader.ok());
    rd::csv::Record r;
    REQUIRE((*reader)->next(r));
    REQUIRE(r.fields.size() == 2);
    CHECK(r.fields[0] == "\xEF\xBB\xBFname");
    for (int i = 0; i < 2; ++i) {
        REQUIRE((*reader)->next(r));
        REQUIRE(r.fields.size() == 1);
        CHECK(r.fields[0].empty());
    }
    REQUIRE((*reader)->next(r));
    CHECK(r.fields[0] == "last");
    CHECK_FALSE((*reader)->next(r));
}
