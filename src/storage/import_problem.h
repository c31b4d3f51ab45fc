#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rd::storage {

// One finding of an import, printed as FILE:LINE: COLUMN: message.
struct ImportProblem {
    std::string file;
    std::int64_t line = 0;
    std::string column;
    std::string message;

    std::string toString() const;
};

// Collects problems; keeps the first `limit` and counts the rest.
class ProblemList {
public:
    explicit ProblemList(std::size_t limit = 200) : limit_(limit) {}
    void add(ImportProblem p) {
        ++count_;
        if (kept_.size() < limit_)
            kept_.push_back(std::move(p));
    }
    bool empty() const { return count_ == 0; }
    bool full() const { return count_ >= static_cast<std::int64_t>(limit_); }
    std::int64_t count() const { return count_; }
    const std::vector<ImportProblem>& kept() const { return kept_; }

private:
    std::size_t limit_;
    std::int64_t count_ = 0;
    std::vector<ImportProblem> kept_;
};

} // namespace rd::storage
