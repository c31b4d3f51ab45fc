#include "core/call_list_filter.h"

#include <catch2/catch.hpp>

using namespace rd;

namespace {
CallListItem item(std::string loan, std::string client, std::string phone, std::string why,
                  std::vector<CallReason> reasons) {
    CallListItem i;
    i.entry.loanId = std::move(loan);
    i.entry.clientName = std::move(client);
    i.entry.phone = std::move(phone);
    i.why = std::move(why);
    i.reasons = std::move(reasons);
    return i;
}
} // namespace

TEST_CASE("call list filter matches text in client, loan, phone and why, ignoring case") {
    const auto a = item("L17", "Amina Nakato", "+256772000001", "Promise of UGX 50,000 broken",
                        {CallReason::BrokenPromise});
    CallListFilter f;
    CHECK(f.empty());
    CHECK(f.matches(a));
    f.text = "amina";
    CHECK(f.matches(a));
    f.text = "l17";
    CHECK(f.matches(a));
    f.text = "772000";
    CHECK(f.matches(a));
    f.text = "BROKEN";
    CHECK(f.matches(a));
    f.text = "Okello";
    CHECK_FALSE(f.matches(a));
}

TEST_CASE("call list filter by reason needs the reason among the item's reasons") {
    const auto a = item("L1", "A", "", "", {CallReason::PromiseDue, CallReason::EarlyWarning});
    CallListFilter f;
    f.reason = CallReason::EarlyWarning;
    CHECK(f.matches(a));
    f.reason = CallReason::BrokenPromise;
    CHECK_FALSE(f.matches(a));
    f.reason = CallReason::PromiseDue;
    f.text = "zzz";
    CHECK_FALSE(f.matches(a));
}
