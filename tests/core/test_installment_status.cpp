#include "core/installment_status.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {
InstallmentState inst(const char* due, Amount dueAmount, Amount paid) {
    InstallmentState s;
    s.number = 1;
    s.dueDate = *Date::parse(due);
    s.due.principal = dueAmount;
    s.paid.principal = paid;
    return s;
}
} // namespace

TEST_CASE("installment status on the business date") {
    const Date asOf = *Date::parse("2026-03-20");
    CHECK(installmentStatus(inst("2026-03-01", 100, 100), asOf) == InstallmentStatus::Paid);
    CHECK(installmentStatus(inst("2026-03-01", 100, 40), asOf) == InstallmentStatus::Overdue);
    CHECK(installmentStatus(inst("2026-03-01", 100, 0), asOf) == InstallmentStatus::Overdue);
    // Due on the date itself is not overdue yet (DPD counts from the day after).
    CHECK(installmentStatus(inst("2026-03-20", 100, 0), asOf) == InstallmentStatus::Due);
    CHECK(installmentStatus(inst("2026-04-01", 100, 30), asOf) == InstallmentStatus::PartPaid);
    CHECK(installmentStatus(inst("2026-04-01", 100, 100), asOf) == InstallmentStatus::Paid);
}

TEST_CASE("installment status honours the arrears tolerance") {
    const Date asOf = *Date::parse("2026-03-20");
    CHECK(installmentStatus(inst("2026-03-01", 100, 95), asOf, 5) == InstallmentStatus::Paid);
    CHECK(installmentStatus(inst("2026-03-01", 100, 94), asOf, 5) == InstallmentStatus::Overdue);
    CHECK(std::string(toString(InstallmentStatus::PartPaid)) == "part_paid");
}
