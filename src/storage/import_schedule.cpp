#include "core/schedule_rules.h"
#include "import_session.h"

#include <algorithm>
#include <fmt/format.h>

namespace rd::storage::detail {

void ImportSession::importSchedule() {
    // First pass: how many rows each loan has, so that a loan's schedule is handled as
    // one complete set even when its rows are spread over the file.
    {
        auto counting = ImportTable::open(dir_, "schedule.csv", kScheduleColumns, scratchErrors_,
                                          scratchErrors_);
        if (!counting || !counting->usable())
            return importScheduleRows(); // reports the file's problems
        std::string_view lastId;
        LoanRef* last = nullptr;
        while (counting->next()) {
            // Rows of one loan usually come together: look the loan up once per run.
            const std::string_view loanId = counting->get(kSLoanId);
            if (!last || loanId != lastId) {
                auto it = loans_.find(loanId);
                last = it != loans_.end() ? &it->second : nullptr;
                lastId = last ? std::string_view(it->first) : std::string_view();
            }
            if (last)
                ++last->scheduleRowsInFile;
        }
    }
    importScheduleRows();
}

void ImportSession::importScheduleRows() {
    auto t = ImportTable::open(dir_, "schedule.csv", kScheduleColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    constexpr const char* kInsertHead =
        "INSERT INTO installments(loan_pk, installment_no, due_date, principal_due, "
        "interest_due, fee_due, import_id, source_line)";
    insertInstallment_.emplace(db_.handle(), multiRowInsert(kInsertHead, 8, 1));
    insertInstallments_.emplace(db_.handle(), multiRowInsert(kInsertHead, 8, kBatchRows));
    pendingInstallments_.resize(kBatchRows);
    pendingInstallmentCount_ = 0;
    cachedLoan_ = nullptr;
    existingSchedule_.emplace(db_.handle(),
                              "SELECT installment_no, due_date, principal_due, interest_due, "
                              "fee_due FROM installments WHERE loan_pk = ? ORDER BY "
                              "installment_no");
    // Rows wait here until their loan's last row has been read; in the usual file, where a
    // loan's rows come together, that holds one loan at a time.
    std::unordered_map<std::string, std::vector<StagedInstallment>, LoanIdHash, std::equal_to<>>
        pending;
    std::string lastUnknown;
    while (t->next()) {
        tick(*t);
        auto loanId = required(*t, kSLoanId);
        auto number = installmentNumber(*t, kInstallmentNo);
        auto due = date(*t, kDueDate);
        auto principal = amount(*t, kPrincipalDue, false);
        auto interest = amount(*t, kInterestDue, false);
        std::optional<Amount> fee = Amount{0};
        if (!t->get(kFeeDue).empty())
            fee = amount(*t, kFeeDue, false);
        if (!loanId || *loanId == lastUnknown)
            continue;
        LoanRef* ref = loanForCached(*t, kSLoanId, *loanId);
        if (!ref) {
            lastUnknown = *loanId; // reported once per run of its rows
            continue;
        }
        auto at = pending.find(*loanId);
        if (at == pending.end())
            at = pending.emplace(std::string(*loanId), std::vector<StagedInstallment>{}).first;
        std::vector<StagedInstallment>& rows = at->second;
        ++ref->scheduleRowsRead;
        if (number && due && principal && interest && fee)
            rows.push_back({t->line(), {*number, *due, *principal, *interest, *fee}});
        if (ref->scheduleRowsRead == ref->scheduleRowsInFile) {
            if (ref->scheduleRowsRead == static_cast<int>(rows.size()))
                writeSchedule(at->first, *ref, rows);
            else
                ref->scheduleChecked = ref->scheduleRefused = true; // reported already
            pending.erase(at);
        }
    }
    flushInstallments();
    insertInstallments_.reset(); // bound to the rows of pendingInstallments_
    doneBytes_ += t->totalBytes();
}

void ImportSession::writeSchedule(std::string_view loanId, LoanRef& ref,
                                  std::vector<StagedInstallment>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.installment.number < b.installment.number;
    });
    std::size_t errorsBefore = static_cast<std::size_t>(out_.errors.count());
    std::vector<Installment> schedule;
    schedule.reserve(rows.size());
    for (const auto& r : rows)
        schedule.push_back(r.installment);
    const ScheduleCheck check = checkSchedule(schedule, ref.disbursedOn, ref.principal);
    const int n = static_cast<int>(rows.size());
    for (const auto& f : check.findings) {
        const StagedInstallment& row = rows[f.index];
        const Installment& in = row.installment;
        const StagedInstallment& before = rows[f.previous];
        switch (f.kind) {
        case ScheduleFinding::Kind::RepeatedNumber:
            out_.errors.add({"schedule.csv", row.line, "installment_no",
                             fmt::format("installment {} of loan {} appears again (first at line "
                                         "{}); each installment once per loan",
                                         in.number, loanId, before.line)});
            break;
        case ScheduleFinding::Kind::NotAfterDisbursement:
            out_.errors.add(
                {"schedule.csv", row.line, "due_date",
                 fmt::format("{} is not after the disbursement of loan {} on {} (due "
                             "dates come after disbursement)",
                             in.dueDate.toString(), loanId, ref.disbursedOn.toString())});
            break;
        case ScheduleFinding::Kind::NotIncreasing:
            out_.errors.add({"schedule.csv", row.line, "due_date",
                             fmt::format("{} is not after the due date of installment {} ({}) (due "
                                         "dates must be strictly increasing)",
                                         in.dueDate.toString(), before.installment.number,
                                         before.installment.dueDate.toString())});
            break;
        case ScheduleFinding::Kind::Numbering:
            out_.errors.add({"schedule.csv", rows.front().line, "installment_no",
                             fmt::format("installments of loan {} are not numbered 1 to {} without "
                                         "gaps (its {} rows run from {} to {})",
                                         loanId, n, n, rows.front().installment.number,
                                         rows.back().installment.number)});
            break;
        case ScheduleFinding::Kind::PrincipalSum:
            out_.errors.add(
                {"schedule.csv", rows.front().line, "principal_due",
                 fmt::format("principal_due of loan {} sums to {}, but the loan's "
                             "principal is {} (the parts must add up to the principal)",
                             loanId, formatAmount(check.principalSum, currency_->exponent),
                             formatAmount(ref.principal, currency_->exponent))});
            break;
        }
    }
    ref.scheduleLine = rows.front().line;
    ref.scheduleChecked = true;
    if (static_cast<std::size_t>(out_.errors.count()) != errorsBefore) {
        ref.scheduleRefused = true; // the import fails; don't cascade into its charges
        return;
    }

    if (!ref.added) {
        Statement& existing = *existingSchedule_;
        existing.reset();
        existing.bind(1, ref.pk);
        bool same = true;
        std::size_t i = 0;
        while (existing.step()) {
            same = same && i < rows.size();
            if (same) {
                const Installment& in = rows[i].installment;
                same = existing.int32(0) == in.number &&
                       existing.text(1) == in.dueDate.toString() &&
                       existing.int64(2) == in.principalDue &&
                       existing.int64(3) == in.interestDue && existing.int64(4) == in.feeDue;
            }
            ++i;
        }
        if (same && i == rows.size()) {
            out_.counts.rowsUnchanged += static_cast<std::int64_t>(rows.size());
            return;
        }
        // Replacements are rare (a reschedule in the core banking system): the old
        // schedule becomes history, with statements prepared on demand.
        Statement save = db_.prepare(
            "INSERT INTO installment_versions SELECT loan_pk, ?2, installment_no, due_date, "
            "principal_due, interest_due, fee_due, import_id, source_line FROM installments "
            "WHERE loan_pk = ?1");
        save.bind(1, ref.pk).bind(2, importId_).execute();
        warnUnpostedReschedule(ref, loanId, rows.front().line);
        Statement remove = db_.prepare("DELETE FROM installments WHERE loan_pk = ?");
        remove.bind(1, ref.pk).execute();
        ++out_.counts.schedulesReplaced;
        ref.fullCheck = true; // existing charges must fit the new schedule
    } else {
        ++out_.counts.schedulesAdded;
    }
    ref.scheduleWritten = true;
    ref.touched = true;
    // Written in batches (flushInstallments); no statement reads the installments of this
    // loan before the end of the file, when the last batch is written.
    for (const StagedInstallment& s : rows) {
        const Installment& in = s.installment;
        PendingInstallment& p = pendingInstallments_[pendingInstallmentCount_++];
        p.loanPk = ref.pk;
        p.line = s.line;
        p.number = in.number;
        p.dueDate = in.dueDate.toString();
        p.principalDue = in.principalDue;
        p.interestDue = in.interestDue;
        p.feeDue = in.feeDue;
        if (pendingInstallmentCount_ == pendingInstallments_.size())
            flushInstallments();
    }
}

void ImportSession::flushInstallments() {
    const std::size_t n = pendingInstallmentCount_;
    pendingInstallmentCount_ = 0;
    auto write = [this](Statement& st, std::size_t first, std::size_t count) {
        for (std::size_t r = 0; r < count; ++r) {
            const PendingInstallment& p = pendingInstallments_[first + r];
            const int c = static_cast<int>(r) * 8;
            st.bind(c + 1, p.loanPk).bind(c + 2, p.number).bindStatic(c + 3, p.dueDate);
            st.bind(c + 4, p.principalDue).bind(c + 5, p.interestDue).bind(c + 6, p.feeDue);
            st.bind(c + 7, importId_).bind(c + 8, p.line);
        }
        st.execute(); // every row was checked: a refusal is a storage failure
        for (std::size_t r = 0; r < count; ++r) {
            ++out_.counts.installmentsWritten;
            wrote();
        }
    };
    if (n == pendingInstallments_.size()) {
        write(*insertInstallments_, 0, n);
        return;
    }
    for (std::size_t r = 0; r < n; ++r)
        write(*insertInstallment_, r, 1);
}

void ImportSession::warnUnpostedReschedule(const LoanRef& ref, std::string_view loanId,
                                           std::int64_t line) {
    // domain.md 9c: until the core banking system's file says the loan was restructured on
    // or after a reschedule approved here, the local one stays in force over this schedule.
    Statement local = db_.prepare(
        "SELECT p.id, p.start_date, ifnull(l.restructured_on, '') FROM plans p "
        "JOIN loans l ON l.id = p.loan_pk WHERE p.loan_pk = ? AND EXISTS (SELECT 1 FROM "
        "plan_schedule_rows r WHERE r.plan_id = p.id) ORDER BY p.start_date DESC, p.id DESC "
        "LIMIT 1");
    local.bind(1, ref.pk);
    if (!local.step())
        return;
    const std::string start = local.string(1);
    const std::string posted = local.string(2);
    if (!posted.empty() && posted >= start)
        return;
    out_.warnings.add(
        {"schedule.csv", line, "loan_id",
         fmt::format("loan {} was rescheduled here from {} (plan {}), which the core banking "
                     "system has not posted yet (restructured_on is {}): the local reschedule "
                     "stays in force over this schedule until a loans.csv row gives "
                     "restructured_on on or after {}",
                     loanId, start, local.int64(0), posted.empty() ? "empty" : posted, start)});
}

} // namespace rd::storage::detail
