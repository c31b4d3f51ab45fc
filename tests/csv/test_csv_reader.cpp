// rd::csv::Reader on in-memory input. Every input is read with the default chunk size and
// again with tiny chunks (1, 2, 3, ... bytes), so each record, quote, line end and UTF-8
// sequence also gets split across chunk boundaries; all runs must agree exactly.
#include "csv/csv_reader.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rd::csv::detail {
// Defined in csv_reader.cpp, for tests only; 0 restores the default chunk size.
void setReadChunkSizeForTesting(std::size_t bytes);
} // namespace rd::csv::detail

namespace {

using rd::csv::Reader;
using rd::csv::Record;
using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::int64_t>;

struct ChunkSizeGuard {
    explicit ChunkSizeGuard(std::size_t bytes) {
        rd::csv::detail::setReadChunkSizeForTesting(bytes);
    }
    ~ChunkSizeGuard() { rd::csv::detail::setReadChunkSizeForTesting(0); }
};

struct Parsed {
    Rows rows;
    Lines lines;
    bool hasError = false;
    std::int64_t errorLine = 0;
    std::string errorMessage;
    std::int64_t consumed = 0;
    std::int64_t total = 0;
};

Parsed readAll(Reader& reader) {
    Parsed p;
    Record record;
    while (reader.next(record)) {
        p.lines.push_back(record.line);
        p.rows.emplace_back(record.fields.begin(), record.fields.end());
    }
    if (reader.error()) {
        p.hasError = true;
        p.errorLine = reader.error()->line;
        p.errorMessage = reader.error()->message;
    }
    // Stays at the end (or the error) once there.
    CHECK_FALSE(reader.next(record));
    CHECK(record.fields.empty());
    CHECK(reader.error().has_value() == p.hasError);
    p.consumed = reader.bytesConsumed();
    p.total = reader.totalBytes();
    return p;
}

Parsed parseWithChunk(const std::string& data, std::size_t chunk) {
    ChunkSizeGuard guard(chunk);
    auto reader = Reader::fromString(data);
    return readAll(*reader);
}

Parsed parse(const std::string& data) {
    Parsed expected = parseWithChunk(data, 0);
    CHECK(expected.total == static_cast<std::int64_t>(data.size()));
    if (!expected.hasError)
        CHECK(expected.consumed == expected.total);
    for (std::size_t chunk : {1, 2, 3, 4, 5, 7, 13}) {
        INFO("chunk size " << chunk);
        const Parsed p = parseWithChunk(data, chunk);
        CHECK(p.rows == expected.rows);
        CHECK(p.lines == expected.lines);
        CHECK(p.hasError == expected.hasError);
        CHECK(p.errorLine == expected.errorLine);
        CHECK(p.errorMessage == expected.errorMessage);
        CHECK(p.consumed == expected.consumed);
    }
    return expected;
}

const std::string kQuoteInUnquoted =
    "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")";
const std::string kTextAfterQuote =
    "text after the closing quote of a quoted field; put the whole field in quotes and double "
    "each quote inside it (\"\")";
const std::string kUnterminated =
    "a quoted field that starts on this line has no closing quote; add the missing quote";
const std::string kNul = "a NUL byte in the file; is it really a CSV text file?";
const std::string kLoneCr = "a carriage return (CR) not followed by a line feed outside quotes; "
                            "save the file with LF or CRLF line ends";

std::string invalidUtf8(const char* hex) {
    return std::string("invalid UTF-8 in the file (byte 0x") + hex + "); save the file as UTF-8";
}

} // namespace

TEST_CASE("csv reader: plain records (the header is returned like any other record)") {
    const Parsed p = parse("id,name,amount\n1,Nakato,100.50\n2,Okello,7\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows ==
          Rows{{"id", "name", "amount"}, {"1", "Nakato", "100.50"}, {"2", "Okello", "7"}});
    CHECK(p.lines == Lines{1, 2, 3});
}

TEST_CASE("csv reader: empty input, or only a BOM or blank lines, gives no records") {
    for (const char* data : {"", "\xEF\xBB\xBF", "\n", "\r\n", "\n\n\r\n\n", "\xEF\xBB\xBF\n\n"}) {
        INFO("input size " << std::string(data).size());
        const Parsed p = parse(data);
        CHECK_FALSE(p.hasError);
        CHECK(p.rows.empty());
    }
}

TEST_CASE("csv reader: a UTF-8 BOM at the very start is skipped") {
    const Parsed p = parse("\xEF\xBB\xBFid,name\n1,Nakato\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"id", "name"}, {"1", "Nakato"}});
    CHECK(p.lines == Lines{1, 2});
}

TEST_CASE("csv reader: only one BOM is skipped, and a BOM elsewhere is data") {
    const Parsed p = parse("\xEF\xBB\xBF\xEF\xBB\xBFid,x\n1,\xEF\xBB\xBFy\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"\xEF\xBB\xBFid", "x"}, {"1", "\xEF\xBB\xBFy"}});
}

TEST_CASE("csv reader: a BOM cut short is invalid UTF-8") {
    const Parsed p = parse("\xEF\xBB");
    CHECK(p.hasError);
    CHECK(p.errorLine == 1);
    CHECK(p.errorMessage == invalidUtf8("EF"));
}

TEST_CASE("csv reader: CRLF and LF line ends, also mixed") {
    const Parsed crlf = parse("id,name\r\n1,Nakato\r\n2,Okello\r\n");
    CHECK_FALSE(crlf.hasError);
    CHECK(crlf.rows == Rows{{"id", "name"}, {"1", "Nakato"}, {"2", "Okello"}});
    CHECK(crlf.lines == Lines{1, 2, 3});

    const Parsed mixed = parse("a,b\r\nc,d\ne,\"f\"\r\ng,h");
    CHECK_FALSE(mixed.hasError);
    CHECK(mixed.rows == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}});
    CHECK(mixed.lines == Lines{1, 2, 3, 4});
}

TEST_CASE("csv reader: quoted fields with commas, doubled quotes and newlines") {
    const Parsed p = parse("id,note\n"
                           "1,\"Kampala, Uganda\"\n"
                           "2,\"she said \"\"pay\"\" twice\"\n"
                           "3,\"first line\nsecond line\nthird\"\n"
                           "4,\"\"\"\"\n"
                           "5,\"a\"\"\"\"b\"\n"
                           "6,plain\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"id", "note"},
                         {"1", "Kampala, Uganda"},
                         {"2", "she said \"pay\" twice"},
                         {"3", "first line\nsecond line\nthird"},
                         {"4", "\""},
                         {"5", "a\"\"b"},
                         {"6", "plain"}});
    // Record 4 starts after the two embedded newlines of record 3.
    CHECK(p.lines == Lines{1, 2, 3, 4, 7, 8, 9});
}

TEST_CASE("csv reader: several fields with doubled quotes in one record stay intact") {
    // The unescape buffer grows while the record is parsed; earlier views must stay right.
    std::string longText(5000, 'x');
    const Parsed p = parse("\"a\"\"b\",\"" + longText + "\"\"\",\"c\"\"\",plain,\"\"\"d\"\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"a\"b", longText + "\"", "c\"", "plain", "\"d"}});
}

TEST_CASE("csv reader: CR inside a quoted field is data, CRLF there too") {
    const Parsed p = parse("\"a\rb\",\"c\r\nd\"\r\nnext,row\r\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"a\rb", "c\r\nd"}, {"next", "row"}});
    CHECK(p.lines == Lines{1, 3});
}

TEST_CASE("csv reader: empty fields") {
    const Parsed p = parse("a,,b\na,b,\n,\n\"\"\n\"\",\"\"\n,,\nx\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows ==
          Rows{{"a", "", "b"}, {"a", "b", ""}, {"", ""}, {""}, {"", ""}, {"", "", ""}, {"x"}});
    CHECK(p.lines == Lines{1, 2, 3, 4, 5, 6, 7});
}

TEST_CASE("csv reader: a trailing comma at the end of the input gives an empty last field") {
    const Parsed p = parse("a,b,");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"a", "b", ""}});
}

TEST_CASE("csv reader: blank lines are skipped and still counted") {
    const Parsed p = parse("\n\nid,name\n\n1,Nakato\r\n\r\n\n2,Okello\n\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"id", "name"}, {"1", "Nakato"}, {"2", "Okello"}});
    CHECK(p.lines == Lines{3, 5, 8});
}

TEST_CASE("csv reader: a line of spaces is a record, not a blank line") {
    const Parsed p = parse("a\n \nb\n");
    CHECK_FALSE(p.hasError);
    CHECK(p.rows == Rows{{"a"}, {" "}, {"b"}});
}

TEST_CASE("csv reader: the last record may lack a line end") {
    CHECK(parse("a,b\nc,d").rows == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parse("a,b\nc,\"d\"").rows == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parse("a,b\n\"c\nd\"").rows == Rows{{"a", "b"}, {"c\nd"}});
    CHECK(parse("x").rows == Rows{{"x"}});
    CHECK(parse("\"\"").rows == Rows{{""}});
}

TEST_CASE("csv reader: valid UTF-8 of 2, 3 and 4 bytes, including the edge code points") {
    const Parsed p = parse("id,name\n1,Nakato Ñ 😀\n2,\"€ 1,000\"\n"
                           "3,\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
                           "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\n");
    CHECK_FALSE(p.hasError);
    REQUIRE(p.rows.size() == 4);
    CHECK(p.rows[1] == std::vector<std::string>{"1", "Nakato \xC3\x91 \xF0\x9F\x98\x80"});
    CHECK(p.rows[2] == std::vector<std::string>{"2", "\xE2\x82\xAC 1,000"});
    // U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF
    CHECK(p.rows[3][1] == "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
                          "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
}

TEST_CASE("csv reader: invalid UTF-8 is refused with the line and the byte") {
    struct Case {
        const char* what;
        std::string data;
        std::int64_t line;
        const char* byte;
    };
    const std::vector<Case> cases = {
        {"0xFF", "id\n\xFF\n", 2, "FF"},
        {"0xFE", "a,b\nc,d\xFE\n", 2, "FE"},
        {"stray continuation", "a\n\x80", 2, "80"},
        {"Latin-1 e acute", "name\nJos\xE9,1\n", 2, "E9"},
        {"overlong 2-byte C0", "\xC0\x80\n", 1, "C0"},
        {"overlong 2-byte C1", "x,\xC1\xBF\n", 1, "C1"},
        {"overlong 3-byte", "\xE0\x80\xAF\n", 1, "E0"},
        {"overlong 3-byte upper edge", "\xE0\x9F\xBF\n", 1, "E0"},
        {"overlong 4-byte", "\xF0\x8F\xBF\xBF\n", 1, "F0"},
        {"surrogate D800", "a\nb\n\xED\xA0\x80\n", 3, "ED"},
        {"surrogate DFFF", "\xED\xBF\xBF", 1, "ED"},
        {"above U+10FFFF", "\xF4\x90\x80\x80\n", 1, "F4"},
        {"lead F5", "\xF5\x80\x80\x80\n", 1, "F5"},
        {"truncated at the end", "a\nb\xE2\x82", 2, "E2"},
        {"truncated 4-byte at the end", "\xF0\x9F\x98", 1, "F0"},
        {"truncated before ASCII",
         "\xE2\x82"
         "A\n",
         1, "E2"},
        {"truncated before a comma", "\xC3,b\n", 1, "C3"},
        {"truncated before a line end", "a\n\xF0\x9F\x98\n", 2, "F0"},
        {"two leads", "\xC3\xC3\xA9\n", 1, "C3"},
        {"inside a quoted field", "a\n\"x\ny\xFF\"\n", 3, "FF"},
        {"truncated in a quoted field", "\"x\xE2\x82\"\n", 1, "E2"},
        {"after a closing quote", "\"x\"\xFF\n", 1, "FF"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const Parsed p = parse(c.data);
        CHECK(p.hasError);
        CHECK(p.errorLine == c.line);
        // After a closing quote any byte is already "text after the closing quote".
        if (std::string(c.what) == "after a closing quote")
            CHECK(p.errorMessage == kTextAfterQuote);
        else
            CHECK(p.errorMessage == invalidUtf8(c.byte));
    }
}

TEST_CASE("csv reader: records before an error are returned, then the error") {
    const Parsed p = parse("id,name\n1,Nakato\n2,Ok\xFF"
                           "llo\n3,never\n");
    CHECK(p.rows == Rows{{"id", "name"}, {"1", "Nakato"}});
    CHECK(p.hasError);
    CHECK(p.errorLine == 3);
    CHECK(p.errorMessage == invalidUtf8("FF"));
    CHECK(p.consumed == 17); // up to the start of the bad record
}

TEST_CASE("csv reader: a quote inside an unquoted field") {
    const Parsed p = parse("id,name\n1,5\" pipe\n");
    CHECK(p.rows == Rows{{"id", "name"}});
    CHECK(p.hasError);
    CHECK(p.errorLine == 2);
    CHECK(p.errorMessage == kQuoteInUnquoted);

    const Parsed atEnd = parse("a,b\n\n\nc,d\"");
    CHECK(atEnd.errorLine == 4);
    CHECK(atEnd.errorMessage == kQuoteInUnquoted);
}

TEST_CASE("csv reader: text after a closing quote") {
    const Parsed p = parse("id,name\n\"1\",\"Nakato\" Ñ,x\n");
    CHECK(p.rows == Rows{{"id", "name"}});
    CHECK(p.hasError);
    CHECK(p.errorLine == 2);
    CHECK(p.errorMessage == kTextAfterQuote);

    // The line is the one of the closing quote, after the embedded newlines.
    const Parsed later = parse("a\n\"x\ny\nz\"q\n");
    CHECK(later.errorLine == 4);
    CHECK(later.errorMessage == kTextAfterQuote);

    const Parsed space = parse("\"x\" ,y\n");
    CHECK(space.errorLine == 1);
    CHECK(space.errorMessage == kTextAfterQuote);
}

TEST_CASE("csv reader: an unterminated quoted field reports the line where it starts") {
    const Parsed p = parse("id,note\n1,ok\n2,\"starts here\nand goes on\n3,to the end\n");
    CHECK(p.rows == Rows{{"id", "note"}, {"1", "ok"}});
    CHECK(p.hasError);
    CHECK(p.errorLine == 3);
    CHECK(p.errorMessage == kUnterminated);

    const Parsed second = parse("a,\"b\",\"c\n\n\n");
    CHECK(second.errorLine == 1);
    CHECK(second.errorMessage == kUnterminated);

    const Parsed lonelyQuote = parse("x\n\"");
    CHECK(lonelyQuote.errorLine == 2);
    CHECK(lonelyQuote.errorMessage == kUnterminated);

    // A doubled quote at the very end does not close the field.
    const Parsed doubled = parse("\"abc\"\"");
    CHECK(doubled.errorLine == 1);
    CHECK(doubled.errorMessage == kUnterminated);
}

TEST_CASE("csv reader: NUL bytes are refused") {
    const Parsed unquoted = parse(std::string("a,b\nc,d\0e\n", 10));
    CHECK(unquoted.rows == Rows{{"a", "b"}});
    CHECK(unquoted.errorLine == 2);
    CHECK(unquoted.errorMessage == kNul);

    const Parsed quoted = parse(std::string("\"x\ny\0\"\n", 7));
    CHECK(quoted.errorLine == 2);
    CHECK(quoted.errorMessage == kNul);

    const Parsed first = parse(std::string("\0", 1));
    CHECK(first.errorLine == 1);
    CHECK(first.errorMessage == kNul);

    // UTF-16 text is full of NULs.
    const Parsed utf16 = parse(std::string("\xFF\xFEi\0d\0", 6));
    CHECK(utf16.errorMessage == invalidUtf8("FF"));
}

TEST_CASE("csv reader: a carriage return not followed by a line feed, outside quotes") {
    const Parsed oldMac = parse("id,name\r1,Nakato\r");
    CHECK(oldMac.rows.empty());
    CHECK(oldMac.errorLine == 1);
    CHECK(oldMac.errorMessage == kLoneCr);

    const Parsed afterQuote = parse("a\n\"b\"\rc\n");
    CHECK(afterQuote.errorLine == 2);
    CHECK(afterQuote.errorMessage == kLoneCr);

    const Parsed blank = parse("a\n\rb\n");
    CHECK(blank.errorLine == 2);
    CHECK(blank.errorMessage == kLoneCr);

    // Found by the fuzzer: progress after blank lines must not depend on the chunk size.
    const Parsed afterBlanks = parse("a\n\n\n\rb\n");
    CHECK(afterBlanks.errorLine == 4);
    CHECK(afterBlanks.errorMessage == kLoneCr);
    CHECK(afterBlanks.consumed == 4);

    const Parsed atEnd = parse("a\nb\r");
    CHECK(atEnd.rows == Rows{{"a"}});
    CHECK(atEnd.errorLine == 2);
    CHECK(atEnd.errorMessage == kLoneCr);
}

TEST_CASE("csv reader: fields stay valid until the next call, with a reused record") {
    auto reader = Reader::fromString("\"a\"\"1\",b\n\"c\"\"2\",d\n");
    Record record;
    REQUIRE(reader->next(record));
    const std::vector<std::string> first(record.fields.begin(), record.fields.end());
    CHECK(first == std::vector<std::string>{"a\"1", "b"});
    REQUIRE(reader->next(record));
    CHECK(record.line == 2);
    CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) ==
          std::vector<std::string>{"c\"2", "d"});
    CHECK_FALSE(reader->next(record));
    CHECK_FALSE(reader->error());
}

TEST_CASE("csv reader: progress counts the bytes of the records returned") {
    const std::string data = "\xEF\xBB\xBFid,name\n\n1,Nakato\n2,Okello";
    auto reader = Reader::fromString(data);
    CHECK(reader->totalBytes() == static_cast<std::int64_t>(data.size()));
    CHECK(reader->bytesConsumed() == 0);
    Record record;
    REQUIRE(reader->next(record));
    CHECK(reader->bytesConsumed() == 3 + 8); // the BOM and "id,name\n"
    REQUIRE(reader->next(record));
    CHECK(reader->bytesConsumed() == 3 + 8 + 1 + 9);
    REQUIRE(reader->next(record));
    CHECK(reader->bytesConsumed() == static_cast<std::int64_t>(data.size()));
    CHECK_FALSE(reader->next(record));
    CHECK(reader->bytesConsumed() == static_cast<std::int64_t>(data.size()));
}
