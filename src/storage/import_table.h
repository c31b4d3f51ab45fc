#pragma once

#include "csv/csv_reader.h"
#include "import_problem.h"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::storage {

struct ColumnSpec {
    std::string_view name;
    bool required;
};

// One import file read through its header: columns in any order, unknown columns warned
// about, missing required columns reported. Rows with the wrong field count are reported
// and skipped.
class ImportTable {
public:
    // Returns nullopt if the file does not exist (an import folder may hold any subset).
    static std::optional<ImportTable> open(const std::filesystem::path& dir, std::string fileName,
                                           std::vector<ColumnSpec> columns, ProblemList& errors,
                                           ProblemList& warnings);

    const std::string& fileName() const { return fileName_; }
    bool usable() const { return usable_; }
    bool has(std::size_t column) const { return index_[column] >= 0; }
    // Reads the next well-formed row; false at the end or on a malformed file.
    bool next();
    std::int64_t line() const { return record_.line; }
    std::string_view get(std::size_t column) const {
        return index_[column] < 0 ? std::string_view{}
                                  : record_.fields[static_cast<std::size_t>(index_[column])];
    }
    std::int64_t bytesConsumed() const { return reader_->bytesConsumed(); }
    std::int64_t totalBytes() const { return reader_->totalBytes(); }

    void error(std::size_t column, std::string message) const;
    // An error about an earlier row of this file (one held back to be written in a batch).
    void errorAt(std::int64_t line, std::size_t column, std::string message) const;
    // Where this table's errors go from now on (the list given to open() at first).
    void setErrors(ProblemList& errors) { errors_ = &errors; }
    ProblemList& errors() const { return *errors_; }

private:
    std::string fileName_;
    std::vector<ColumnSpec> columns_;
    std::vector<int> index_;
    std::size_t headerWidth_ = 0;
    std::shared_ptr<csv::Reader> reader_;
    csv::Record record_;
    ProblemList* errors_ = nullptr;
    bool usable_ = true;
};

} // namespace rd::storage
