#include "security_repository.h"

namespace rd::storage {

std::vector<GuarantorRecord> SecurityRepository::guarantorsOf(std::int64_t loanKey) const {
    auto st = db_.prepare("SELECT g.guarantor_id, l.loan_id, g.full_name, g.phone, "
                          "g.national_id, g.relationship, g.address FROM guarantors g "
                          "JOIN loans l ON l.id = g.loan_pk WHERE g.loan_pk = ? "
                          "ORDER BY g.guarantor_id");
    st.bind(1, loanKey);
    std::vector<GuarantorRecord> out;
    while (st.step())
        out.push_back({st.string(0), st.string(1), st.string(2), st.string(3), st.string(4),
                       st.string(5), st.string(6)});
    return out;
}

std::vector<CollateralRecord> SecurityRepository::collateralOf(std::int64_t loanKey) const {
    auto st = db_.prepare("SELECT c.collateral_id, l.loan_id, c.kind, c.description, "
                          "c.market_value, c.forced_sale_value, c.valued_on, c.registration "
                          "FROM collateral c JOIN loans l ON l.id = c.loan_pk "
                          "WHERE c.loan_pk = ? ORDER BY c.collateral_id");
    st.bind(1, loanKey);
    auto amount = [&](int c) {
        return st.isNull(c) ? std::optional<Amount>{} : std::optional<Amount>{st.int64(c)};
    };
    std::vector<CollateralRecord> out;
    while (st.step()) {
        CollateralRecord r;
        r.collateralId = st.string(0);
        r.loanId = st.string(1);
        r.kind = st.string(2);
        r.description = st.string(3);
        r.marketValue = amount(4);
        r.forcedSaleValue = amount(5);
        if (!st.isNull(6))
            if (auto d = Date::parse(st.text(6)))
                r.valuedOn = *d;
        r.registration = st.string(7);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace rd::storage
