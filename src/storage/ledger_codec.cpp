#include "ledger_codec.h"

namespace rd::storage {
namespace {

// Version 2 adds the restructure date, local reschedules and an active settlement at the
// end; version 1 rows (written before plans existed) have none of them and still decode.
constexpr unsigned char kVersion = 2;
constexpr unsigned char kVersionWithoutPlans = 1;

void putUnsigned(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void putSigned(std::string& out, std::int64_t v) {
    putUnsigned(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void putText(std::string& out, std::string_view s) {
    putUnsigned(out, s.size());
    out.append(s);
}

class Reader {
public:
    explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
    bool ok() const { return ok_; }
    bool atEnd() const { return p_ == end_; }

    std::uint64_t getUnsigned() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ == end_)
                return fail();
            const auto byte = static_cast<unsigned char>(*p_++);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        return fail();
    }
    std::int64_t getSigned() {
        const std::uint64_t u = getUnsigned();
        return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
    }
    void getText(std::string& s) {
        const std::uint64_t n = getUnsigned();
        if (n > static_cast<std::uint64_t>(end_ - p_)) {
            fail();
            return;
        }
        s.assign(p_, n);
        p_ += n;
    }

private:
    std::uint64_t fail() {
        ok_ = false;
        p_ = end_;
        return 0;
    }
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

} // namespace

void encodeLedger(const LoanLedger& loan, std::string& out) {
    out.clear();
    out.push_back(static_cast<char>(kVersion));
    const LoanTerms& t = loan.terms;
    putText(out, t.loanId);
    putText(out, t.clientId);
    putText(out, t.product);
    putText(out, t.branch);
    putText(out, t.creditOfficer);
    putSigned(out, t.principal);
    const std::int32_t base = t.disbursedOn.days();
    putSigned(out, base);
    putSigned(out, t.writtenOffOn ? t.writtenOffOn->days() - base + 1 : 0);

    putUnsigned(out, loan.schedule.size());
    std::int32_t previous = base;
    for (const Installment& i : loan.schedule) {
        putSigned(out, i.number);
        putSigned(out, i.dueDate.days() - previous);
        previous = i.dueDate.days();
        putSigned(out, i.principalDue);
        putSigned(out, i.interestDue);
        putSigned(out, i.feeDue);
    }
    putUnsigned(out, loan.charges.size());
    for (const Charge& c : loan.charges) {
        putText(out, c.id);
        putSigned(out, c.installmentNumber);
        putSigned(out, c.chargedOn.days() - base);
        out.push_back(c.kind == ChargeKind::Fee ? 'f' : 'p');
        putSigned(out, c.amount);
    }
    putUnsigned(out, loan.payments.size());
    for (const Payment& p : loan.payments) {
        putText(out, p.id);
        putSigned(out, p.paidOn.days() - base);
        putSigned(out, p.amount);
        putSigned(out, p.reversedOn ? p.reversedOn->days() - p.paidOn.days() + 1 : 0);
    }
    putSigned(out, t.restructuredOn ? t.restructuredOn->days() - base + 1 : 0);
    putUnsigned(out, loan.reschedules.size());
    for (const LocalReschedule& r : loan.reschedules) {
        putSigned(out, r.start.days() - base);
        putUnsigned(out, r.firstNew);
        putUnsigned(out, r.schedule.size());
        std::int32_t before = base;
        for (const Installment& i : r.schedule) {
            putSigned(out, i.number);
            putSigned(out, i.dueDate.days() - before);
            before = i.dueDate.days();
            putSigned(out, i.principalDue);
            putSigned(out, i.interestDue);
            putSigned(out, i.feeDue);
            putSigned(out, i.penaltyDue);
        }
    }
    out.push_back(loan.settlement ? 1 : 0);
    if (loan.settlement) {
        putSigned(out, loan.settlement->start.days() - base);
        putSigned(out, loan.settlement->total);
        putSigned(out, loan.settlement->deadline.days() - base);
    }
}

bool decodeLedger(std::string_view data, LoanLedger& loan) {
    if (data.empty())
        return false;
    const auto version = static_cast<unsigned char>(data[0]);
    if (version != kVersion && version != kVersionWithoutPlans)
        return false;
    Reader r(data.substr(1));
    LoanTerms& t = loan.terms;
    r.getText(t.loanId);
    r.getText(t.clientId);
    r.getText(t.product);
    r.getText(t.branch);
    r.getText(t.creditOfficer);
    t.principal = r.getSigned();
    const auto base = static_cast<std::int32_t>(r.getSigned());
    t.disbursedOn = Date::fromDays(base);
    const std::int64_t writtenOff = r.getSigned();
    t.writtenOffOn =
        writtenOff
            ? std::optional<Date>(Date::fromDays(base + static_cast<std::int32_t>(writtenOff - 1)))
            : std::nullopt;

    const std::uint64_t installments = r.getUnsigned();
    loan.schedule.resize(r.ok() && installments < (1u << 20) ? installments : 0);
    std::int32_t previous = base;
    for (Installment& i : loan.schedule) {
        i.number = static_cast<int>(r.getSigned());
        previous += static_cast<std::int32_t>(r.getSigned());
        i.dueDate = Date::fromDays(previous);
        i.principalDue = r.getSigned();
        i.interestDue = r.getSigned();
        i.feeDue = r.getSigned();
    }
    const std::uint64_t charges = r.getUnsigned();
    loan.charges.resize(r.ok() && charges < (1u << 20) ? charges : 0);
    for (Charge& c : loan.charges) {
        r.getText(c.id);
        c.installmentNumber = static_cast<int>(r.getSigned());
        c.chargedOn = Date::fromDays(base + static_cast<std::int32_t>(r.getSigned()));
        c.kind = r.getUnsigned() == 'f' ? ChargeKind::Fee : ChargeKind::Penalty;
        c.amount = r.getSigned();
    }
    const std::uint64_t payments = r.getUnsigned();
    loan.payments.resize(r.ok() && payments < (1u << 20) ? payments : 0);
    for (Payment& p : loan.payments) {
        r.getText(p.id);
        p.paidOn = Date::fromDays(base + static_cast<std::int32_t>(r.getSigned()));
        p.amount = r.getSigned();
        const std::int64_t reversed = r.getSigned();
        p.reversedOn = reversed ? std::optional<Date>(Date::fromDays(
                                      p.paidOn.days() + static_cast<std::int32_t>(reversed - 1)))
                                : std::nullopt;
        p.method = PaymentMethod::Cash;
        p.reference.clear();
    }
    t.restructuredOn.reset();
    loan.reschedules.clear();
    loan.settlement.reset();
    if (version == kVersionWithoutPlans)
        return r.ok() && r.atEnd();
    const std::int64_t restructured = r.getSigned();
    if (restructured)
        t.restructuredOn = Date::fromDays(base + static_cast<std::int32_t>(restructured - 1));
    const std::uint64_t reschedules = r.getUnsigned();
    loan.reschedules.resize(r.ok() && reschedules < 1024 ? reschedules : 0);
    for (LocalReschedule& rs : loan.reschedules) {
        rs.start = Date::fromDays(base + static_cast<std::int32_t>(r.getSigned()));
        rs.firstNew = r.getUnsigned();
        const std::uint64_t rows = r.getUnsigned();
        rs.schedule.resize(r.ok() && rows < (1u << 20) ? rows : 0);
        std::int32_t before = base;
        for (Installment& i : rs.schedule) {
            i.number = static_cast<int>(r.getSigned());
            before += static_cast<std::int32_t>(r.getSigned());
            i.dueDate = Date::fromDays(before);
            i.principalDue = r.getSigned();
            i.interestDue = r.getSigned();
            i.feeDue = r.getSigned();
            i.penaltyDue = r.getSigned();
        }
    }
    if (r.getUnsigned() == 1) {
        SettlementTerms& st = loan.settlement.emplace();
        st.start = Date::fromDays(base + static_cast<std::int32_t>(r.getSigned()));
        st.total = r.getSigned();
        st.deadline = Date::fromDays(base + static_cast<std::int32_t>(r.getSigned()));
    }
    return r.ok() && r.atEnd();
}

} // namespace rd::storage
