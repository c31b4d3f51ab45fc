#include "import_table.h"

#include <fmt/format.h>

namespace rd::storage {

std::string ImportProblem::toString() const {
    // One problem, one line: a value quoted in the message may hold line breaks.
    std::string text = fmt::format("{}:{}: {}: {}", file, line, column, message);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

std::optional<ImportTable> ImportTable::open(const std::filesystem::path& dir, std::string fileName,
                                             std::vector<ColumnSpec> columns, ProblemList& errors,
                                             ProblemList& warnings) {
    const auto path = dir / fileName;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return std::nullopt;
    ImportTable t;
    t.fileName_ = std::move(fileName);
    t.columns_ = std::move(columns);
    t.index_.assign(t.columns_.size(), -1);
    t.errors_ = &errors;
    auto reader = csv::Reader::openFile(path);
    if (!reader) {
        errors.add({t.fileName_, 0, "(file)", reader.error().message});
        t.usable_ = false;
        t.reader_ = csv::Reader::fromString("");
        return t;
    }
    t.reader_ = std::move(reader).value();
    if (!t.reader_->next(t.record_)) {
        if (t.reader_->error())
            errors.add(
                {t.fileName_, t.reader_->error()->line, "(file)", t.reader_->error()->message});
        else
            errors.add({t.fileName_, 1, "(header)",
                        "the file is empty (the first row must name the columns)"});
        t.usable_ = false;
        return t;
    }
    t.headerWidth_ = t.record_.fields.size();
    for (std::size_t f = 0; f < t.record_.fields.size(); ++f) {
        const std::string_view name = t.record_.fields[f];
        bool known = false;
        for (std::size_t c = 0; c < t.columns_.size(); ++c) {
            if (t.columns_[c].name != name)
                continue;
            known = true;
            if (t.index_[c] >= 0) {
                errors.add({t.fileName_, 1, std::string(name),
                            "the column appears twice in the header (keep one)"});
                t.usable_ = false;
            }
            t.index_[c] = static_cast<int>(f);
        }
        if (!known)
            warnings.add({t.fileName_, 1, std::string(name), "unknown column, ignored"});
    }
    for (std::size_t c = 0; c < t.columns_.size(); ++c) {
        if (t.columns_[c].required && t.index_[c] < 0) {
            errors.add({t.fileName_, 1, std::string(t.columns_[c].name),
                        fmt::format("required column is missing (add a \"{}\" column to the "
                                    "header)",
                                    t.columns_[c].name)});
            t.usable_ = false;
        }
    }
    return t;
}

bool ImportTable::next() {
    if (!usable_)
        return false;
    while (reader_->next(record_)) {
        if (record_.fields.size() == headerWidth_)
            return true;
        errors_->add({fileName_, record_.line, "(row)",
                      fmt::format("the row has {} fields but the header has {} (check for a "
                                  "missing or extra comma, or quote a field that holds one)",
                                  record_.fields.size(), headerWidth_)});
    }
    if (reader_->error())
        errors_->add({fileName_, reader_->error()->line, "(file)", reader_->error()->message});
    return false;
}

void ImportTable::error(std::size_t column, std::string message) const {
    errorAt(record_.line, column, std::move(message));
}

void ImportTable::errorAt(std::int64_t line, std::size_t column, std::string message) const {
    errors_->add({fileName_, line, std::string(columns_[column].name), std::move(message)});
}

} // namespace rd::storage
