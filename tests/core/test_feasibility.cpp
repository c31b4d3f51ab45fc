#include "core/feasibility.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {

FeasibilityInput input(Amount balance, Amount forcedSale, Amount canPay, int chance, Amount costs) {
    FeasibilityInput in;
    in.balance = balance;
    in.collateral.push_back({"motorbike", forcedSale * 2, forcedSale});
    in.guarantors.push_back({"Jane Doe", "0700000000", true, canPay});
    in.chancePercent = chance;
    in.costs.court = costs;
    return in;
}

} // namespace

TEST_CASE("feasibility: security below the balance, chance applied, costs taken off") {
    CHECK(expectedNetRecovery(input(100000, 40000, 10000, 50, 5000)) == 20000);
}

TEST_CASE("feasibility: collateral above the balance counts only the balance") {
    CHECK(expectedNetRecovery(input(100000, 500000, 0, 100, 0)) == 100000);
}

TEST_CASE("feasibility: chance 0 leaves minus the costs, a negative result") {
    CHECK(expectedNetRecovery(input(100000, 40000, 0, 0, 7000)) == -7000);
}

TEST_CASE("feasibility: costs above the recovery give a negative result") {
    CHECK(expectedNetRecovery(input(100000, 10000, 0, 30, 5000)) == -2000);
}

TEST_CASE("feasibility: the percentage rounds half away from zero") {
    CHECK(expectedNetRecovery(input(1000, 1, 0, 50, 0)) == 1); // 0.5 -> 1
    CHECK(expectedNetRecovery(input(1000, 3, 0, 50, 0)) == 2); // 1.5 -> 2
    CHECK(expectedNetRecovery(input(1000, 1, 0, 49, 0)) == 0); // 0.49 -> 0
}

TEST_CASE("feasibility: the worked example of docs/legal.md", "[legal]") {
    FeasibilityInput in;
    in.balance = 2400000;
    in.collateral.push_back({"motorcycle", 2500000, 1500000});
    in.guarantors.push_back({"Okello James", "0772000111", true, 300000});
    in.chancePercent = 60;
    in.costs.court = 50000;
    in.costs.lawyer = 150000;
    in.costs.transport = 50000;
    CHECK(expectedNetRecovery(in) == 830000);
}
