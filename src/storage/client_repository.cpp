#include "client_repository.h"

namespace rd::storage {

std::optional<ClientDetails> ClientRepository::findByLoan(std::string_view loanId) const {
    auto st = db_.prepare(
        "SELECT c.client_id, c.full_name, c.branch, c.national_id, c.phone, c.alt_phone, "
        "c.email, c.address, c.group_name FROM loans l JOIN clients c ON c.id = l.client_pk "
        "WHERE l.loan_id = ?");
    st.bind(1, loanId);
    if (!st.step())
        return std::nullopt;
    ClientDetails d;
    d.clientId = st.string(0);
    d.fullName = st.string(1);
    d.branch = st.string(2);
    d.nationalId = st.string(3);
    d.phone = st.string(4);
    d.altPhone = st.string(5);
    d.email = st.string(6);
    d.address = st.string(7);
    d.groupName = st.string(8);
    return d;
}

} // namespace rd::storage
