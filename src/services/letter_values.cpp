#include "letter_values.h"

#include "core/amount_words.h"
#include "core/installment_status.h"
#include "core/money_text.h"

#include <fmt/format.h>

namespace rd::services {

std::string longDate(Date d) {
    static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
    return fmt::format("{} {} {}", d.day(), kMonths[d.month() - 1], d.year());
}

MergeValues letterValues(const LetterContext& c) {
    const CaseFile& f = *c.file;
    MergeValues v;
    const auto put = [&](const char* name, const std::string& value) {
        if (!value.empty())
            v.emplace(name, value);
    };
    const auto money = [&](Amount a) {
        return formatMoneyText(f.currency.code, a, f.currency.exponent);
    };
    put("today", longDate(c.today));
    if (c.letterNo > 0)
        put("letter.number", std::to_string(c.letterNo));
    if (c.deadline) {
        put("deadline", longDate(*c.deadline));
        put("deadline_days",
            fmt::format("{} {}days", c.deadlineDays, c.workingDays ? "working " : ""));
    }
    if (f.client) {
        put("client.id", f.client->clientId);
        put("client.full_name", f.client->fullName);
        put("client.phone", f.client->phone);
        put("client.address", f.client->address);
        put("client.national_id", f.client->nationalId);
    }
    const LoanTerms& terms = f.ledger.terms;
    const LoanPosition& p = f.position;
    put("loan.id", terms.loanId);
    put("loan.product", terms.product);
    put("loan.currency", f.currency.code);
    put("loan.disbursed_on", longDate(terms.disbursedOn));
    put("loan.principal", money(terms.principal));
    put("loan.principal_words", amountInWords(terms.principal, f.currency));
    put("loan.outstanding_principal", money(p.outstandingPrincipal));
    // What is owed now: the principal left and the interest, fees and penalties fallen due.
    const Amount balance =
        p.outstandingPrincipal + p.arrears.interest + p.arrears.fees + p.arrears.penalties;
    put("loan.balance", money(balance));
    put("loan.balance_words", amountInWords(balance, f.currency));
    put("loan.arrears", money(p.arrears.total()));
    put("loan.arrears_words", amountInWords(p.arrears.total(), f.currency));
    put("loan.arrears_principal", money(p.arrears.principal));
    put("loan.arrears_interest", money(p.arrears.interest));
    put("loan.arrears_fees", money(p.arrears.fees));
    put("loan.arrears_penalties", money(p.arrears.penalties));
    put("loan.dpd", std::to_string(p.daysPastDue));
    int overdue = 0;
    for (const InstallmentState& i : f.installments)
        if (installmentStatus(i, f.asOf, f.arrearsTolerance) == InstallmentStatus::Overdue)
            ++overdue;
    put("loan.installments_overdue", std::to_string(overdue));
    if (p.oldestOverdueDueDate)
        put("loan.oldest_due_date", longDate(*p.oldestOverdueDueDate));
    put("officer.full_name", c.officerName);
    put("officer.phone", c.officerPhone.empty() ? c.letterhead.phone : c.officerPhone);
    put("branch.name", f.loan.branch);
    put("institution.name", c.letterhead.name);
    put("institution.address", c.letterhead.address);
    put("institution.phone", c.letterhead.phone);
    put("institution.licence", c.letterhead.licence);
    put("institution.payment_details", c.paymentDetails);
    return v;
}

} // namespace rd::services
