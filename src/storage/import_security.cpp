// guarantors.csv and collateral.csv: imported like clients.csv, one row per id, a changed
// row's previous values kept in *_versions.
#include "import_session.h"

#include <fmt/format.h>

namespace rd::storage::detail {

namespace {

constexpr std::string_view kCollateralKinds[] = {"land",      "building", "vehicle", "equipment",
                                                 "household", "savings",  "other"};

bool isCollateralKind(std::string_view kind) {
    for (std::string_view k : kCollateralKinds)
        if (k == kind)
            return true;
    return false;
}

} // namespace

void ImportSession::importGuarantors() {
    auto t =
        ImportTable::open(dir_, "guarantors.csv", kGuarantorColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement insert =
        db_.prepare("INSERT INTO guarantors(guarantor_id, loan_pk, full_name, phone, national_id, "
                    "relationship, address, import_id, source_line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                    "?7, ?8, ?9)");
    Statement find = db_.prepare("SELECT id, loan_pk, full_name, phone, national_id, relationship, "
                                 "address, import_id, source_line FROM guarantors WHERE "
                                 "guarantor_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO guarantor_versions SELECT id, ?2, loan_pk, full_name, phone, national_id, "
        "relationship, address, import_id, source_line FROM guarantors WHERE id = ?1");
    Statement update = db_.prepare(
        "UPDATE guarantors SET loan_pk = ?2, full_name = ?3, phone = ?4, national_id = ?5, "
        "relationship = ?6, address = ?7, import_id = ?8, source_line = ?9 WHERE id = ?1");
    while (t->next()) {
        tick(*t);
        auto id = required(*t, kGuarantorId);
        auto loanId = required(*t, kGLoanId);
        auto name = required(*t, kGFullName);
        LoanRef* loan = loanId ? loanFor(*t, kGLoanId, *loanId) : nullptr;
        if (!id || !loan || !name)
            continue;
        insert.bind(1, *id).bind(2, loan->pk).bind(3, *name);
        for (int c = kGPhone; c <= kGAddress; ++c)
            insert.bindOptional(c + 1, t->get(static_cast<std::size_t>(c)));
        insert.bind(8, importId_).bind(9, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ++out_.counts.guarantorsAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("guarantor insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, t->line(), kGuarantorId, "guarantor", *id, find, 7))
            continue;
        bool changed = find.int64(1) != loan->pk || find.text(2) != *name;
        std::vector<OptText> optional;
        for (int c = kGPhone; c <= kGAddress; ++c) {
            const OptText existing = find.optionalString(c);
            const auto column = static_cast<std::size_t>(c);
            const OptText value = t->has(column) ? optText(t->get(column)) : existing;
            changed = changed || value != existing;
            optional.push_back(value);
        }
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk).bind(2, loan->pk).bind(3, *name);
        for (std::size_t i = 0; i < optional.size(); ++i)
            update.bind(static_cast<int>(i) + 4, optional[i]);
        update.bind(8, importId_).bind(9, t->line()).execute();
        ++out_.counts.guarantorsChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

void ImportSession::importCollateral() {
    auto t =
        ImportTable::open(dir_, "collateral.csv", kCollateralColumns, out_.errors, out_.warnings);
    if (!t)
        return;
    Statement insert = db_.prepare(
        "INSERT INTO collateral(collateral_id, loan_pk, kind, description, market_value, "
        "forced_sale_value, valued_on, registration, import_id, source_line) VALUES(?1, ?2, ?3, "
        "?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    Statement find = db_.prepare(
        "SELECT id, loan_pk, kind, description, market_value, forced_sale_value, valued_on, "
        "registration, import_id, source_line FROM collateral WHERE collateral_id = ?");
    Statement saveVersion = db_.prepare(
        "INSERT INTO collateral_versions SELECT id, ?2, loan_pk, kind, description, "
        "market_value, forced_sale_value, valued_on, registration, import_id, source_line FROM "
        "collateral WHERE id = ?1");
    Statement update = db_.prepare(
        "UPDATE collateral SET loan_pk = ?2, kind = ?3, description = ?4, market_value = ?5, "
        "forced_sale_value = ?6, valued_on = ?7, registration = ?8, import_id = ?9, "
        "source_line = ?10 WHERE id = ?1");
    while (t->next()) {
        tick(*t);
        const auto errorsBefore = out_.errors.count();
        auto id = required(*t, kCollateralId);
        auto loanId = required(*t, kKLoanId);
        auto kind = required(*t, kCollateralKind);
        auto description = required(*t, kDescription);
        if (kind && !isCollateralKind(*kind))
            t->error(kCollateralKind,
                     fmt::format("\"{}\" is not a kind of collateral (land, building, vehicle, "
                                 "equipment, household, savings or other)",
                                 *kind));
        std::optional<Amount> market, forced;
        if (!t->get(kMarketValue).empty())
            market = amount(*t, kMarketValue, false);
        if (!t->get(kForcedSaleValue).empty())
            forced = amount(*t, kForcedSaleValue, false);
        std::optional<Date> valuedOn;
        if (!t->get(kValuedOn).empty())
            valuedOn = date(*t, kValuedOn);
        LoanRef* loan = loanId ? loanFor(*t, kKLoanId, *loanId) : nullptr;
        if (out_.errors.count() != errorsBefore || !loan)
            continue;
        const OptText valued = valuedOn ? OptText{valuedOn->toString()} : OptText{};
        const OptText registration = optText(t->get(kRegistration));
        insert.bind(1, *id).bind(2, loan->pk).bind(3, *kind).bind(4, *description);
        insert.bind(5, market).bind(6, forced).bind(7, valued).bind(8, registration);
        insert.bind(9, importId_).bind(10, t->line());
        if (insert.tryExecute() == SQLITE_OK) {
            ++out_.counts.collateralAdded;
            wrote();
            continue;
        }
        find.reset();
        find.bind(1, *id);
        if (!find.step())
            throw StorageError("collateral insert failed for a reason other than a known id", 0);
        if (reportedRepeat(*t, t->line(), kCollateralId, "collateral", *id, find, 8))
            continue;
        // Optional columns the file does not have keep their stored values.
        auto storedAmount = [&](int c) {
            return find.isNull(c) ? std::optional<Amount>{} : std::optional<Amount>{find.int64(c)};
        };
        const auto m = t->has(kMarketValue) ? market : storedAmount(4);
        const auto f = t->has(kForcedSaleValue) ? forced : storedAmount(5);
        const OptText v = t->has(kValuedOn) ? valued : find.optionalString(6);
        const OptText r = t->has(kRegistration) ? registration : find.optionalString(7);
        const bool changed = find.int64(1) != loan->pk || find.text(2) != *kind ||
                             find.text(3) != *description || storedAmount(4) != m ||
                             storedAmount(5) != f || find.optionalString(6) != v ||
                             find.optionalString(7) != r;
        if (!changed) {
            ++out_.counts.rowsUnchanged;
            continue;
        }
        const std::int64_t pk = find.int64(0);
        saveVersion.bind(1, pk).bind(2, importId_).execute();
        update.bind(1, pk).bind(2, loan->pk).bind(3, *kind).bind(4, *description);
        update.bind(5, m).bind(6, f).bind(7, v).bind(8, r);
        update.bind(9, importId_).bind(10, t->line()).execute();
        ++out_.counts.collateralChanged;
        wrote();
    }
    doneBytes_ += t->totalBytes();
}

} // namespace rd::storage::detail
