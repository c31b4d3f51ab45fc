#include "import_session.h"

#include <fmt/format.h>

namespace rd::storage::detail {

void ImportSession::importClients() {
    auto t = ImportTable::open(dir_, "clients.csv", kClientColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement insert = db_.prepare(
        "INSERT INTO clients(client_id, full_name, branch, national_id, phone, alt_phone, email, "
        "address, group_name, import_id, source_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11)");
    Statement find = db_.prepare(
        "SELECT id, full_name, branch, national_id, phone, alt_phone, email, address, group_name, "
        "import_id, source_line FROM clients WHERE client_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO client_versions SELECT id, ?2, full_name, branch, national_id, phone, "
        "alt_phone, email, address, group_name, import_id, source_line FROM clients WHERE id = ?1");
    Statement update =
        db_.prepare("UPDATE clients SET full_name = ?2, branch = ?3, national_id = ?4, phone = ?5, "
                    "alt_phone = ?6, email = ?7, address = ?8, group_name = ?9, import_id = ?10, "
                    "source_line = ?11 WHERE id = ?1");
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kClientId);
        auto name = required(*t, kFullName);
        auto branch = required(*t, kClientBranch);
        if (!id || !name || !branch)
            continue;
        insert.bind(1, *id).bind(2, *name).bind(3, *branch);
        for (int c = kNationalId; c <= kGroupName; ++c)
            insert.bindOptional(c + 1, t->get(static_cast<std::size_t>(c)));
        insert.bind(10, importId_).bind(11, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ++out_.counts.clientsAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("client insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, t->line(), kClientId, "client", *id, find, 9))
            continue;
        std::vector<OptText> next = {std::string(*name), std::string(*branch)};
        bool changed = find.text(1) != *name || find.text(2) != *branch;
        for (int c = kNationalId; c <= kGroupName; ++c) {
            const OptText existing = find.optionalString(c);
            const OptText value = t->has(static_cast<std::size_t>(c))
                                      ? optText(t->get(static_cast<std::size_t>(c)))
                                      : existing;
            changed = changed || value != existing;
            next.push_back(value);
        }
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk);
        for (std::size_t i = 0; i < next.size(); ++i)
            update.bind(static_cast<int>(i) + 2, next[i]);
        update.bind(10, importId_).bind(11, t->line()).execute();
        ++out_.counts.clientsChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

void ImportSession::importLoans() {
    auto t = ImportTable::open(dir_, "loans.csv", kLoanColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement clientPk = db_.prepare("SELECT id FROM clients WHERE client_id = ?");
    Statement insert = db_.prepare(
        "INSERT INTO loans(loan_id, client_pk, product, branch, credit_officer, principal, "
        "disbursed_on, status, written_off_on, annual_interest_rate, interest_method, frequency, "
        "import_id, source_line, restructured_on) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12, ?13, ?14, ?15)");
    Statement find = db_.prepare(
        "SELECT id, client_pk, product, branch, credit_officer, principal, disbursed_on, status, "
        "written_off_on, annual_interest_rate, interest_method, frequency, import_id, "
        "source_line, restructured_on FROM loans WHERE loan_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO loan_versions SELECT id, ?2, client_pk, product, branch, credit_officer, "
        "principal, disbursed_on, status, written_off_on, annual_interest_rate, interest_method, "
        "frequency, import_id, source_line, restructured_on FROM loans WHERE id = ?1");
    Statement update = db_.prepare(
        "UPDATE loans SET client_pk = ?2, product = ?3, branch = ?4, credit_officer = ?5, "
        "principal = ?6, disbursed_on = ?7, status = ?8, written_off_on = ?9, "
        "annual_interest_rate = ?10, interest_method = ?11, frequency = ?12, import_id = ?13, "
        "source_line = ?14, restructured_on = ?15 WHERE id = ?1");

    while (t->next()) {
        tick(*t);
        const std::size_t errorsBefore = static_cast<std::size_t>(out_.errors.count());
        auto id = required(*t, kLoanId);
        auto client = required(*t, kLoanClientId);
        auto product = required(*t, kProduct);
        auto branch = required(*t, kLoanBranch);
        auto code = required(*t, kCurrency);
        if (code) {
            auto c = parseCurrency(*code);
            if (!c) {
                t->error(kCurrency, c.error().message);
            } else if (!currency_) {
                currency_ = *c;
                db_.setSetting("currency", c->code);
            } else if (*c != *currency_) {
                t->error(kCurrency,
                         fmt::format("\"{}\" is not the portfolio currency {} (a database holds "
                                     "one currency; import {} loans into a database of their own)",
                                     *code, currency_->code, *code));
            }
        }
        std::optional<Amount> principal;
        if (currency_)
            principal = amount(*t, kPrincipal, true);
        auto disbursed = date(*t, kDisbursedOn);
        const std::string_view status = t->get(kStatus);
        std::optional<Date> writtenOff;
        if (status != "active" && status != "written_off") {
            t->error(kStatus,
                     fmt::format("\"{}\" is not a loan status (active or written_off)", status));
        } else if (status == "written_off") {
            if (t->get(kWrittenOffOn).empty())
                t->error(kWrittenOffOn, "is empty, but the loan is written off (give the date "
                                        "of the write-off)");
            else if ((writtenOff = date(*t, kWrittenOffOn)) && disbursed &&
                     *writtenOff < *disbursed)
                t->error(kWrittenOffOn,
                         fmt::format("{} is before the disbursement on {} (a loan is written off "
                                     "on or after disbursement)",
                                     writtenOff->toString(), disbursed->toString()));
        } else if (!t->get(kWrittenOffOn).empty()) {
            t->error(kWrittenOffOn, "must be empty for an active loan (set status to written_off, "
                                    "or clear the date)");
        }
        const std::string_view method = t->get(kMethod);
        if (!method.empty() && method != "flat" && method != "declining")
            t->error(kMethod,
                     fmt::format("\"{}\" is not an interest method (flat or declining)", method));
        const std::string_view frequency = t->get(kFrequency);
        if (!frequency.empty() && frequency != "weekly" && frequency != "biweekly" &&
            frequency != "monthly")
            t->error(kFrequency, fmt::format("\"{}\" is not a frequency (weekly, biweekly or "
                                             "monthly)",
                                             frequency));
        std::optional<Date> restructured;
        if (!t->get(kRestructuredOn).empty() && (restructured = date(*t, kRestructuredOn)) &&
            disbursed && *restructured < *disbursed)
            t->error(kRestructuredOn,
                     fmt::format("{} is before the disbursement on {} (a loan is restructured "
                                 "after it is disbursed)",
                                 restructured->toString(), disbursed->toString()));
        const std::string_view rate = t->get(kRate);
        if (!rate.empty() && !parseAmount(rate, 6))
            t->error(kRate, fmt::format("\"{}\" is not a rate (a percentage per year such as 24 "
                                        "or 30.5)",
                                        rate));
        std::int64_t clientKey = 0;
        if (client) {
            clientPk.reset();
            clientPk.bind(1, *client);
            if (clientPk.step())
                clientKey = clientPk.int64(0);
            else
                t->error(kLoanClientId, fmt::format("client \"{}\" is not in clients.csv or the "
                                                    "database (add the client to clients.csv)",
                                                    *client));
        }
        if (static_cast<std::size_t>(out_.errors.count()) != errorsBefore) {
            if (id) {
                loans_[std::string(*id)].rejected = true; // don't cascade into its rows
            }
            continue;
        }

        const std::vector<OptText> values = {
            std::string(*product),
            std::string(*branch),
            optText(t->get(kCreditOfficer)),
            std::string(status),
            writtenOff ? OptText{writtenOff->toString()} : OptText{},
            optText(rate),
            optText(method),
            optText(frequency),
            restructured ? OptText{restructured->toString()} : OptText{}};
        insert.bind(1, *id).bind(2, clientKey).bind(3, *product).bind(4, *branch);
        insert.bind(5, values[2]).bind(6, *principal).bind(7, disbursed->toString());
        insert.bind(8, status).bind(9, values[4]).bind(10, values[5]).bind(11, values[6]);
        insert.bind(12, values[7]).bind(13, importId_).bind(14, t->line()).bind(15, values[8]);
        if (insert.tryExecute() == SQLITE_OK) {
            LoanRef& ref = loans_[std::string(*id)];
            ref.pk = sqlite3_last_insert_rowid(db_.handle());
            ref.principal = *principal;
            ref.disbursedOn = *disbursed;
            ref.added = true;
            ref.touched = true;
            ref.loansLine = t->line();
            ++out_.counts.loansAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("loan insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, t->line(), kLoanId, "loan", *id, find, 12))
            continue;
        // Optional columns the file does not have keep their stored values.
        auto keep = [&](std::size_t column, int stored, const OptText& value) {
            return t->has(column) ? value : find.optionalString(stored);
        };
        const OptText officer = keep(kCreditOfficer, 4, values[2]);
        // An active loan has no write-off date, whether or not the file has the column.
        const OptText wo = status == "active" ? OptText{} : keep(kWrittenOffOn, 8, values[4]);
        const OptText r = keep(kRate, 9, values[5]);
        const OptText m = keep(kMethod, 10, values[6]);
        const OptText f = keep(kFrequency, 11, values[7]);
        const OptText ro = keep(kRestructuredOn, 14, values[8]);
        const bool changed = find.int64(1) != clientKey || find.text(2) != *product ||
                             find.text(3) != *branch || find.optionalString(4) != officer ||
                             find.int64(5) != *principal || find.text(6) != disbursed->toString() ||
                             find.text(7) != status || find.optionalString(8) != wo ||
                             find.optionalString(9) != r || find.optionalString(10) != m ||
                             find.optionalString(11) != f || find.optionalString(14) != ro;
        LoanRef& ref = loans_[std::string(*id)];
        ref.loansLine = t->line();
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk).bind(2, clientKey).bind(3, *product).bind(4, *branch).bind(5, officer);
        update.bind(6, *principal).bind(7, disbursed->toString()).bind(8, status).bind(9, wo);
        update.bind(10, r).bind(11, m).bind(12, f).bind(13, importId_).bind(14, t->line());
        update.bind(15, ro).execute();
        ref.principal = *principal;
        ref.disbursedOn = *disbursed;
        ref.fullCheck = true;
        ref.touched = true;
        ++out_.counts.loansChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

} // namespace rd::storage::detail
