#include "csv_writer.h"

namespace rd::csv {

Writer::Writer(const std::filesystem::path& path) : file_(std::fopen(path.c_str(), "wb")) {
    buffer_.reserve(1 << 20);
}

Writer::~Writer() { close(); }

void Writer::appendField(std::string& out, std::string_view field) {
    // A leading U+FEFF would be taken for a byte order mark by readers: quote it too.
    bool needsQuotes = field.substr(0, 3) == "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < field.size() && !needsQuotes; ++i) {
        const char c = field[i];
        needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!needsQuotes) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void Writer::row(std::initializer_list<std::string_view> fields) {
    if (fields.size() == 1 && fields.begin()->empty()) {
        // A lone empty field would be an empty line, which readers skip.
        buffer_ += "\"\"\n";
        flushIfFull();
        return;
    }
    bool first = true;
    for (std::string_view f : fields) {
        if (!first)
            buffer_.push_back(',');
        first = false;
        appendField(buffer_, f);
    }
    buffer_.push_back('\n');
    flushIfFull();
}

void Writer::row(const std::vector<std::string>& fields) {
    if (fields.size() == 1 && fields[0].empty()) {
        buffer_ += "\"\"\n";
        flushIfFull();
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            buffer_.push_back(',');
        appendField(buffer_, fields[i]);
    }
    buffer_.push_back('\n');
    flushIfFull();
}

void Writer::flushIfFull() {
    if (buffer_.size() < (1 << 20) - 4096)
        return;
    if (file_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        failed_ = true;
    buffer_.clear();
}

bool Writer::close() {
    if (!file_)
        return false;
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        failed_ = true;
    buffer_.clear();
    if (std::fclose(file_) != 0)
        failed_ = true;
    file_ = nullptr;
    return !failed_;
}

} // namespace rd::csv
