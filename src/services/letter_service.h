#pragma once

#include "core/case_records.h"
#include "core/case_stage.h"
#include "core/clock.h"
#include "core/contact.h"
#include "core/date.h"
#include "core/letter_ladder.h"
#include "core/letter_records.h"
#include "core/letter_template.h"
#include "core/result.h"
#include "core/user.h"
#include "storage_fwd.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::services {

// A letter rendered for a case but not sent: what it would say today, with the number it
// would get if sent now.
struct LetterDraft {
    LetterTemplateRecord templ;
    std::string title;
    std::string text;
    std::optional<Date> deadline;
    Letterhead letterhead;
    std::int64_t letterNo = 0;
    MergeValues values;
};

// A case that needs a letter today by the ladder (core/letter_ladder.h).
struct LetterDueItem {
    std::string loanId;
    std::string clientName;
    std::string branch;
    std::string officer; // the case's officer; empty when unassigned
    CaseStage stage = CaseStage::Early;
    int daysPastDue = 0;
    Amount arrears = 0;
    LetterDue due;
};

// Which open cases a batch of letters goes to (LetterService::sendBatch): those the actor may
// work, narrowed by officer, branch and stage, and with `dueOnly` to those for which the
// ladder says this kind is due on the batch's date.
struct LetterBatchRequest {
    std::string kind;
    std::string language = "en";
    std::string officer; // username; empty: every officer
    std::string branch;  // empty: every branch
    std::optional<CaseStage> stage;
    bool dueOnly = false;
};

// A batch as recorded: its number and its letters in letter-number order.
struct LetterBatch {
    std::int64_t batchId = 0;
    std::vector<LetterRecord> letters;
};

// What a Letters due list covers: one officer's cases, or a branch's.
struct LettersDueQuery {
    std::string officer; // username; empty: every officer in scope
    std::string branch;  // empty: every branch the actor may read
    Date date;
};

// Letters (domain.md section 12, docs/letters.md): templates with every version kept, the
// preview of a letter for a case, and sending it, which records it on the case as a contact
// (channel letter, outcome sent) with a gap-free letter number, the template version, the
// exact text, its SHA-256 and the letterhead, in one transaction with an audit record.
class LetterService {
public:
    explicit LetterService(storage::Database& db, Clock clock = {});

    // The newest version of every template; any enabled user (the editor and the send
    // dialog list them).
    Result<std::vector<LetterTemplateRecord>> templates(const User& actor) const;
    // Every version of one template, oldest first.
    Result<std::vector<LetterTemplateRecord>>
    templateVersions(const User& actor, std::string_view kind, std::string_view language) const;
    // Saves a new version (ManageSettings: administrators). The title and body are checked:
    // an unknown field is refused naming it and its line. A kind is lowercase letters,
    // digits and _ (a new kind is allowed); a language a lowercase code such as en, lg, sw.
    Result<LetterTemplateRecord> saveTemplate(const User& actor, std::string kind,
                                              std::string language, std::string title,
                                              std::string body);

    // The letter as it would be sent on `businessDate` (ReadBranch in the loan's branch); a
    // field without a value refuses, naming it. Records nothing.
    Result<LetterDraft> preview(const User& actor, std::string_view loanId, std::string_view kind,
                                std::string_view language, Date businessDate) const;

    // Called with the letter before it is recorded, inside the transaction (to print it or
    // write its PDF): an error from it records nothing and the number is not used.
    using Deliver = std::function<Result<void>(const LetterRecord&)>;
    // Sends the letter on the loan's open case (whoever may work the case), as of `at` (the
    // business date and time it was sent); returns what was recorded.
    Result<LetterRecord> send(const User& actor, std::string_view loanId, std::string_view kind,
                              std::string_view language, LetterDelivery delivery, DateTime at,
                              const Deliver& deliver = {});

    // Called with the whole batch before it is recorded, inside the transaction (to write its
    // one PDF): an error from it records nothing.
    using BatchDeliver = std::function<Result<void>(const LetterBatch&)>;
    // `progress(done, total)` before each letter is rendered and once all are; returning false
    // cancels.
    using BatchProgress = std::function<bool(std::size_t done, std::size_t total)>;
    // Sends one letter of the kind to each client of the selected cases (docs/letters.md,
    // "Batches"), delivery print, in one transaction: consecutive letter numbers and one new
    // batch number. A client with several selected loans gets one letter, on the loan with the
    // most days past due (then the lowest loan id). A letter that cannot be rendered, a failed
    // delivery or a cancel records nothing. An empty selection is an error saying so.
    Result<LetterBatch> sendBatch(const User& actor, const LetterBatchRequest& request, DateTime at,
                                  const BatchDeliver& deliver, const BatchProgress& progress = {});

    // A letter as sent, for a reprint (ReadBranch in its loan's branch); `recordCopy` records
    // the reprint (a copy number, who, when) as the receipts' duplicates are.
    Result<LetterRecord> letter(const User& actor, std::int64_t letterNo) const;
    Result<int> recordReprint(const User& actor, std::int64_t letterNo);
    // The loan's letters, oldest first (ReadBranch).
    Result<std::vector<LetterRecord>> lettersOfLoan(const User& actor,
                                                    std::string_view loanId) const;

    // The open cases that need a letter on the date by the ladder (settings letter_ladder and
    // letter_repeat_days), with the reason, most days past due first (then loan id); the
    // branches the actor may read (ReadBranch).
    Result<std::vector<LetterDueItem>> lettersDue(const User& actor,
                                                  const LettersDueQuery& query) const;

private:
    Result<LetterDraft> draft(const User& actor, std::string_view loanId, std::string_view kind,
                              std::string_view language, Date businessDate,
                              std::int64_t letterNo) const;
    // Renders the letter on the case with the next number, delivers it (when `deliver` is
    // given) and records its contact, the letter and an audit record; the caller holds the
    // transaction.
    Result<LetterRecord> recordLetter(const User& actor, const CaseRecord& c, std::string_view kind,
                                      std::string_view language, LetterDelivery delivery,
                                      DateTime at, std::optional<std::int64_t> batchId,
                                      const Deliver& deliver);
    storage::Database& db_;
    Clock clock_;
};

} // namespace rd::services
