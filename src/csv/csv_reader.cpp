#include "csv_reader.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>
#include <system_error>

namespace rd::csv {

namespace detail {

// Read chunk size override for tests and fuzzers, which declare this function themselves
// (it is deliberately not in the header): small chunks put every record, quote and UTF-8
// sequence across a chunk boundary. 0 restores the default. Affects Readers created later.
std::atomic<std::size_t> chunkSizeOverride{0};
void setReadChunkSizeForTesting(std::size_t bytes) {
    chunkSizeOverride.store(bytes);
}

} // namespace detail

namespace {

constexpr std::size_t kDefaultChunkBytes = std::size_t{1} << 20;
// A record (or a quoted field) never legitimately gets this long; a missing closing quote
// does. The limit keeps memory bounded whatever the file holds.
constexpr std::size_t kMaxRecordBytes = std::size_t{16} << 20;

// Byte classes for the scanning loops; kPlain bytes are copied over without a look.
enum : unsigned char { kPlain = 0, kSpecial = 1 };

constexpr std::array<unsigned char, 256> makeClassTable(bool quoted) {
    std::array<unsigned char, 256> table{};
    for (int c = 0x80; c < 256; ++c)
        table[c] = kSpecial; // UTF-8 to validate
    table[0] = kSpecial;     // NUL
    table['"'] = kSpecial;
    table['\n'] = kSpecial;
    if (!quoted) {
        table[','] = kSpecial;
        table['\r'] = kSpecial;
    }
    return table;
}

constexpr std::array<unsigned char, 256> kUnquotedClass = makeClassTable(false);
constexpr std::array<unsigned char, 256> kQuotedClass = makeClassTable(true);

// The read buffer keeps a NUL byte after the data: it stops the scans below at the end of
// the data without a bounds check in the loop.
constexpr std::size_t kPadding = 1;

// The first byte at or after p that needs a look: in an unquoted field a comma, CR, LF,
// quote, NUL or non-ASCII byte; in a quoted field a quote, LF, NUL or non-ASCII byte. (SSE2
// scanning was tried: no faster on the short fields of loan files.)
template <bool Quoted> inline std::size_t skipPlain(const unsigned char* b, std::size_t p) {
    const auto& table = Quoted ? kQuotedClass : kUnquotedClass;
    while (table[b[p]] == kPlain)
        ++p;
    return p;
}

// The UTF-8 sequence starting at p (p[0] >= 0x80) with `avail` bytes available: returns its
// length when valid, 0 when the bytes so far are a valid prefix and more input may follow,
// -1 when invalid (overlong, surrogate, above U+10FFFF, stray continuation, truncated).
inline int utf8SequenceLength(const unsigned char* p, std::size_t avail, bool atEof) {
    const unsigned char lead = p[0];
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        else if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong
        else if (lead == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return -1;
    }
    for (int i = 1; i < length; ++i) {
        if (static_cast<std::size_t>(i) >= avail)
            return atEof ? -1 : 0;
        const unsigned char c = p[i];
        if (c < low || c > high)
            return -1;
        low = 0x80;
        high = 0xBF;
    }
    return length;
}

std::string systemMessage(int error) {
    return std::error_code(error, std::generic_category()).message();
}

const char* const kQuoteInUnquoted =
    "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")";
const char* const kTextAfterQuote =
    "text after the closing quote of a quoted field; put the whole field in quotes and double "
    "each quote inside it (\"\")";
const char* const kUnterminated =
    "a quoted field that starts on this line has no closing quote; add the missing quote";
const char* const kNulByte = "a NUL byte in the file; is it really a CSV text file?";
const char* const kLoneCr = "a carriage return (CR) not followed by a line feed outside quotes; "
                            "save the file with LF or CRLF line ends";

// A field with doubled quotes, unescaped into Impl::unescaped. Its view is only made once
// the record is complete, since that buffer may move while it grows. (Views into the read
// buffer are made at once: it does not change while a record is parsed.)
struct UnescapedField {
    std::size_t index;
    std::size_t offset;
    std::size_t size;
};

enum class Step { Record, NeedMore, End, Failed };

} // namespace

struct Reader::Impl {
    ~Impl() {
        if (file)
            std::fclose(file);
    }

    // Input: a file, or a string handed out in chunks the same way.
    std::FILE* file = nullptr;
    std::string source;
    std::size_t sourcePos = 0;
    bool eof = false; // no input after buffer[end]

    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
    std::size_t chunkBytes = kDefaultChunkBytes;
    std::size_t pos = 0;   // start of the next record (or blank line) in buffer
    std::size_t end = 0;   // end of the data in buffer
    std::int64_t base = 0; // input offset of buffer[0]
    std::int64_t line = 1; // physical line at buffer[pos]
    bool bomChecked = false;
    bool finished = false;
    std::int64_t openQuoteLine = 0; // line of the quoted field the last NeedMore stopped in

    std::string unescaped;
    std::vector<UnescapedField> unescapedFields;

    Step fail(std::optional<ReadError>& error, std::int64_t at, std::string message) {
        error = ReadError{at, std::move(message)};
        return Step::Failed;
    }

    // Keeps the unparsed bytes [pos, end), moved to the front, and appends up to one chunk.
    bool refill(std::optional<ReadError>& error) {
        if (pos > 0) {
            std::memmove(buffer.get(), buffer.get() + pos, end - pos);
            end -= pos;
            base += static_cast<std::int64_t>(pos);
            pos = 0;
        }
        if (end == capacity) {
            if (capacity >= kMaxRecordBytes) {
                if (openQuoteLine > 0)
                    fail(error, openQuoteLine,
                         fmt::format("a quoted field that starts on this line runs on for more "
                                     "than {} MiB; it is probably missing its closing quote",
                                     kMaxRecordBytes >> 20));
                else
                    fail(error, line,
                         fmt::format("a record longer than {} MiB; is it really a CSV text file?",
                                     kMaxRecordBytes >> 20));
                return false;
            }
            // A short string gets a buffer of its size, not a whole chunk.
            const std::size_t first =
                file ? chunkBytes
                     : std::min(chunkBytes, std::max<std::size_t>(source.size() - sourcePos, 64));
            const std::size_t grown = std::max(capacity * 2, first);
            auto bigger = std::make_unique_for_overwrite<char[]>(grown + kPadding);
            if (end > 0)
                std::memcpy(bigger.get(), buffer.get(), end);
            buffer = std::move(bigger);
            capacity = grown;
        }
        const std::size_t want = std::min(chunkBytes, capacity - end);
        std::size_t got = 0;
        if (file) {
            got = std::fread(buffer.get() + end, 1, want, file);
            if (got < want) {
                if (std::ferror(file)) {
                    fail(error, line, "cannot read the file: " + systemMessage(errno));
                    return false;
                }
                eof = true;
            }
        } else {
            got = std::min(want, source.size() - sourcePos);
            std::memcpy(buffer.get() + end, source.data() + sourcePos, got);
            sourcePos += got;
            eof = sourcePos == source.size();
        }
        end += got;
        std::memset(buffer.get() + end, 0, kPadding);
        return true;
    }

    // Parses one record starting at pos. On NeedMore nothing but skipped blank lines is
    // consumed: the record is parsed again from its start once more input is there.
    Step parse(Record& record, std::optional<ReadError>& error) {
        const auto* b = reinterpret_cast<const unsigned char*>(buffer.get());
        std::size_t p = pos;
        std::int64_t ln = line;
        openQuoteLine = 0;

        // Completely empty lines are skipped.
        for (;;) {
            if (p == end) {
                pos = p;
                line = ln;
                return eof ? Step::End : Step::NeedMore;
            }
            if (b[p] == '\n') {
                ++p;
                ++ln;
            } else if (b[p] == '\r') {
                if (p + 1 == end && !eof) {
                    pos = p;
                    line = ln;
                    return Step::NeedMore;
                }
                if (p + 1 == end || b[p + 1] != '\n') {
                    pos = p; // as after a NeedMore here: progress does not depend on chunks
                    line = ln;
                    return fail(error, ln, kLoneCr);
                }
                p += 2;
                ++ln;
            } else {
                break;
            }
        }
        pos = p;
        line = ln;
        const std::int64_t recordLine = ln;
        record.fields.clear();
        unescapedFields.clear();
        unescaped.clear();
        const char* const text = buffer.get();

        for (;;) { // one field per iteration; p is at the field's first byte
            if (p < end && b[p] == '"') {
                const std::int64_t quoteLine = ln;
                const std::size_t start = ++p;
                std::size_t segment = start;   // start of the text not yet unescaped
                std::size_t unescapedFrom = 0; // where this field starts in `unescaped`
                bool hasDoubledQuote = false;
                for (;;) {
                    p = skipPlain<true>(b, p);
                    if (p == end) {
                        if (eof)
                            return fail(error, quoteLine, kUnterminated);
                        openQuoteLine = quoteLine;
                        return Step::NeedMore;
                    }
                    const unsigned char c = b[p];
                    if (c == '"') {
                        if (p + 1 == end && !eof) {
                            openQuoteLine = quoteLine;
                            return Step::NeedMore;
                        }
                        if (p + 1 < end && b[p + 1] == '"') {
                            if (!hasDoubledQuote) {
                                hasDoubledQuote = true;
                                unescapedFrom = unescaped.size();
                            }
                            unescaped.append(text + segment, p + 1 - segment);
                            p += 2;
                            segment = p;
                            continue;
                        }
                        if (hasDoubledQuote) {
                            unescaped.append(text + segment, p - segment);
                            unescapedFields.push_back({record.fields.size(), unescapedFrom,
                                                       unescaped.size() - unescapedFrom});
                            record.fields.emplace_back();
                        } else {
                            record.fields.emplace_back(text + start, p - start);
                        }
                        ++p;
                        break;
                    }
                    if (c == '\n') {
                        ++ln;
                        ++p;
                    } else if (c == 0) {
                        return fail(error, ln, kNulByte);
                    } else {
                        const int n = utf8SequenceLength(b + p, end - p, eof);
                        if (n > 0) {
                            p += static_cast<std::size_t>(n);
                        } else if (n == 0) {
                            openQuoteLine = quoteLine;
                            return Step::NeedMore;
                        } else {
                            return fail(error, ln, invalidUtf8(c));
                        }
                    }
                }
            } else {
                const std::size_t start = p;
                for (;;) {
                    p = skipPlain<false>(b, p);
                    if (p == end || b[p] < 0x80)
                        break;
                    const int n = utf8SequenceLength(b + p, end - p, eof);
                    if (n > 0)
                        p += static_cast<std::size_t>(n);
                    else if (n == 0)
                        return Step::NeedMore;
                    else
                        return fail(error, ln, invalidUtf8(b[p]));
                }
                if (p < end && b[p] == '"')
                    return fail(error, ln, kQuoteInUnquoted);
                if (p < end && b[p] == 0)
                    return fail(error, ln, kNulByte);
                if (p == end && !eof)
                    return Step::NeedMore;
                record.fields.emplace_back(text + start, p - start);
            }

            // After a field: a comma, a line end or the end of the input.
            if (p == end) {
                if (!eof)
                    return Step::NeedMore;
                break;
            }
            const unsigned char d = b[p];
            if (d == ',') {
                ++p; // also at the end of the input: "a,b," ends with an empty field
                continue;
            }
            if (d == '\n') {
                ++p;
                ++ln;
                break;
            }
            if (d == '\r') {
                if (p + 1 == end && !eof)
                    return Step::NeedMore;
                if (p + 1 == end || b[p + 1] != '\n')
                    return fail(error, ln, kLoneCr);
                p += 2;
                ++ln;
                break;
            }
            return fail(error, ln, kTextAfterQuote);
        }

        pos = p;
        line = ln;
        record.line = recordLine;
        for (const UnescapedField& f : unescapedFields)
            record.fields[f.index] = std::string_view(unescaped.data() + f.offset, f.size);
        return Step::Record;
    }

    static std::string invalidUtf8(unsigned char byte) {
        return fmt::format("invalid UTF-8 in the file (byte 0x{:02X}); save the file as UTF-8",
                           static_cast<unsigned>(byte));
    }
};

Reader::~Reader() = default;

std::unique_ptr<Reader> Reader::fromString(std::string data) {
    std::unique_ptr<Reader> reader(new Reader());
    reader->impl_ = std::make_unique<Impl>();
    if (const std::size_t chunk = detail::chunkSizeOverride.load(); chunk > 0)
        reader->impl_->chunkBytes = chunk;
    reader->totalBytes_ = static_cast<std::int64_t>(data.size());
    reader->impl_->source = std::move(data);
    return reader;
}

Result<std::unique_ptr<Reader>> Reader::openFile(const std::filesystem::path& path) {
    std::unique_ptr<Reader> reader = fromString({});
    Impl& impl = *reader->impl_;
    impl.file = std::fopen(path.c_str(), "rb"); // closed by ~Impl
    if (!impl.file)
        return Error{fmt::format("cannot open {}: {}", path.string(), systemMessage(errno))};
    struct stat info {};
    if (::fstat(fileno(impl.file), &info) != 0)
        return Error{fmt::format("cannot open {}: {}", path.string(), systemMessage(errno))};
    if (S_ISDIR(info.st_mode))
        return Error{fmt::format("cannot open {}: {}", path.string(), systemMessage(EISDIR))};
    // Reads are whole chunks into our own buffer; stdio buffering would only copy twice.
    std::setvbuf(impl.file, nullptr, _IONBF, 0);
    // 0 when the size is unknown (a pipe).
    reader->totalBytes_ = S_ISREG(info.st_mode) ? static_cast<std::int64_t>(info.st_size) : 0;
    return reader;
}

bool Reader::next(Record& record) {
    Impl& s = *impl_;
    while (!s.finished) {
        if (!s.bomChecked) {
            if (s.end - s.pos < 3 && !s.eof) {
                if (!s.refill(error_))
                    s.finished = true;
                continue;
            }
            if (s.end - s.pos >= 3 && std::memcmp(s.buffer.get() + s.pos, "\xEF\xBB\xBF", 3) == 0)
                s.pos += 3;
            s.bomChecked = true;
        }
        switch (s.parse(record, error_)) {
        case Step::Record:
            return true;
        case Step::NeedMore:
            if (!s.refill(error_))
                s.finished = true;
            break;
        case Step::End:
        case Step::Failed:
            s.finished = true;
            break;
        }
    }
    record.fields.clear();
    return false;
}

std::int64_t Reader::bytesConsumed() const {
    return impl_->base + static_cast<std::int64_t>(impl_->pos);
}

} // namespace rd::csv
