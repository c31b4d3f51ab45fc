#pragma once

#include "loan_position.h"
#include "result.h"

#include <string_view>

namespace rd {

// Stages of a recovery case (domain.md section 6).
enum class CaseStage { Early, Collection, PreLegal, Legal, PostWriteOff };

// Text codes: early, collection, pre-legal, legal, post-write-off.
const char* toString(CaseStage stage);
Result<CaseStage> parseCaseStage(std::string_view text);

// The stage DPD suggests: early 1-30 (and 0), collection 31-90, pre-legal 91 and above;
// post-write-off for a written-off loan. Legal is never suggested: people move a case
// there with a supervisor's approval.
CaseStage suggestedStage(int dpd, LoanStatus status);

// Moving into legal (from any other stage) needs a supervisor's approval.
bool needsApproval(CaseStage from, CaseStage to);

} // namespace rd
