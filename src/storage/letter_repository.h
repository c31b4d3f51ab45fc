#pragma once

#include "core/call_list.h"
#include "core/letter_ladder.h"
#include "core/letter_records.h"
#include "database.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::storage {

// Letter templates (every version kept) and the letters sent (schema version 8).
class LetterRepository {
public:
    explicit LetterRepository(Database& db) : db_(db) {}

    // The newest version of every kind and language, by kind then language.
    std::vector<LetterTemplateRecord> latestTemplates() const;
    std::optional<LetterTemplateRecord> latestTemplate(std::string_view kind,
                                                       std::string_view language) const;
    // Every version of a kind and language, oldest first.
    std::vector<LetterTemplateRecord> templateVersions(std::string_view kind,
                                                       std::string_view language) const;
    // Saves the next version of the kind and language; returns it.
    LetterTemplateRecord saveTemplate(const std::string& kind, const std::string& language,
                                      const std::string& title, const std::string& body,
                                      const std::string& savedBy, const std::string& savedAt);

    // The number the next letter gets: one more than the highest, so numbers are gap-free
    // as long as they are taken inside the write transaction that records the letter.
    std::int64_t nextLetterNo() const;
    // The number the next batch of letters gets: one more than the highest (inside the write
    // transaction that records the batch).
    std::int64_t nextBatchId() const;
    // The client key of each of these loans, by loan key.
    std::unordered_map<std::int64_t, std::int64_t>
    clientsOf(const std::vector<std::int64_t>& loanKeys) const;
    // Records the letter (its contact is recorded by the caller first).
    void insertLetter(const LetterRecord& letter, std::int64_t loanKey, std::int64_t templateId,
                      std::optional<std::int64_t> batchId);
    std::optional<LetterRecord> letter(std::int64_t letterNo) const;
    std::vector<LetterRecord> lettersOfLoan(std::int64_t loanKey) const;
    // The letters sent to clients, as the ladder reads them, by loan key.
    std::unordered_map<std::int64_t, std::vector<LadderLetter>> ladderLetters() const;
    // By case id: the latest client letter sent on or before `asOf` that gave a deadline
    // (the call list's letter_due).
    std::unordered_map<std::int64_t, CallListLetterDeadline> latestDeadlines(Date asOf) const;
    // Copies printed after the first, and recording another.
    int printedCopies(std::int64_t letterNo) const;
    void insertPrint(std::int64_t letterNo, int copy, const std::string& at, const std::string& by);

    // Logo images by their SHA-256 (kept once, so a reprint shows the logo that was sent).
    void keepLogo(const std::string& sha256, const std::string& image);
    std::optional<std::string> logo(const std::string& sha256) const;

private:
    Database& db_;
};

} // namespace rd::storage
