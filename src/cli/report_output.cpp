#include "report_output.h"

#include "csv/csv_writer.h"

#include <fmt/format.h>

namespace rd::cli {
namespace {

Json totalsJson(const AgingTotals& t, const AgingReport& report, const Currency& c) {
    Json j;
    j["active_loans"] = t.activeLoans;
    j["gross_portfolio"] = formatAmount(t.grossPortfolio, c.exponent);
    j["arrears"] = formatAmount(t.arrears, c.exponent);
    j["par1"] = t.par1();
    j["par30"] = t.par30();
    j["par90"] = t.par90();
    j["par30r"] = t.par30r();
    Json buckets = Json::array();
    for (const auto& [name, b] : printedBuckets(t, report.bucketNames))
        buckets.push_back(
            {{"bucket", name},
             {"loans", b->loans},
             {"outstanding_principal", formatAmount(b->outstandingPrincipal, c.exponent)},
             {"arrears", formatAmount(b->arrears, c.exponent)}});
    j["buckets"] = std::move(buckets);
    return j;
}

std::string percent(double ratio) {
    return fmt::format("{:.2f}%", ratio * 100.0);
}

void totalsText(std::string& out, const AgingTotals& t, const AgingReport& report,
                const Currency& c) {
    out += fmt::format("  Active loans {}   Gross portfolio {}   Arrears {}\n", t.activeLoans,
                       formatAmount(t.grossPortfolio, c.exponent),
                       formatAmount(t.arrears, c.exponent));
    out += fmt::format("  PAR1 {}   PAR30 {}   PAR90 {}   PAR30+R {}\n", percent(t.par1()),
                       percent(t.par30()), percent(t.par90()), percent(t.par30r()));
    out += fmt::format("  {:<10} {:>8} {:>22} {:>20}\n", "Bucket", "Loans", "Outstanding principal",
                       "Arrears");
    for (const auto& [name, b] : printedBuckets(t, report.bucketNames))
        out += fmt::format("  {:<12} {:>8} {:>22} {:>20}\n", name, b->loans,
                           formatAmount(b->outstandingPrincipal, c.exponent),
                           formatAmount(b->arrears, c.exponent));
}

} // namespace

Json loanPositionJson(const LoanTerms& terms, const LoanPosition& p, const BucketScheme& buckets,
                      const Currency& c) {
    Json j;
    j["loan_id"] = terms.loanId;
    j["as_of"] = p.asOf.toString();
    j["currency"] = c.code;
    j["status"] = toString(p.status);
    j["dpd"] = p.daysPastDue;
    j["bucket"] = p.bucketIndex ? Json(bucketName(p, buckets)) : Json(nullptr);
    j["oldest_overdue_due_date"] =
        p.oldestOverdueDueDate ? Json(p.oldestOverdueDueDate->toString()) : Json(nullptr);
    j["outstanding_principal"] = formatAmount(p.outstandingPrincipal, c.exponent);
    j["arrears"] = {{"principal", formatAmount(p.arrears.principal, c.exponent)},
                    {"interest", formatAmount(p.arrears.interest, c.exponent)},
                    {"fees", formatAmount(p.arrears.fees, c.exponent)},
                    {"penalties", formatAmount(p.arrears.penalties, c.exponent)},
                    {"total", formatAmount(p.arrears.total(), c.exponent)}};
    j["credit_balance"] = formatAmount(p.creditBalance, c.exponent);
    j["restructured_on"] = p.restructuredOn ? Json(p.restructuredOn->toString()) : Json(nullptr);
    j["in_watch"] = p.inWatch;
    if (p.settledOn) {
        j["settled_on"] = p.settledOn->toString();
        j["waived"] = {{"principal", formatAmount(p.waived.principal, c.exponent)},
                       {"interest", formatAmount(p.waived.interest, c.exponent)},
                       {"fees", formatAmount(p.waived.fees, c.exponent)},
                       {"penalties", formatAmount(p.waived.penalties, c.exponent)},
                       {"total", formatAmount(p.waived.total(), c.exponent)}};
    }
    return j;
}

std::string loanPositionText(const LoanTerms& t, const LoanPosition& p,
                             const std::vector<InstallmentState>& installments,
                             const BucketScheme& buckets, const Currency& c) {
    auto money = [&](Amount a) { return formatAmount(a, c.exponent); };
    std::string out;
    out += fmt::format("Loan {} of client {} as of {} ({})\n", t.loanId, t.clientId,
                       p.asOf.toString(), c.code);
    out += fmt::format("  Product {}, branch {}, credit officer {}\n", t.product, t.branch,
                       t.creditOfficer.empty() ? "(none)" : t.creditOfficer);
    out +=
        fmt::format("  Principal {} disbursed {}{}\n", money(t.principal), t.disbursedOn.toString(),
                    t.writtenOffOn ? ", written off " + t.writtenOffOn->toString() : "");
    out += fmt::format("  Status                {}\n", toString(p.status));
    out += fmt::format("  Days past due         {}", p.daysPastDue);
    if (p.bucketIndex)
        out += fmt::format(" (bucket {})", bucketName(p, buckets));
    if (p.oldestOverdueDueDate)
        out +=
            fmt::format(", oldest overdue installment due {}", p.oldestOverdueDueDate->toString());
    out += "\n";
    out += fmt::format("  Outstanding principal {}\n", money(p.outstandingPrincipal));
    out +=
        fmt::format("  Arrears               {} (principal {}, interest {}, fees {}, "
                    "penalties {})\n",
                    money(p.arrears.total()), money(p.arrears.principal), money(p.arrears.interest),
                    money(p.arrears.fees), money(p.arrears.penalties));
    out += fmt::format("  Credit balance        {}\n", money(p.creditBalance));
    if (p.restructuredOn)
        out += fmt::format("  Restructured          {}{}\n", p.restructuredOn->toString(),
                           p.inWatch ? " (in watch)" : "");
    if (p.settledOn)
        out +=
            fmt::format("  Settled               {}, waived {} (principal {}, interest {}, "
                        "fees {}, penalties {})\n",
                        p.settledOn->toString(), money(p.waived.total()), money(p.waived.principal),
                        money(p.waived.interest), money(p.waived.fees), money(p.waived.penalties));
    out += "\n";
    out += fmt::format("  {:>3} {:<10} {:>16} {:>16} {:>16}  {}\n", "#", "Due", "Due amount",
                       "Paid", "Unpaid", "State");
    for (const InstallmentState& s : installments) {
        const Amount unpaid = s.unpaid().total();
        const char* state = unpaid == 0           ? "paid"
                            : s.dueDate >= p.asOf ? (s.paid.total() ? "part-paid" : "not due")
                            : s.paid.total() == 0 ? "overdue"
                                                  : "overdue, part-paid";
        out +=
            fmt::format("  {:>3} {:<10} {:>16} {:>16} {:>16}  {}\n", s.number, s.dueDate.toString(),
                        money(s.due.total()), money(s.paid.total()), money(unpaid), state);
    }
    return out;
}

Json agingJson(const AgingReport& report, const Currency& c) {
    Json j;
    j["report"] = "aging";
    j["as_of"] = report.asOf.toString();
    j["currency"] = c.code;
    j["group_by"] =
        report.groupBy == AgingGroupBy::None ? Json(nullptr) : Json(toString(report.groupBy));
    j["total"] = totalsJson(report.total, report, c);
    Json groups = Json::array();
    for (const auto& [name, totals] : report.groups) {
        Json g = {{"group", name}};
        g.update(totalsJson(totals, report, c));
        groups.push_back(std::move(g));
    }
    j["groups"] = std::move(groups);
    return j;
}

std::string agingText(const AgingReport& report, const Currency& c) {
    std::string out = fmt::format("Aging as of {} ({})\n", report.asOf.toString(), c.code);
    out += "All active loans\n";
    totalsText(out, report.total, report, c);
    for (const auto& [name, totals] : report.groups) {
        out += fmt::format("\n{} {}\n", toString(report.groupBy), name);
        totalsText(out, totals, report, c);
    }
    return out;
}

std::string agingCsv(const AgingReport& report, const Currency& c) {
    std::string out = "as_of,currency,group,bucket,loans,outstanding_principal,arrears,par1,"
                      "par30,par90,par30r\n";
    auto row = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                out += ',';
            csv::Writer::appendField(out, fields[i]);
        }
        out += '\n';
    };
    auto rows = [&](const std::string& group, const AgingTotals& t) {
        row({report.asOf.toString(), c.code, group, "all", std::to_string(t.activeLoans),
             formatAmount(t.grossPortfolio, c.exponent), formatAmount(t.arrears, c.exponent),
             fmt::format("{}", t.par1()), fmt::format("{}", t.par30()),
             fmt::format("{}", t.par90()), fmt::format("{}", t.par30r())});
        for (const auto& [name, b] : printedBuckets(t, report.bucketNames))
            row({report.asOf.toString(), c.code, group, name, std::to_string(b->loans),
                 formatAmount(b->outstandingPrincipal, c.exponent),
                 formatAmount(b->arrears, c.exponent), "", "", "", ""});
    };
    rows("(all)", report.total);
    for (const auto& [name, totals] : report.groups)
        rows(name, totals);
    return out;
}

} // namespace rd::cli
