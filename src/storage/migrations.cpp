#include "migrations.h"

#include "database.h"
#include "shipped_letter_templates.h"
#include "sqlite_statement.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace rd::storage {
namespace {

// Version 1: the portfolio as imported from the core banking system, its import history
// and the audit log. Dates are ISO text (sorts as dates, readable by auditors); money is
// INTEGER minor units. Rows carry the import and file line they came from.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  source TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT
);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_key);

CREATE TABLE clients(
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  branch TEXT NOT NULL,
  national_id TEXT, phone TEXT, alt_phone TEXT, email TEXT, address TEXT, group_name TEXT,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  source_line INTEGER NOT NULL
);

CREATE TABLE client_versions(
  client_pk INTEGER NOT NULL REFERENCES clients(id),
  replaced_by_import INTEGER NOT NULL REFERENCES imports(id),
  full_name TEXT NOT NULL, branch TEXT NOT NULL,
  national_id TEXT, phone TEXT, alt_phone TEXT, email TEXT, address TEXT, group_name TEXT,
  import_id INTEGER NOT NULL, source_line INTEGER NOT NULL
);
CREATE INDEX client_versions_by_client ON client_versions(client_pk);

CREATE TABLE loans(
  id INTEGER PRIMARY KEY,
  loan_id TEXT NOT NULL UNIQUE,
  client_pk INTEGER NOT NULL REFERENCES clients(id),
  product TEXT NOT NULL,
  branch TEXT NOT NULL,
  credit_officer TEXT,
  principal INTEGER NOT NULL CHECK(principal > 0),
  disbursed_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('active', 'written_off')),
  written_off_on TEXT,
  annual_interest_rate TEXT, interest_method TEXT, frequency TEXT,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  source_line INTEGER NOT NULL
);
CREATE INDEX loans_by_client ON loans(client_pk);

CREATE TABLE loan_versions(
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  replaced_by_import INTEGER NOT NULL REFERENCES imports(id),
  client_pk INTEGER NOT NULL, product TEXT NOT NULL, branch TEXT NOT NULL, credit_officer TEXT,
  principal INTEGER NOT NULL, disbursed_on TEXT NOT NULL, status TEXT NOT NULL,
  written_off_on TEXT, annual_interest_rate TEXT, interest_method TEXT, frequency TEXT,
  import_id INTEGER NOT NULL, source_line INTEGER NOT NULL
);
CREATE INDEX loan_versions_by_loan ON loan_versions(loan_pk);

CREATE TABLE installments(
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  installment_no INTEGER NOT NULL CHECK(installment_no >= 1),
  due_date TEXT NOT NULL,
  principal_due INTEGER NOT NULL CHECK(principal_due >= 0),
  interest_due INTEGER NOT NULL CHECK(interest_due >= 0),
  fee_due INTEGER NOT NULL DEFAULT 0 CHECK(fee_due >= 0),
  import_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY(loan_pk, installment_no)
) WITHOUT ROWID;

-- Schedules replaced by a later import (a loan rescheduled in the core banking system).
CREATE TABLE installment_versions(
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  replaced_by_import INTEGER NOT NULL REFERENCES imports(id),
  installment_no INTEGER NOT NULL, due_date TEXT NOT NULL,
  principal_due INTEGER NOT NULL, interest_due INTEGER NOT NULL, fee_due INTEGER NOT NULL,
  import_id INTEGER NOT NULL, source_line INTEGER NOT NULL
);
CREATE INDEX installment_versions_by_loan ON installment_versions(loan_pk, replaced_by_import);

CREATE TABLE charges(
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  charge_id TEXT NOT NULL,
  installment_no INTEGER NOT NULL,
  charged_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('fee', 'penalty')),
  amount INTEGER NOT NULL CHECK(amount > 0),
  import_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY(loan_pk, charge_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX charges_by_id ON charges(charge_id);

CREATE TABLE payments(
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  payment_id TEXT NOT NULL,
  paid_on TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK(amount > 0),
  method TEXT NOT NULL
    CHECK(method IN ('cash', 'cheque', 'bank_transfer', 'mobile_money', 'other')),
  reference TEXT,
  reversed_on TEXT CHECK(reversed_on IS NULL OR reversed_on >= paid_on),
  import_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  reversal_import_id INTEGER,
  PRIMARY KEY(loan_pk, payment_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX payments_by_id ON payments(payment_id);

-- A derived, rebuildable copy of each loan's events in one compact row (ledger_codec.h),
-- rewritten in the same transaction as every change to the loan. Portfolio reports read it.
CREATE TABLE loan_ledgers(
  loan_pk INTEGER PRIMARY KEY REFERENCES loans(id),
  data BLOB NOT NULL
);

-- Nothing financial is deleted or edited in place: a payment may only gain a reversal date.
CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments BEGIN
  SELECT RAISE(ABORT, 'payments are never deleted; reverse the payment instead');
END;
CREATE TRIGGER payments_never_edited BEFORE UPDATE ON payments
WHEN OLD.reversed_on IS NOT NULL OR NEW.loan_pk IS NOT OLD.loan_pk
  OR NEW.payment_id IS NOT OLD.payment_id OR NEW.paid_on IS NOT OLD.paid_on
  OR NEW.amount IS NOT OLD.amount OR NEW.method IS NOT OLD.method
  OR NEW.reference IS NOT OLD.reference BEGIN
  SELECT RAISE(ABORT, 'a payment is never edited; only a reversal date may be added once');
END;
CREATE TRIGGER charges_never_deleted BEFORE DELETE ON charges BEGIN
  SELECT RAISE(ABORT, 'charges are never deleted');
END;
CREATE TRIGGER charges_never_edited BEFORE UPDATE ON charges BEGIN
  SELECT RAISE(ABORT, 'charges are never edited');
END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql";

// Version 2: the people who sign in. Passwords are Argon2id hashes in libsodium's string
// form (password_hasher.h); times are ISO 8601 UTC text, which sorts as time. A user's
// branches are rows of user_branches. Users are never deleted, only disabled, so the audit
// log's actors stay meaningful.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK(role IN ('officer', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK(must_change_password IN (0, 1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK(failed_attempts >= 0),
  locked_until TEXT,
  password_changed_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE user_branches(
  user_id INTEGER NOT NULL REFERENCES users(id),
  branch TEXT NOT NULL,
  PRIMARY KEY(user_id, branch)
) WITHOUT ROWID;
CREATE INDEX user_branches_by_branch ON user_branches(branch, user_id);

CREATE TRIGGER users_never_deleted BEFORE DELETE ON users BEGIN
  SELECT RAISE(ABORT, 'users are never deleted; disable the user instead');
END;
)sql";

// Version 3: recovery cases and the officer's work on them (domain.md sections 6-8).
// A case row holds the case's current state (stage, status, officer, next action); every
// change to it is also a row of case_events, the case's append-only timeline. Contacts and
// promises are append-only: a correction is a new contact that names the one it corrects.
// Promise status is not stored: it is evaluated against the payments whenever it is read.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE cases(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  opened_on TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  stage TEXT NOT NULL
    CHECK(stage IN ('early', 'collection', 'pre-legal', 'legal', 'post-write-off')),
  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open', 'closed')),
  closed_on TEXT,
  close_reason TEXT CHECK(close_reason IS NULL OR close_reason IN ('cured', 'paid')),
  assigned_to INTEGER REFERENCES users(id),
  next_action_on TEXT,
  next_action_kind TEXT,
  CHECK((status = 'open') = (closed_on IS NULL AND close_reason IS NULL))
);
CREATE UNIQUE INDEX cases_one_open_per_loan ON cases(loan_pk) WHERE status = 'open';
CREATE INDEX cases_by_loan ON cases(loan_pk, id);
CREATE INDEX cases_by_officer ON cases(assigned_to, status);

CREATE TABLE case_events(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK(kind IN ('opened', 'closed', 'stage_changed', 'assigned', 'next_action')),
  before TEXT,
  after TEXT,
  note TEXT
);
CREATE INDEX case_events_by_case ON case_events(case_id, id);

CREATE TABLE contacts(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  at TEXT NOT NULL,
  channel TEXT NOT NULL
    CHECK(channel IN ('call', 'sms', 'email', 'letter', 'visit', 'meeting')),
  direction TEXT NOT NULL CHECK(direction IN ('outbound', 'inbound')),
  person TEXT NOT NULL CHECK(person IN ('client', 'guarantor', 'group_leader', 'other')),
  outcome TEXT NOT NULL CHECK(outcome IN ('reached', 'no_answer', 'wrong_number', 'refused',
                                          'disputed', 'promised', 'paid', 'other')),
  note TEXT NOT NULL DEFAULT '',
  officer TEXT NOT NULL,
  next_action_on TEXT,
  next_action_kind TEXT,
  override_reason TEXT,
  corrects_contact_id INTEGER REFERENCES contacts(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX contacts_by_loan ON contacts(loan_pk, at);

CREATE TABLE promises(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  amount INTEGER NOT NULL CHECK(amount > 0),
  promised_for TEXT NOT NULL,
  created_on TEXT NOT NULL,
  created_by TEXT NOT NULL,
  contact_id INTEGER REFERENCES contacts(id),
  recorded_at TEXT NOT NULL,
  CHECK(promised_for >= created_on)
);
CREATE INDEX promises_by_loan ON promises(loan_pk, id);

CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events BEGIN
  SELECT RAISE(ABORT, 'the case timeline is append-only');
END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events BEGIN
  SELECT RAISE(ABORT, 'the case timeline is append-only');
END;
CREATE TRIGGER contacts_append_only_update BEFORE UPDATE ON contacts BEGIN
  SELECT RAISE(ABORT, 'contacts are append-only; add a correction instead');
END;
CREATE TRIGGER contacts_append_only_delete BEFORE DELETE ON contacts BEGIN
  SELECT RAISE(ABORT, 'contacts are append-only; add a correction instead');
END;
CREATE TRIGGER promises_append_only_update BEFORE UPDATE ON promises BEGIN
  SELECT RAISE(ABORT, 'promises are append-only');
END;
CREATE TRIGGER promises_append_only_delete BEFORE DELETE ON promises BEGIN
  SELECT RAISE(ABORT, 'promises are append-only');
END;
CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases BEGIN
  SELECT RAISE(ABORT, 'cases are never deleted; they are closed');
END;
)sql";

// Version 4: payments taken at the desk (domain.md section 10). A desk payment is an
// ordinary payments row, so ledgers, the loan_ledgers cache, aging and promises see it
// unchanged; its payment_id is 'DESK-' and the receipt number padded to 6 digits, and its
// import_id and source_line are 0, which means "taken at the desk, not imported".
// desk_receipts numbers them from one gap-free sequence (MAX(receipt_no)+1 inside the
// saving transaction) and keeps the allocation as printed on the receipt, so a reprint is
// identical forever. A reversal sets payments.reversed_on (once, by the v1 trigger) and is
// recorded with its reason in payment_reversals. Both tables are append-only.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE desk_receipts(
  receipt_no INTEGER PRIMARY KEY CHECK(receipt_no >= 1),
  payment_id TEXT NOT NULL UNIQUE REFERENCES payments(payment_id),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  taken_by TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  allocated_principal INTEGER NOT NULL DEFAULT 0,
  allocated_interest INTEGER NOT NULL DEFAULT 0,
  allocated_fees INTEGER NOT NULL DEFAULT 0,
  allocated_penalties INTEGER NOT NULL DEFAULT 0,
  to_credit_balance INTEGER NOT NULL DEFAULT 0,
  outstanding_principal_after INTEGER NOT NULL DEFAULT 0,
  arrears_after INTEGER NOT NULL DEFAULT 0,
  client_name TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL DEFAULT ''
);
CREATE INDEX desk_receipts_by_loan ON desk_receipts(loan_pk, receipt_no);
CREATE INDEX desk_receipts_by_business_date ON desk_receipts(business_date, receipt_no);

CREATE TABLE payment_reversals(
  payment_id TEXT PRIMARY KEY REFERENCES payments(payment_id),
  reversed_on TEXT NOT NULL,
  reason TEXT NOT NULL CHECK(length(trim(reason)) > 0),
  reversed_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER desk_receipts_append_only_update BEFORE UPDATE ON desk_receipts BEGIN
  SELECT RAISE(ABORT, 'desk receipts are append-only; reverse the payment instead');
END;
CREATE TRIGGER desk_receipts_append_only_delete BEFORE DELETE ON desk_receipts BEGIN
  SELECT RAISE(ABORT, 'desk receipts are append-only; reverse the payment instead');
END;
CREATE TRIGGER payment_reversals_append_only_update BEFORE UPDATE ON payment_reversals BEGIN
  SELECT RAISE(ABORT, 'payment reversals are append-only');
END;
CREATE TRIGGER payment_reversals_append_only_delete BEFORE DELETE ON payment_reversals BEGIN
  SELECT RAISE(ABORT, 'payment reversals are append-only');
END;
)sql";

// Version 5: the supervisor's and officer's work on a case besides contacts (domain.md
// sections 6-7): case notes (append-only; a correction is a new note naming the one it
// corrects), approvals (a request to move a case to legal, and its decision by a supervisor),
// and review sign-offs. All append-only; the case file's timeline is built from these tables
// together with case_events (whose kinds stay those of version 3).
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE case_notes(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL CHECK(length(trim(text)) > 0),
  corrects_note_id INTEGER REFERENCES case_notes(id)
);
CREATE INDEX case_notes_by_loan ON case_notes(loan_pk, id);

CREATE TABLE case_approvals(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK(kind IN ('legal')),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_approvals_by_case ON case_approvals(case_id, id);

CREATE TABLE case_approval_decisions(
  approval_id INTEGER PRIMARY KEY REFERENCES case_approvals(id),
  decision TEXT NOT NULL CHECK(decision IN ('approved', 'rejected')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  comment TEXT NOT NULL CHECK(length(trim(comment)) > 0)
);

CREATE TABLE case_reviews(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  comment TEXT NOT NULL CHECK(length(trim(comment)) > 0)
);
CREATE INDEX case_reviews_by_case ON case_reviews(case_id, id);

CREATE TRIGGER case_notes_append_only_update BEFORE UPDATE ON case_notes BEGIN
  SELECT RAISE(ABORT, 'case notes are append-only; add a correction instead');
END;
CREATE TRIGGER case_notes_append_only_delete BEFORE DELETE ON case_notes BEGIN
  SELECT RAISE(ABORT, 'case notes are append-only; add a correction instead');
END;
CREATE TRIGGER case_approvals_append_only_update BEFORE UPDATE ON case_approvals BEGIN
  SELECT RAISE(ABORT, 'approval requests are append-only');
END;
CREATE TRIGGER case_approvals_append_only_delete BEFORE DELETE ON case_approvals BEGIN
  SELECT RAISE(ABORT, 'approval requests are append-only');
END;
CREATE TRIGGER case_approval_decisions_append_only_update BEFORE UPDATE ON case_approval_decisions
BEGIN
  SELECT RAISE(ABORT, 'approval decisions are append-only');
END;
CREATE TRIGGER case_approval_decisions_append_only_delete BEFORE DELETE ON case_approval_decisions
BEGIN
  SELECT RAISE(ABORT, 'approval decisions are append-only');
END;
CREATE TRIGGER case_reviews_append_only_update BEFORE UPDATE ON case_reviews BEGIN
  SELECT RAISE(ABORT, 'case reviews are append-only');
END;
CREATE TRIGGER case_reviews_append_only_delete BEFORE DELETE ON case_reviews BEGIN
  SELECT RAISE(ABORT, 'case reviews are append-only');
END;
)sql";

// Version 6: receipts handed over and the officers' end of day (recovery-rules.md, "End of
// day"). receipt_prints records each print of a receipt (copy 1 is the original, every
// later copy is printed as a DUPLICATE with its time). desk_day_closes records an officer's
// close of a business date with the cash expected and counted (a difference needs a
// reason); a supervisor's sign-off or reopening of that close is a row of its own, at most
// one of each per close, so a reopened day is closed again with a new close row. All
// append-only.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE receipt_prints(
  receipt_no INTEGER NOT NULL REFERENCES desk_receipts(receipt_no),
  copy INTEGER NOT NULL CHECK(copy >= 1),
  printed_at TEXT NOT NULL,
  printed_by TEXT NOT NULL,
  PRIMARY KEY(receipt_no, copy)
) WITHOUT ROWID;

CREATE TABLE desk_day_closes(
  id INTEGER PRIMARY KEY,
  officer TEXT NOT NULL,
  business_date TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  receipt_count INTEGER NOT NULL,
  received INTEGER NOT NULL,
  cash_expected INTEGER NOT NULL,
  cash_counted INTEGER NOT NULL CHECK(cash_counted >= 0),
  difference_reason TEXT NOT NULL DEFAULT '',
  CHECK(cash_counted = cash_expected OR length(trim(difference_reason)) > 0)
);
CREATE INDEX desk_day_closes_by_day ON desk_day_closes(business_date, officer, id);
CREATE INDEX desk_receipts_by_officer_day ON desk_receipts(taken_by, business_date);

CREATE TABLE desk_day_sign_offs(
  close_id INTEGER PRIMARY KEY REFERENCES desk_day_closes(id),
  signed_by TEXT NOT NULL,
  signed_at TEXT NOT NULL
);

CREATE TABLE desk_day_reopenings(
  close_id INTEGER PRIMARY KEY REFERENCES desk_day_closes(id),
  reopened_by TEXT NOT NULL,
  reopened_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK(length(trim(reason)) > 0)
);
CREATE TRIGGER receipt_prints_append_only_update BEFORE UPDATE ON receipt_prints BEGIN
  SELECT RAISE(ABORT, 'receipt prints are append-only');
END;
CREATE TRIGGER receipt_prints_append_only_delete BEFORE DELETE ON receipt_prints BEGIN
  SELECT RAISE(ABORT, 'receipt prints are append-only');
END;
CREATE TRIGGER desk_day_closes_append_only_update BEFORE UPDATE ON desk_day_closes BEGIN
  SELECT RAISE(ABORT, 'day closes are append-only; a supervisor reopens the day');
END;
CREATE TRIGGER desk_day_closes_append_only_delete BEFORE DELETE ON desk_day_closes BEGIN
  SELECT RAISE(ABORT, 'day closes are append-only; a supervisor reopens the day');
END;
CREATE TRIGGER desk_day_sign_offs_append_only_update BEFORE UPDATE ON desk_day_sign_offs BEGIN
  SELECT RAISE(ABORT, 'day sign-offs are append-only');
END;
CREATE TRIGGER desk_day_sign_offs_append_only_delete BEFORE DELETE ON desk_day_sign_offs BEGIN
  SELECT RAISE(ABORT, 'day sign-offs are append-only');
END;
CREATE TRIGGER desk_day_reopenings_append_only_update BEFORE UPDATE ON desk_day_reopenings BEGIN
  SELECT RAISE(ABORT, 'day reopenings are append-only');
END;
CREATE TRIGGER desk_day_reopenings_append_only_delete BEFORE DELETE ON desk_day_reopenings BEGIN
  SELECT RAISE(ABORT, 'day reopenings are append-only');
END;
)sql";

// Version 7: the negotiation workbench (domain.md sections 5, 9 and 11).
// - loans.restructured_on: the core banking system's restructure date (import column).
// - cases: rebuilt so close_reason may be 'settled' (a CHECK cannot be altered in place);
//   rows, ids, indexes and the never-deleted trigger are kept.
// - plans: a proposal with its dated installments (plan_installments); its decisions
//   (approvals, rejection, withdrawal, cancellation by a newer plan) are rows of
//   plan_decisions. An approved reschedule's new loan schedule (kept installments frozen
//   at what was paid as of the start, then the calculator's rows) is plan_schedule_rows,
//   written once at approval; a completed settlement's waiver is plan_waivers. Plan status
//   as of a date is derived from these and the payments, like a promise's.
// - budgets with their monthly income and expense lines; counselling sessions with their
//   attendees; referrals with their status updates.
// Everything is append-only.
constexpr const char* kSchemaV7 = R"sql(
ALTER TABLE loans ADD COLUMN restructured_on TEXT;
ALTER TABLE loan_versions ADD COLUMN restructured_on TEXT;

CREATE TABLE cases_v7(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  opened_on TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  stage TEXT NOT NULL
    CHECK(stage IN ('early', 'collection', 'pre-legal', 'legal', 'post-write-off')),
  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open', 'closed')),
  closed_on TEXT,
  close_reason TEXT
    CHECK(close_reason IS NULL OR close_reason IN ('cured', 'paid', 'settled')),
  assigned_to INTEGER REFERENCES users(id),
  next_action_on TEXT,
  next_action_kind TEXT,
  CHECK((status = 'open') = (closed_on IS NULL AND close_reason IS NULL))
);
INSERT INTO cases_v7 SELECT id, loan_pk, opened_on, opened_by, stage, status, closed_on,
  close_reason, assigned_to, next_action_on, next_action_kind FROM cases;
DROP TABLE cases;
ALTER TABLE cases_v7 RENAME TO cases;
CREATE UNIQUE INDEX cases_one_open_per_loan ON cases(loan_pk) WHERE status = 'open';
CREATE INDEX cases_by_loan ON cases(loan_pk, id);
CREATE INDEX cases_by_officer ON cases(assigned_to, status);
CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases BEGIN
  SELECT RAISE(ABORT, 'cases are never deleted; they are closed');
END;

CREATE TABLE budgets(
  id INTEGER PRIMARY KEY,
  client_pk INTEGER NOT NULL REFERENCES clients(id),
  budget_date TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX budgets_by_client ON budgets(client_pk, budget_date, id);
CREATE TABLE budget_lines(
  budget_id INTEGER NOT NULL REFERENCES budgets(id),
  line_no INTEGER NOT NULL CHECK(line_no >= 1),
  kind TEXT NOT NULL CHECK(kind IN ('income', 'expense')),
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  monthly_amount INTEGER NOT NULL CHECK(monthly_amount >= 0),
  PRIMARY KEY(budget_id, line_no)
) WITHOUT ROWID;

CREATE TABLE plans(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER REFERENCES cases(id),
  kind TEXT NOT NULL CHECK(kind IN ('arrangement', 'reschedule', 'settlement')),
  start_date TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  balance INTEGER NOT NULL CHECK(balance >= 0),
  total INTEGER NOT NULL CHECK(total > 0),
  waived INTEGER NOT NULL DEFAULT 0 CHECK(waived >= 0),
  grace_days INTEGER NOT NULL CHECK(grace_days >= 0),
  approvals_needed INTEGER NOT NULL CHECK(approvals_needed IN (1, 2)),
  budget_id INTEGER REFERENCES budgets(id),
  monthly_amount INTEGER NOT NULL DEFAULT 0,
  surplus INTEGER,
  affordability_reason TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plans_by_loan ON plans(loan_pk, id);
CREATE TABLE plan_installments(
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  n INTEGER NOT NULL CHECK(n >= 1),
  due_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK(amount > 0),
  principal INTEGER NOT NULL DEFAULT 0,
  interest INTEGER NOT NULL DEFAULT 0,
  fees INTEGER NOT NULL DEFAULT 0,
  penalties INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(plan_id, n)
) WITHOUT ROWID;
CREATE TABLE plan_decisions(
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  decision TEXT NOT NULL CHECK(decision IN ('approved', 'rejected', 'withdrawn', 'cancelled')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  comment TEXT NOT NULL CHECK(length(trim(comment)) > 0),
  replaced_by_plan INTEGER REFERENCES plans(id)
);
CREATE INDEX plan_decisions_by_plan ON plan_decisions(plan_id, id);
-- Where each plan stands by its decisions: approvals so far, and the first decision that
-- ended it (rejected, withdrawn, cancelled), if any. Approved = approvals >= needed.
CREATE VIEW plan_decision_state AS
SELECT p.id AS plan_id, p.loan_pk, p.kind, p.approvals_needed,
  (SELECT count(*) FROM plan_decisions d WHERE d.plan_id = p.id AND d.decision = 'approved')
    AS approvals,
  (SELECT d.decision FROM plan_decisions d WHERE d.plan_id = p.id AND d.decision <> 'approved'
    ORDER BY d.id LIMIT 1) AS ended_by
FROM plans p;
CREATE TABLE plan_schedule_rows(
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  installment_no INTEGER NOT NULL CHECK(installment_no >= 1),
  due_date TEXT NOT NULL,
  principal_due INTEGER NOT NULL CHECK(principal_due >= 0),
  interest_due INTEGER NOT NULL CHECK(interest_due >= 0),
  fee_due INTEGER NOT NULL CHECK(fee_due >= 0),
  penalty_due INTEGER NOT NULL CHECK(penalty_due >= 0),
  new_row INTEGER NOT NULL CHECK(new_row IN (0, 1)),
  PRIMARY KEY(plan_id, installment_no)
) WITHOUT ROWID;
CREATE TABLE plan_waivers(
  plan_id INTEGER PRIMARY KEY REFERENCES plans(id),
  waived_on TEXT NOT NULL,
  principal INTEGER NOT NULL CHECK(principal >= 0),
  interest INTEGER NOT NULL CHECK(interest >= 0),
  fees INTEGER NOT NULL CHECK(fees >= 0),
  penalties INTEGER NOT NULL CHECK(penalties >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);

CREATE TABLE counselling_sessions(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(kind IN ('one_to_one', 'workshop')),
  session_date TEXT NOT NULL,
  topic TEXT NOT NULL CHECK(length(trim(topic)) > 0),
  facilitator TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  follow_up_on TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE counselling_attendees(
  session_id INTEGER NOT NULL REFERENCES counselling_sessions(id),
  client_pk INTEGER NOT NULL REFERENCES clients(id),
  PRIMARY KEY(session_id, client_pk)
) WITHOUT ROWID;
CREATE INDEX counselling_attendees_by_client ON counselling_attendees(client_pk, session_id);

CREATE TABLE referrals(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER REFERENCES cases(id),
  organisation TEXT NOT NULL CHECK(length(trim(organisation)) > 0),
  service TEXT NOT NULL CHECK(service IN ('social_welfare', 'vocational_training',
                                          'counselling', 'health', 'other')),
  follow_up_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  referred_by TEXT NOT NULL,
  referred_at TEXT NOT NULL,
  business_date TEXT NOT NULL
);
CREATE INDEX referrals_by_loan ON referrals(loan_pk, id);
CREATE TABLE referral_updates(
  id INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  status TEXT NOT NULL CHECK(status IN ('referred', 'contacted', 'completed', 'declined')),
  note TEXT NOT NULL DEFAULT '',
  follow_up_on TEXT,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  business_date TEXT NOT NULL
);
CREATE INDEX referral_updates_by_referral ON referral_updates(referral_id, id);
)sql";

// Version 8: letters and legal action (recovery-rules.md, "Letters" and "Legal action"), and
// the guarantors and collateral of the core banking system's files (import-format.md).
// - guarantors and collateral are imported like clients: one row per id, the previous
//   values kept in *_versions when a later import changes them.
// - contacts is rebuilt to take the outcome 'sent' (a letter recorded on its case).
// - letter_templates: every saved version of a template (kind, language, version), the
//   shipped ones as version 1 by 'recoverydesk'. letters: each letter sent, numbered
//   gap-free like receipts, with the template version, the exact text and its SHA-256 and
//   the letterhead it was printed with (letter_logos keeps every logo image by its hash),
//   so a reprint is identical; letter_prints records each later copy.
// - feasibility assessments with their collateral and guarantor lines; the request to move
//   a case to legal names its assessment (legal_request_feasibility).
// - legal cases with their status history, hearings and mediation sessions and their
//   outcomes, judgments, enforcement actions; recovery costs per case (a correction is a
//   reversing row).
// Everything but the imported tables is append-only.
constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE guarantors(
  id INTEGER PRIMARY KEY,
  guarantor_id TEXT NOT NULL UNIQUE,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  full_name TEXT NOT NULL,
  phone TEXT, national_id TEXT, relationship TEXT, address TEXT,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  source_line INTEGER NOT NULL
);
CREATE INDEX guarantors_by_loan ON guarantors(loan_pk);
CREATE TABLE guarantor_versions(
  guarantor_pk INTEGER NOT NULL REFERENCES guarantors(id),
  replaced_by_import INTEGER NOT NULL REFERENCES imports(id),
  loan_pk INTEGER NOT NULL, full_name TEXT NOT NULL,
  phone TEXT, national_id TEXT, relationship TEXT, address TEXT,
  import_id INTEGER NOT NULL, source_line INTEGER NOT NULL
);
CREATE INDEX guarantor_versions_by_guarantor ON guarantor_versions(guarantor_pk);

CREATE TABLE collateral(
  id INTEGER PRIMARY KEY,
  collateral_id TEXT NOT NULL UNIQUE,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  kind TEXT NOT NULL CHECK(kind IN ('land', 'building', 'vehicle', 'equipment', 'household',
                                    'savings', 'other')),
  description TEXT NOT NULL,
  market_value INTEGER CHECK(market_value IS NULL OR market_value >= 0),
  forced_sale_value INTEGER CHECK(forced_sale_value IS NULL OR forced_sale_value >= 0),
  valued_on TEXT, registration TEXT,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  source_line INTEGER NOT NULL
);
CREATE INDEX collateral_by_loan ON collateral(loan_pk);
CREATE TABLE collateral_versions(
  collateral_pk INTEGER NOT NULL REFERENCES collateral(id),
  replaced_by_import INTEGER NOT NULL REFERENCES imports(id),
  loan_pk INTEGER NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL,
  market_value INTEGER, forced_sale_value INTEGER, valued_on TEXT, registration TEXT,
  import_id INTEGER NOT NULL, source_line INTEGER NOT NULL
);
CREATE INDEX collateral_versions_by_collateral ON collateral_versions(collateral_pk);

CREATE TABLE contacts_v8(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  at TEXT NOT NULL,
  channel TEXT NOT NULL
    CHECK(channel IN ('call', 'sms', 'email', 'letter', 'visit', 'meeting')),
  direction TEXT NOT NULL CHECK(direction IN ('outbound', 'inbound')),
  person TEXT NOT NULL CHECK(person IN ('client', 'guarantor', 'group_leader', 'other')),
  outcome TEXT NOT NULL CHECK(outcome IN ('reached', 'no_answer', 'wrong_number', 'refused',
                                          'disputed', 'promised', 'paid', 'sent', 'other')),
  note TEXT NOT NULL DEFAULT '',
  officer TEXT NOT NULL,
  next_action_on TEXT,
  next_action_kind TEXT,
  override_reason TEXT,
  corrects_contact_id INTEGER REFERENCES contacts(id),
  recorded_at TEXT NOT NULL
);
INSERT INTO contacts_v8 SELECT id, case_id, loan_pk, at, channel, direction, person, outcome,
  note, officer, next_action_on, next_action_kind, override_reason, corrects_contact_id,
  recorded_at FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_v8 RENAME TO contacts;
CREATE INDEX contacts_by_loan ON contacts(loan_pk, at);
CREATE TRIGGER contacts_append_only_update BEFORE UPDATE ON contacts BEGIN
  SELECT RAISE(ABORT, 'contacts are append-only; add a correction instead');
END;
CREATE TRIGGER contacts_append_only_delete BEFORE DELETE ON contacts BEGIN
  SELECT RAISE(ABORT, 'contacts are append-only; add a correction instead');
END;

CREATE TABLE letter_templates(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK(length(kind) > 0 AND kind NOT GLOB '*[^a-z0-9_]*'),
  language TEXT NOT NULL CHECK(length(language) > 0 AND language NOT GLOB '*[^a-z]*'),
  version INTEGER NOT NULL CHECK(version >= 1),
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  body TEXT NOT NULL CHECK(length(trim(body)) > 0),
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  UNIQUE(kind, language, version)
);

CREATE TABLE letter_logos(
  sha256 TEXT PRIMARY KEY,
  image BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE letters(
  letter_no INTEGER PRIMARY KEY CHECK(letter_no >= 1),
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts(id),
  template_id INTEGER NOT NULL REFERENCES letter_templates(id),
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL CHECK(recipient IN ('client', 'guarantor')),
  guarantor_pk INTEGER REFERENCES guarantors(id),
  legal_case_id INTEGER REFERENCES legal_cases(id),
  business_date TEXT NOT NULL,
  deadline TEXT,
  delivery TEXT NOT NULL CHECK(delivery IN ('print', 'hand', 'post', 'email')),
  sent_at TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  batch_id INTEGER,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK(length(sha256) = 64),
  letterhead TEXT NOT NULL,
  logo_sha256 TEXT REFERENCES letter_logos(sha256),
  CHECK((recipient = 'guarantor') = (guarantor_pk IS NOT NULL))
);
CREATE INDEX letters_by_loan ON letters(loan_pk, letter_no);
CREATE INDEX letters_by_case_kind ON letters(case_id, kind, business_date);

CREATE TABLE letter_prints(
  letter_no INTEGER NOT NULL REFERENCES letters(letter_no),
  copy INTEGER NOT NULL CHECK(copy >= 2),
  printed_at TEXT NOT NULL,
  printed_by TEXT NOT NULL,
  PRIMARY KEY(letter_no, copy)
) WITHOUT ROWID;

CREATE TABLE feasibility_assessments(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  business_date TEXT NOT NULL,
  assessed_by TEXT NOT NULL,
  assessed_at TEXT NOT NULL,
  balance INTEGER NOT NULL CHECK(balance >= 0),
  cost_court INTEGER NOT NULL DEFAULT 0 CHECK(cost_court >= 0),
  cost_lawyer INTEGER NOT NULL DEFAULT 0 CHECK(cost_lawyer >= 0),
  cost_auctioneer INTEGER NOT NULL DEFAULT 0 CHECK(cost_auctioneer >= 0),
  cost_transport INTEGER NOT NULL DEFAULT 0 CHECK(cost_transport >= 0),
  chance_percent INTEGER NOT NULL CHECK(chance_percent BETWEEN 0 AND 100),
  expected_net_recovery INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feasibility_by_loan ON feasibility_assessments(loan_pk, id);
CREATE TABLE feasibility_collateral(
  assessment_id INTEGER NOT NULL REFERENCES feasibility_assessments(id),
  line_no INTEGER NOT NULL CHECK(line_no >= 1),
  collateral_pk INTEGER REFERENCES collateral(id),
  description TEXT NOT NULL CHECK(length(trim(description)) > 0),
  market_value INTEGER NOT NULL CHECK(market_value >= 0),
  forced_sale_value INTEGER NOT NULL CHECK(forced_sale_value >= 0),
  PRIMARY KEY(assessment_id, line_no)
) WITHOUT ROWID;
CREATE TABLE feasibility_guarantors(
  assessment_id INTEGER NOT NULL REFERENCES feasibility_assessments(id),
  line_no INTEGER NOT NULL CHECK(line_no >= 1),
  guarantor_pk INTEGER REFERENCES guarantors(id),
  full_name TEXT NOT NULL CHECK(length(trim(full_name)) > 0),
  phone TEXT NOT NULL DEFAULT '',
  reached INTEGER NOT NULL CHECK(reached IN (0, 1)),
  can_pay INTEGER NOT NULL CHECK(can_pay >= 0),
  PRIMARY KEY(assessment_id, line_no)
) WITHOUT ROWID;
CREATE TABLE legal_request_feasibility(
  approval_id INTEGER PRIMARY KEY REFERENCES case_approvals(id),
  assessment_id INTEGER NOT NULL REFERENCES feasibility_assessments(id)
);

CREATE TABLE legal_cases(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  forum_kind TEXT NOT NULL CHECK(forum_kind IN ('court', 'agency')),
  forum TEXT NOT NULL CHECK(length(trim(forum)) > 0),
  case_number TEXT NOT NULL DEFAULT '',
  lawyer TEXT NOT NULL DEFAULT '',
  filed_on TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX legal_cases_by_loan ON legal_cases(loan_pk, id);
CREATE TABLE legal_case_updates(
  id INTEGER PRIMARY KEY,
  legal_case_id INTEGER NOT NULL REFERENCES legal_cases(id),
  status TEXT NOT NULL CHECK(status IN ('filed', 'mediation', 'hearing', 'judgment',
                                        'enforcement', 'closed')),
  case_number TEXT,
  lawyer TEXT,
  business_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX legal_case_updates_by_case ON legal_case_updates(legal_case_id, id);
CREATE TABLE legal_sessions(
  id INTEGER PRIMARY KEY,
  legal_case_id INTEGER NOT NULL REFERENCES legal_cases(id),
  kind TEXT NOT NULL CHECK(kind IN ('hearing', 'mediation')),
  session_date TEXT NOT NULL,
  session_time TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  business_date TEXT NOT NULL
);
CREATE INDEX legal_sessions_by_date ON legal_sessions(session_date, id);
CREATE INDEX legal_sessions_by_case ON legal_sessions(legal_case_id, session_date);
CREATE TABLE legal_session_outcomes(
  session_id INTEGER PRIMARY KEY REFERENCES legal_sessions(id),
  outcome TEXT NOT NULL CHECK(length(trim(outcome)) > 0),
  next_date TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  business_date TEXT NOT NULL
);
CREATE TABLE legal_judgments(
  id INTEGER PRIMARY KEY,
  legal_case_id INTEGER NOT NULL REFERENCES legal_cases(id),
  judgment_date TEXT NOT NULL,
  amount_awarded INTEGER NOT NULL CHECK(amount_awarded >= 0),
  costs_awarded INTEGER NOT NULL CHECK(costs_awarded >= 0),
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX legal_judgments_by_case ON legal_judgments(legal_case_id, id);
CREATE TABLE legal_enforcements(
  id INTEGER PRIMARY KEY,
  legal_case_id INTEGER NOT NULL REFERENCES legal_cases(id),
  kind TEXT NOT NULL CHECK(kind IN ('attachment', 'repossession')),
  items TEXT NOT NULL CHECK(length(trim(items)) > 0),
  action_date TEXT NOT NULL,
  proceeds INTEGER NOT NULL DEFAULT 0 CHECK(proceeds >= 0),
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX legal_enforcements_by_case ON legal_enforcements(legal_case_id, id);

CREATE TABLE recovery_costs(
  id INTEGER PRIMARY KEY,
  loan_pk INTEGER NOT NULL REFERENCES loans(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK(kind IN ('legal', 'court', 'auctioneer', 'transport', 'agency',
                                    'other')),
  cost_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK(amount <> 0),
  reference TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  legal_case_id INTEGER REFERENCES legal_cases(id),
  reverses_cost_id INTEGER UNIQUE REFERENCES recovery_costs(id),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK((amount < 0) = (reverses_cost_id IS NOT NULL))
);
CREATE INDEX recovery_costs_by_loan ON recovery_costs(loan_pk, cost_date, id);
CREATE INDEX recovery_costs_by_date ON recovery_costs(cost_date, id);

ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
)sql";

// The append-only triggers of version 8, one pair a table.
constexpr const char* kV8AppendOnly[] = {
    "letter_templates",        "letter_logos",          "letters",
    "letter_prints",           "feasibility_assessments", "feasibility_collateral",
    "feasibility_guarantors",  "legal_request_feasibility", "legal_cases",
    "legal_case_updates",      "legal_sessions",        "legal_session_outcomes",
    "legal_judgments",         "legal_enforcements",    "recovery_costs",
};

// The append-only triggers of version 7, one pair a table.
constexpr const char* kV7AppendOnly[] = {
    "budgets",           "budget_lines",         "plans",
    "plan_installments", "plan_decisions",       "plan_schedule_rows",
    "plan_waivers",      "counselling_sessions", "counselling_attendees",
    "referrals",         "referral_updates",
};

void seedShippedLetterTemplates(Database& db) {
    Statement insert(db.handle(),
                     "INSERT INTO letter_templates(kind, language, version, title, body, saved_by, "
                     "saved_at) VALUES(?, ?, 1, ?, ?, 'recoverydesk', "
                     "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    for (const ShippedLetterTemplate& t : shippedLetterTemplates()) {
        insert.bind(1, t.kind);
        insert.bind(2, t.language);
        insert.bind(3, t.title);
        insert.bind(4, t.body);
        insert.execute();
        insert.reset();
    }
}

template <std::size_t N>
std::string appendOnlyTriggers(const char* const (&tables)[N]) {
    std::string sql;
    for (const char* table : tables)
        for (const char* op : {"UPDATE", "DELETE"})
            sql += fmt::format("CREATE TRIGGER {0}_append_only_{2} BEFORE {1} ON {0} BEGIN\n"
                               "  SELECT RAISE(ABORT, '{0} are append-only');\nEND;\n",
                               table, op, op[0] == 'U' ? "update" : "delete");
    return sql;
}

struct Step {
    int version;
    const char* sql;
    // Rebuilds a table that others reference: foreign keys are switched off around the
    // step (SQLite's way to change a table's definition) and checked before it commits.
    bool rebuildsTables = false;
};

constexpr Step kSteps[] = {
    {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3},       {4, kSchemaV4},
    {5, kSchemaV5}, {6, kSchemaV6}, {7, kSchemaV7, true}, {8, kSchemaV8, true},
};

void checkForeignKeys(Database& db) {
    Statement check(db.handle(), "PRAGMA foreign_key_check");
    if (check.step())
        throw StorageError(
            fmt::format("migration left a broken reference in table {}", check.string(0)),
            SQLITE_CONSTRAINT_FOREIGNKEY);
}

} // namespace

int latestSchemaVersion() {
    return kSteps[std::size(kSteps) - 1].version;
}

void migrateSchema(Database& db, int fromVersion) {
    for (const Step& step : kSteps) {
        if (step.version <= fromVersion)
            continue;
        if (step.rebuildsTables)
            db.exec("PRAGMA foreign_keys=OFF");
        Transaction tx(db);
        if (fromVersion == 0 && step.version == 1)
            db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId).c_str());
        db.exec(step.sql);
        if (step.version == 7)
            db.exec(appendOnlyTriggers(kV7AppendOnly).c_str());
        if (step.version == 8) {
            db.exec(appendOnlyTriggers(kV8AppendOnly).c_str());
            seedShippedLetterTemplates(db);
        }
        if (step.rebuildsTables)
            checkForeignKeys(db);
        db.exec(fmt::format("PRAGMA user_version = {}", step.version).c_str());
        tx.commit();
        if (step.rebuildsTables)
            db.exec("PRAGMA foreign_keys=ON");
        spdlog::info("migrated {} to schema version {}", db.path().string(), step.version);
    }
}

} // namespace rd::storage
