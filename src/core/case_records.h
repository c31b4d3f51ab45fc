#pragma once

// The recovery desk's records as services hand them to the faces (GUI and CLI): plain
// values, no SQL. Storage reads and writes them; services return them.
#include "core/case_stage.h"
#include "core/contact.h"
#include "core/date.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rd {

// What the desk needs to know about a loan besides its ledger.
struct LoanInfo {
    std::int64_t key = 0;
    std::string loanId;
    std::string branch;
    std::string clientName;
    std::string phone;
    std::string creditOfficer; // as imported; empty when none
};

// A recovery case as stored (schema version 3).
struct CaseRecord {
    std::int64_t id = 0;
    std::int64_t loanKey = 0;
    std::string loanId;
    std::string branch;
    Date openedOn;
    std::string openedBy;
    CaseStage stage = CaseStage::Early;
    bool open = true;
    std::optional<Date> closedOn;
    std::string closeReason; // cured, paid; empty while open
    std::optional<std::int64_t> assignedTo;
    std::string assignedUsername; // empty when unassigned
    std::optional<Date> nextActionOn;
    std::string nextActionKind;
};

struct CaseEventRecord {
    std::string at;
    Date businessDate;
    std::string actor;
    std::string kind; // opened, closed, stage_changed, assigned, next_action
    std::optional<std::string> before;
    std::optional<std::string> after;
    std::string note;
};

struct ContactRecord {
    std::int64_t id = 0;
    DateTime at;
    ContactChannel channel = ContactChannel::Call;
    ContactDirection direction = ContactDirection::Outbound;
    PersonReached person = PersonReached::Client;
    ContactOutcome outcome = ContactOutcome::Other;
    std::string note;
    std::string officer;
    std::optional<Date> nextActionOn;
    std::string nextActionKind;
    std::string overrideReason; // empty when no rule was broken
    std::optional<std::int64_t> correctsContactId;
};

// A case note (schema version 5): append-only; a correction names the note it corrects.
struct CaseNoteRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string at; // ISO 8601 UTC, when it was written
    Date businessDate;
    std::string author;
    std::string text;
    std::optional<std::int64_t> correctsNoteId;
};

struct ApprovalDecisionRecord {
    bool approved = false;
    std::string decidedBy;
    std::string decidedAt;
    Date businessDate;
    std::string comment;
};

// A request to move a case to legal, with its decision once made.
struct ApprovalRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string loanId;
    std::string branch;
    std::string kind; // legal
    std::string requestedBy;
    std::string requestedAt;
    Date businessDate;
    std::string note;
    std::optional<ApprovalDecisionRecord> decision; // none while pending
};

struct CaseReviewRecord {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::string reviewer;
    std::string at;
    Date businessDate;
    std::string comment;
};

// One audit_log row.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

// A client as the case file header shows it.
struct ClientDetails {
    std::string clientId;
    std::string fullName;
    std::string branch;
    std::string nationalId;
    std::string phone;
    std::string altPhone;
    std::string email;
    std::string address;
    std::string groupName;
};

} // namespace rd
