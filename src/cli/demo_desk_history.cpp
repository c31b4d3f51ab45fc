// The demo's desk history: weeks of an institution's recovery work replayed through the
// services, so that every screen and report of a demo database has something true to show.
#include "demo_desk_history.h"

#include "commands.h"
#include "demo/demo_random.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/counselling_service.h"
#include "services/desk_services.h"
#include "services/legal_service.h"
#include "services/payment_service.h"
#include "services/plan_service.h"
#include "services/portfolio_service.h"
#include "services/user_service.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <set>

namespace rd::cli {
namespace {

using std::chrono::sys_seconds;

// Stream tags of the replay's random choices (demo::mixSeed), one per kind of decision.
enum Tag : std::uint64_t {
    kTagContact = 101,
    kTagPlanPick,
    kTagPlan,
    kTagStage,
    kTagNote,
    kTagCounselling,
    kTagReferral,
    kTagLegal,
};

constexpr int kUtcOffsetMinutes = 3 * 60; // the demo institution is in Africa/Kampala

// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
int weekday(Date d) {
    return static_cast<int>(((d.days() % 7) + 11) % 7);
}
bool businessDay(Date d) {
    const int w = weekday(d);
    return w >= 1 && w <= 5;
}
// The business day `n` business days after `d` (n >= 0; n = 0: d itself or the next one).
Date businessDaysAfter(Date d, int n) {
    while (!businessDay(d))
        d = d.addDays(1);
    while (n-- > 0) {
        d = d.addDays(1);
        while (!businessDay(d))
            d = d.addDays(1);
    }
    return d;
}

std::uint64_t loanNumber(std::string_view loanId) {
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (char c : loanId)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
}

template <std::size_t N> const char* pick(demo::Rng& rng, const std::array<const char*, N>& texts) {
    return texts[rng.below(N)];
}

constexpr std::array<const char*, 8> kReachedNotes{
    "Client says business has been slow since the rains; will try to pay before month end",
    "Spoke to the client at the market stall; aware of the arrears, asked for a few days",
    "Client was travelling to the village for a burial; back next week",
    "Client confirms the arrears and blames late payment from a customer",
    "Group leader says the client is keen to clear and attends the group meetings",
    "Client's child was sick; hospital bills took the money for the installment",
    "Explained the penalties and the effect on the next loan; client understood",
    "Client asked to see the statement; went through the schedule with them",
};
constexpr std::array<const char*, 6> kPromiseNotes{
    "Client promised to pay from this week's sales",
    "Client will pay after selling the harvest at the weekly market",
    "Client agreed to pay by mobile money on the promised day",
    "Client will bring cash to the branch on the promised day",
    "Client's spouse will help with part of the arrears",
    "Promised after the customer who owes the client pays",
};
constexpr std::array<const char*, 4> kNoAnswerNotes{
    "Phone rang without an answer",
    "Phone switched off",
    "Called twice, no answer; will try again tomorrow",
    "Number busy",
};
constexpr std::array<const char*, 6> kCaseNotes{
    "Client runs a retail shop in the trading centre; stock looked low at the visit",
    "Guarantor confirmed they know of the arrears and will talk to the client",
    "Client has a second loan with another lender; check the total repayment burden",
    "Business premises moved; new location near the taxi park",
    "Client prefers to be called after 10:00 (market mornings)",
    "Household income fell after the spouse lost their job",
};

struct Event {
    Date date;
    int minute = 0; // local time of day
    std::uint64_t seq = 0;
    std::function<void()> run;
};
struct Later {
    bool operator()(const Event& a, const Event& b) const {
        return std::tie(a.date, a.minute, a.seq) > std::tie(b.date, b.minute, b.seq);
    }
};

enum class PlanRole {
    ArrangementKept,
    ArrangementBroken,
    ArrangementCompleted,
    Reschedule,
    SettlementCompleted,
    Pending,
    PendingTwoApprovals,
    Rejected,
    Replaced, // an arrangement cancelled by a newer one, which is being kept
    Withdrawn,
};
// The first ten plans take every role once; the rest repeat the common ones.
constexpr std::array<PlanRole, 10> kFirstRoles{
    PlanRole::ArrangementKept,
    PlanRole::ArrangementBroken,
    PlanRole::ArrangementCompleted,
    PlanRole::Reschedule,
    PlanRole::SettlementCompleted,
    PlanRole::Pending,
    PlanRole::PendingTwoApprovals,
    PlanRole::Rejected,
    PlanRole::Replaced,
    PlanRole::Withdrawn,
};
constexpr std::array<PlanRole, 12> kMoreRoles{
    PlanRole::ArrangementKept,
    PlanRole::ArrangementKept,
    PlanRole::ArrangementBroken,
    PlanRole::ArrangementKept,
    PlanRole::ArrangementCompleted,
    PlanRole::Pending,
    PlanRole::ArrangementBroken,
    PlanRole::Reschedule,
    PlanRole::SettlementCompleted,
    PlanRole::ArrangementKept,
    PlanRole::Rejected,
    PlanRole::Replaced,
};

class Replay {
public:
    Replay(const std::filesystem::path& path, const User& admin, Date asOf, std::uint64_t seed,
           int weeks)
        : now_(std::make_shared<sys_seconds>()), admin_(admin), asOf_(asOf), seed_(seed) {
        auto now = now_;
        desk_ = valueOr(services::Services::open(path, {}, Clock([now] { return *now; })));
        const auto info = valueOr(desk_->portfolio().info());
        unit_ = 1;
        for (int i = 0; i < (info.currency ? info.currency->exponent : 0); ++i)
            unit_ *= 10;
        Date start = asOf.addDays(-7 * weeks);
        while (weekday(start) != 1)
            start = start.addDays(-1);
        start_ = start;
        for (const auto& summary : valueOr(desk_->users().list(admin_))) {
            const User& u = summary.user;
            if (u.disabled)
                continue;
            users_[u.username] = u;
            for (const auto& b : u.branches)
                if (u.role == Role::Supervisor && !supervisors_.contains(b))
                    supervisors_[b] = u.username;
        }
    }

    DeskHistorySummary run() {
        for (Date d = start_; d <= asOf_; d = d.addDays(1))
            if (businessDay(d) && (d == start_ || weekday(d) == 1 || weekday(d) == 4 || d == asOf_))
                at(d, 7 * 60, [this, d] { recomputeAndPlan(d); });
        at(start_, 7 * 60 + 30, [this] { planScriptedWork(); });
        while (!queue_.empty() && queue_.top().date <= asOf_) {
            Event e = queue_.top();
            queue_.pop();
            setClock(e.date, e.minute);
            e.run();
        }
        // The nightly recompute as of the as-of date, after the day's work.
        setClock(asOf_, 19 * 60);
        valueOr(desk_->cases().recompute(localOperator(), asOf_));
        ++summary_.recomputes;
        return summary_;
    }

private:
    void setClock(Date d, int minute) {
        *now_ = sys_seconds{std::chrono::sys_days{std::chrono::days{d.days()}}} +
                std::chrono::minutes{minute - kUtcOffsetMinutes};
    }
    void at(Date d, int minute, std::function<void()> f) {
        if (d > asOf_ || d < start_)
            return;
        queue_.push({d, minute, seq_++, std::move(f)});
    }
    demo::Rng rng(Tag tag, std::string_view key, std::uint64_t n = 0) const {
        return demo::Rng(demo::mixSeed(seed_, tag, loanNumber(key) ^ (n * 0x9E3779B97F4A7C15ULL)));
    }
    // An amount rounded down to 500 major units (at least 500).
    Amount roundAmount(Amount a) const {
        const Amount step = 500 * unit_;
        return std::max(step, a / step * step);
    }
    const User* officerOf(const std::string& loanId) const {
        auto c = open_.find(loanId);
        if (c == open_.end() || c->second.officer.empty())
            return nullptr;
        auto u = users_.find(c->second.officer);
        return u == users_.end() ? nullptr : &u->second;
    }
    const User* supervisorOf(const std::string& branch) const {
        auto s = supervisors_.find(branch);
        return s == supervisors_.end() ? nullptr : &users_.at(s->second);
    }
    // A refused event (the case had closed, the loan was paid off meanwhile) is left out.
    template <typename T> bool applied(const Result<T>& r) {
        if (!r)
            ++summary_.notApplied;
        return static_cast<bool>(r);
    }

    // The twice-weekly recompute, then the officers' work on the open cases until the next.
    void recomputeAndPlan(Date d) {
        valueOr(desk_->cases().recompute(localOperator(), d));
        ++summary_.recomputes;
        open_.clear();
        for (auto& row : valueOr(desk_->queries().cases(localOperator(), {}, d)))
            open_.emplace(row.loanId, std::move(row));
        Date next = d.addDays(1);
        while (next <= asOf_ && !(businessDay(next) && (weekday(next) == 1 || weekday(next) == 4)))
            next = next.addDays(1);
        const int days = std::max(1, static_cast<int>(next - d));
        for (const auto& [loanId, row] : open_) {
            if (row.officer.empty() || scripted_.contains(loanId))
                continue;
            auto r = rng(kTagContact, loanId, static_cast<std::uint64_t>(d.days()));
            // About one case in five is worked in each half week: most open cases get a
            // contact or two over the weeks, the worst ones more.
            const std::uint64_t chance = row.dpd > 60 ? 24 : 18;
            if (r.below(100) < chance) {
                Date day = d.addDays(static_cast<int>(r.below(static_cast<std::uint64_t>(days))));
                if (!businessDay(day))
                    day = d;
                const int minute = 8 * 60 + 20 + static_cast<int>(r.below(9 * 60));
                at(day, minute, [this, loanId, day, minute] { contact(loanId, day, minute, 0); });
            }
            if (r.below(100) < 2) {
                const Date day = d.addDays(static_cast<int>(r.below(2)));
                at(day, 16 * 60 + static_cast<int>(r.below(90)), [this, loanId, day] {
                    const User* officer = officerOf(loanId);
                    auto n = rng(kTagNote, loanId, static_cast<std::uint64_t>(day.days()));
                    if (officer && applied(desk_->actions().addNote(
                                       *officer, loanId, pick(n, kCaseNotes), std::nullopt, day)))
                        ++summary_.notes;
                });
            }
            // Officers move some cases on to the stage their days past due suggest.
            if (row.suggestedStage != row.stage &&
                (row.suggestedStage == CaseStage::Collection ||
                 row.suggestedStage == CaseStage::PreLegal) &&
                row.stage != CaseStage::Legal && r.below(100) < 25) {
                const CaseStage to = row.suggestedStage;
                at(d, 7 * 60 + 45 + static_cast<int>(r.below(40)), [this, loanId, d, to] {
                    const User* officer = officerOf(loanId);
                    if (officer &&
                        applied(desk_->actions().changeStage(
                            *officer, loanId, to,
                            fmt::format("Moved on: {} days past due", open_.at(loanId).dpd), d)))
                        ++summary_.stageChanges;
                });
            }
        }
    }

    // A contact by the case's officer; `attempt` > 0 for a follow-up of the same story.
    void contact(const std::string& loanId, Date day, int minute, int attempt) {
        const User* officer = officerOf(loanId);
        if (!officer)
            return;
        const auto& row = open_.at(loanId);
        auto r = rng(kTagContact, loanId, static_cast<std::uint64_t>(day.days() * 8 + attempt));
        services::NewContact c;
        c.loanId = loanId;
        c.at = DateTime{day, minute};
        const auto roll = r.below(100);
        c.channel = roll < 80 ? ContactChannel::Call
                              : (roll < 93 ? ContactChannel::Visit : ContactChannel::Meeting);
        if (c.channel == ContactChannel::Meeting)
            c.direction = ContactDirection::Inbound;
        if (c.channel == ContactChannel::Visit && r.below(4) == 0)
            c.person = PersonReached::GroupLeader;
        const auto outcome = r.below(100);
        bool promise = false;
        if (c.channel == ContactChannel::Call && outcome < 32) {
            c.outcome = outcome < 3 ? ContactOutcome::WrongNumber : ContactOutcome::NoAnswer;
            c.note = c.outcome == ContactOutcome::WrongNumber
                         ? "The number belongs to someone else; ask the branch for a new one"
                         : pick(r, kNoAnswerNotes);
        } else if (outcome < 70) {
            promise = row.arrears > 0;
            c.outcome = promise ? ContactOutcome::Promised : ContactOutcome::Reached;
            c.note = promise ? pick(r, kPromiseNotes) : pick(r, kReachedNotes);
        } else if (outcome < 94) {
            c.outcome = ContactOutcome::Reached;
            c.note = pick(r, kReachedNotes);
        } else {
            c.outcome = outcome < 97 ? ContactOutcome::Refused : ContactOutcome::Disputed;
            c.note = c.outcome == ContactOutcome::Refused
                         ? "Client refused to discuss the loan and ended the call"
                         : "Client disputes the penalty charged; asked for the statement";
        }
        Amount promised = 0;
        Date promisedFor = day;
        if (promise) {
            promised = row.arrears;
            if (promised > 1000 * unit_ && r.below(100) < 30)
                promised = roundAmount(promised / 2);
            promisedFor = businessDaysAfter(day, 1 + static_cast<int>(r.below(5)));
            c.promiseAmount = promised;
            c.promiseDate = promisedFor;
            c.nextActionOn = promisedFor.addDays(1);
        } else if (c.outcome != ContactOutcome::WrongNumber) {
            c.nextActionOn = businessDaysAfter(day, 2 + static_cast<int>(r.below(4)));
        }
        if (!applied(desk_->contacts().addContact(*officer, c)))
            return;
        ++summary_.contacts;
        summary_.promises += promise;
        if (c.outcome == ContactOutcome::NoAnswer && attempt == 0 && r.below(2) == 0 &&
            minute < 15 * 60) {
            const int later = minute + 90 + static_cast<int>(r.below(120));
            at(day, later, [this, loanId, day, later] { contact(loanId, day, later, 1); });
        }
        if (!promise)
            return;
        const auto kept = r.below(100);
        if (kept < 58) {
            // Kept: paid at the desk on the day or the day before, sometimes only in part.
            Date paidOn =
                kept < 15 && promisedFor.addDays(-1) > day ? promisedFor.addDays(-1) : promisedFor;
            while (!businessDay(paidOn))
                paidOn = paidOn.addDays(-1);
            const Amount amount = kept < 8 ? roundAmount(promised * 6 / 10) : promised;
            const int m = 9 * 60 + static_cast<int>(r.below(7 * 60));
            at(paidOn, m, [this, loanId, paidOn, amount] { pay(loanId, paidOn, amount); });
        } else if (attempt < 2) {
            // Broken: the officer calls again a few days after the deadline.
            const Date again = businessDaysAfter(promisedFor, 3);
            const int m = 8 * 60 + 30 + static_cast<int>(r.below(8 * 60));
            at(again, m, [this, loanId, again, m] { contact(loanId, again, m, 2); });
        }
    }

    bool pay(const std::string& loanId, Date paidOn, Amount amount) {
        const User* officer = officerOf(loanId);
        if (!officer)
            return false;
        auto r = rng(kTagContact, loanId, static_cast<std::uint64_t>(paidOn.days()) * 31 + 7);
        services::NewDeskPayment p;
        p.loanId = loanId;
        p.amount = amount;
        p.paidOn = paidOn;
        const auto method = r.below(100);
        if (method < 45) {
            p.method = PaymentMethod::Cash;
        } else if (method < 88) {
            p.method = PaymentMethod::MobileMoney;
            p.reference = fmt::format("MP{:06d}{:04d}", r.below(1'000'000), r.below(10'000));
        } else {
            p.method = PaymentMethod::BankTransfer;
            p.reference = fmt::format("TRF/{}/{:05d}", paidOn.year(), r.below(100'000));
        }
        auto receipt = desk_->payments().takePayment(*officer, p, paidOn);
        // The client pays what the loan still owes when the portfolio's own payments have
        // already covered part of it.
        if (!receipt && receipt.error().kind == ErrorKind::Conflict &&
            !receipt.error().fact("overpayment").empty()) {
            p.amount -= std::stoll(receipt.error().fact("overpayment"));
            if (p.amount <= 0)
                return false;
            receipt = desk_->payments().takePayment(*officer, p, paidOn);
        }
        const bool ok = applied(receipt);
        summary_.payments += ok;
        return ok;
    }

    // Plans, counselling, referrals and legal requests on cases chosen once, at the start.
    void planScriptedWork() {
        std::vector<std::pair<std::uint64_t, std::string>> candidates;
        for (const auto& [loanId, row] : open_)
            if (!row.officer.empty() && row.dpd >= 31 && row.stage != CaseStage::Legal &&
                row.loanStatus == LoanStatus::Active && supervisorOf(row.branch))
                candidates.emplace_back(rng(kTagPlanPick, loanId).next(), loanId);
        std::sort(candidates.begin(), candidates.end());
        // Plans on about 3% of the open cases; every role at least once.
        const std::size_t plans =
            std::min(candidates.size(), std::max<std::size_t>(12, open_.size() * 3 / 100));
        std::size_t next = 0;
        for (; next < plans; ++next) {
            const PlanRole role = next < kFirstRoles.size()
                                      ? kFirstRoles[next]
                                      : kMoreRoles[(next - kFirstRoles.size()) % kMoreRoles.size()];
            schedulePlan(candidates[next].second, role, static_cast<int>(next));
        }
        // Referrals on about 1% of the open cases (others than the plans'), each status.
        const std::size_t referrals =
            std::min(candidates.size() - next, std::max<std::size_t>(8, open_.size() / 100));
        for (std::size_t i = 0; i < referrals; ++i, ++next)
            scheduleReferral(candidates[next].second, static_cast<int>(i));
        // Legal: four requests on the worst pre-legal cases, three approved and taken to
        // court, one waiting.
        int legal = 0;
        for (const auto& [loanId, row] : open_)
            if (legal < 4 && row.stage == CaseStage::PreLegal && row.dpd > 120 &&
                !row.officer.empty() && !scripted_.contains(loanId) && supervisorOf(row.branch)) {
                scripted_.insert(loanId);
                scheduleLegal(loanId, legal++);
            }
        scheduleCounselling();
    }

    // The client of the loan, from its case file.
    std::optional<std::string> clientOf(const User& actor, const std::string& loanId, Date d) {
        auto file = desk_->cases().caseFile(actor, loanId, d);
        if (!file || !file->client)
            return std::nullopt;
        return file->client->clientId;
    }
    // A budget worksheet whose surplus carries the plan's monthly amount about twice over,
    // or falls short (a negative surplus) when `deficit`.
    bool budget(const User& actor, const std::string& clientId, Amount monthly, bool deficit,
                Date d, demo::Rng& r) {
        constexpr std::array<const char*, 6> incomes{"Market stall sales", "Boda boda transport",
                                                     "Tailoring",          "Retail shop",
                                                     "Poultry and eggs",   "Hair salon"};
        const Amount food = roundAmount(static_cast<Amount>(180 + r.below(160)) * 1000 * unit_);
        const Amount rent = roundAmount(static_cast<Amount>(80 + r.below(150)) * 1000 * unit_);
        const Amount school = roundAmount(static_cast<Amount>(r.below(200)) * 1000 * unit_);
        const Amount transport = roundAmount(static_cast<Amount>(30 + r.below(60)) * 1000 * unit_);
        const Amount expenses = food + rent + school + transport;
        const Amount surplus =
            deficit ? -roundAmount(static_cast<Amount>(20 + r.below(80)) * 1000 * unit_)
                    : roundAmount(monthly * (23 + static_cast<Amount>(r.below(15))) / 10);
        const Amount spouse = r.below(3) == 0 ? roundAmount((expenses + surplus) / 4) : 0;
        std::vector<BudgetLine> lines{{true, pick(r, incomes), expenses + surplus - spouse}};
        if (spouse > 0)
            lines.push_back({true, "Spouse's casual work", spouse});
        lines.push_back({false, "Food", food});
        lines.push_back({false, "Rent", rent});
        if (school > 0)
            lines.push_back({false, "School fees", school});
        lines.push_back({false, "Transport", transport});
        const bool ok = applied(desk_->plans().setBudget(
            actor, clientId, std::move(lines), d,
            deficit ? "Worked through with the client: expenses exceed income since the "
                      "business slowed"
                    : "Worked through with the client at the branch"));
        summary_.budgets += ok;
        return ok;
    }

    // Proposes the plan by the case's officer, after the client's budget the first time;
    // `then` gets the proposed plan (to schedule its decision).
    void proposePlan(const std::string& loanId, services::PlanProposal proposal, Date d,
                     bool deficit, std::function<void(const services::PlanView&)> then) {
        const User* officer = officerOf(loanId);
        if (!officer)
            return;
        auto r = rng(kTagPlan, loanId, static_cast<std::uint64_t>(d.days()));
        auto draft = desk_->plans().draft(*officer, proposal, d);
        if (!applied(draft))
            return;
        if (!budgeted_.contains(loanId)) {
            const auto client = clientOf(*officer, loanId, d);
            if (client && budget(*officer, *client, draft->monthlyAmount, deficit, d, r))
                budgeted_.insert(loanId);
        }
        if (deficit)
            proposal.affordabilityReason =
                "The client's relatives have agreed to help with the plan installments";
        auto view = desk_->plans().propose(*officer, proposal, d);
        if (!view && view.error().hint == Hint::GiveReason) {
            proposal.affordabilityReason =
                "The client expects higher sales in the coming season; agreed with the client";
            view = desk_->plans().propose(*officer, proposal, d);
        }
        if (!applied(view))
            return;
        ++summary_.plans;
        if (then)
            then(*view);
    }

    void decide(std::int64_t planId, const std::string& branch, Date d, bool approve,
                std::string comment, std::function<void(const services::PlanView&)> then = {}) {
        at(d, 9 * 60 + 40, [this, planId, branch, d, approve, comment, then] {
            const User* sup = supervisorOf(branch);
            if (!sup)
                return;
            auto view = approve ? desk_->plans().approve(*sup, planId, comment, d)
                                : desk_->plans().reject(*sup, planId, comment, d);
            if (!applied(view))
                return;
            ++summary_.decisions;
            if (then)
                then(*view);
        });
    }

    // Desk payments of each installment due by the as-of date (through `upTo` only), on the
    // due date or a day or two before.
    void payInstallments(const services::PlanView& view, std::size_t upTo) {
        const std::string loanId = view.plan.loanId;
        auto r = rng(kTagPlan, loanId, 77);
        for (std::size_t i = 0; i < view.plan.installments.size() && i < upTo; ++i) {
            const auto& inst = view.plan.installments[i];
            Date day = inst.dueDate.addDays(-static_cast<int>(r.below(3)));
            if (day < view.plan.start)
                day = view.plan.start;
            while (!businessDay(day))
                day = day.addDays(-1);
            const Amount amount = inst.amount;
            at(day, 10 * 60 + static_cast<int>(r.below(6 * 60)),
               [this, loanId, day, amount] { pay(loanId, day, amount); });
        }
    }

    services::PlanProposal arrangement(const std::string& loanId, Date start, int parts, int every,
                                       bool months) {
        services::PlanProposal p;
        p.loanId = loanId;
        p.kind = PlanKind::Arrangement;
        p.start = start;
        const User* officer = officerOf(loanId);
        if (officer) {
            auto inst =
                desk_->plans().arrangementFor(*officer, loanId, start, parts, every, months);
            if (applied(inst))
                p.installments = std::move(*inst);
        }
        return p;
    }

    void schedulePlan(const std::string& loanId, PlanRole role, int index) {
        scripted_.insert(loanId);
        auto r = rng(kTagPlan, loanId);
        const std::string branch = open_.at(loanId).branch;
        const bool deficit = role == PlanRole::Rejected || index % 6 == 5;
        const int early = static_cast<int>(r.below(4)); // business days into the first week
        const int minute = 10 * 60 + static_cast<int>(r.below(5 * 60));
        auto when = [&](int businessDays) { return businessDaysAfter(start_, businessDays); };
        auto approveNext = [](Date d) { return businessDaysAfter(d, 1); };
        switch (role) {
        case PlanRole::ArrangementKept:
        case PlanRole::ArrangementBroken:
        case PlanRole::ArrangementCompleted:
        case PlanRole::Replaced: {
            const Date d = when(early);
            at(d, minute, [this, loanId, d, role, deficit, branch, approveNext] {
                const int parts = role == PlanRole::ArrangementCompleted ? 2 : 4;
                const int every = role == PlanRole::ArrangementCompleted ? 1 : 2;
                auto p = arrangement(loanId, d, parts, every, false);
                p.note = role == PlanRole::ArrangementCompleted
                             ? "Client expects a payment from a customer; arrears in two weeks"
                             : "Arrears spread over two months with the regular installments";
                proposePlan(loanId, p, d, deficit, [=, this](const services::PlanView& v) {
                    const std::size_t paid = role == PlanRole::ArrangementBroken ? 1
                                             : role == PlanRole::Replaced        ? 1
                                                                                 : 99;
                    decide(v.plan.id, branch, approveNext(d), true,
                           "Budget supports the installments; approved",
                           [=, this](const services::PlanView& a) {
                               payInstallments(a, paid);
                               if (role == PlanRole::Replaced)
                                   replaceLater(loanId, branch, d.addDays(21));
                           });
                });
            });
            break;
        }
        case PlanRole::Reschedule: {
            const Date d = when(early);
            at(d, minute, [this, loanId, d, deficit, branch, approveNext] {
                services::PlanProposal p;
                p.loanId = loanId;
                p.kind = PlanKind::Reschedule;
                p.start = d;
                p.capitalise = true;
                ScheduleInput in;
                in.ratePercent = *parseDecimal("24");
                in.method = InterestMethod::Declining;
                in.amortization = Amortization::EqualInstallments;
                in.dayCount = DayCount::Thirty360;
                in.every = 1;
                in.unit = PeriodUnit::Months;
                in.installments = 12;
                in.start = d;
                int exponent = 0;
                for (Amount u = unit_; u > 1; u /= 10)
                    ++exponent;
                in.exponent = exponent;
                p.reschedule = in;
                p.note = "Client's income fell for good after the spouse's job loss: twelve "
                         "monthly installments the budget can carry";
                proposePlan(loanId, p, d, deficit, [=, this](const services::PlanView& v) {
                    decide(v.plan.id, branch, approveNext(d), true,
                           "Reschedule agreed; to be posted in the core banking system",
                           [=, this](const services::PlanView& a) { payInstallments(a, 99); });
                });
            });
            break;
        }
        case PlanRole::SettlementCompleted:
        case PlanRole::PendingTwoApprovals:
        case PlanRole::Rejected: {
            const Date d = role == PlanRole::SettlementCompleted ? when(early)
                           : role == PlanRole::Rejected          ? when(10 + early)
                                                                 : asOf_.addDays(-3);
            const int percent = role == PlanRole::SettlementCompleted ? 85
                                : role == PlanRole::Rejected          ? 55
                                                                      : 60;
            at(businessDaysAfter(d, 0), minute,
               [this, loanId, d = businessDaysAfter(d, 0), role, percent, deficit, branch,
                approveNext] {
                   const User* officer = officerOf(loanId);
                   if (!officer)
                       return;
                   services::PlanProposal p;
                   p.loanId = loanId;
                   p.kind = PlanKind::Settlement;
                   p.start = d;
                   p.installments = {{1, d.addDays(14), 1, {}}};
                   auto draft = desk_->plans().draft(*officer, p, d);
                   if (!applied(draft) || draft->balance <= 0)
                       return;
                   const Amount total = roundAmount(draft->balance * percent / 100);
                   const Amount first = roundAmount(total / 2);
                   p.installments = {{1, businessDaysAfter(d.addDays(7), 0), first, {}},
                                     {2, businessDaysAfter(d.addDays(21), 0), total - first, {}}};
                   p.note = role == PlanRole::SettlementCompleted
                                ? "Client sold a plot to settle; asks for the penalties and part "
                                  "of the interest to be waived"
                                : "Client offers a lump sum from family; a large waiver";
                   proposePlan(loanId, p, d, deficit || role == PlanRole::Rejected,
                               [=, this](const services::PlanView& v) {
                                   if (role == PlanRole::SettlementCompleted)
                                       decide(v.plan.id, branch, approveNext(d), true,
                                              "Settlement within the waiver limit; approved",
                                              [=, this](const services::PlanView& a) {
                                                  payInstallments(a, 99);
                                              });
                                   else if (role == PlanRole::Rejected)
                                       decide(v.plan.id, branch, approveNext(d), false,
                                              "The budget shows the client can pay more; "
                                              "propose an arrangement instead");
                               });
               });
            break;
        }
        case PlanRole::Pending: {
            const Date d = businessDaysAfter(asOf_.addDays(-4), 0);
            at(d, minute, [this, loanId, d, deficit] {
                auto p = arrangement(loanId, d, 3, 1, true);
                p.note = "Arrears over three months; client brought the budget figures";
                proposePlan(loanId, p, d, deficit, {});
            });
            break;
        }
        case PlanRole::Withdrawn: {
            const Date d = when(12 + early);
            at(d, minute, [this, loanId, d, deficit] {
                auto p = arrangement(loanId, d, 3, 2, false);
                p.note = "Arrears over six weeks";
                proposePlan(loanId, p, d, deficit, [=, this](const services::PlanView& v) {
                    const Date w = businessDaysAfter(d, 1);
                    const std::int64_t id = v.plan.id;
                    at(w, 8 * 60 + 50, [this, loanId, id, w] {
                        const User* officer = officerOf(loanId);
                        if (officer &&
                            applied(desk_->plans().withdraw(
                                *officer, id,
                                "The client's family will clear the arrears; no plan needed", w)))
                            ++summary_.decisions;
                    });
                });
            });
            break;
        }
        }
    }

    // A new arrangement replacing the active one (which the approval cancels), then kept.
    void replaceLater(const std::string& loanId, const std::string& branch, Date d) {
        d = businessDaysAfter(d, 0);
        at(d, 11 * 60, [this, loanId, branch, d] {
            auto p = arrangement(loanId, d, 4, 2, false);
            p.note = "The first arrangement was too heavy; a new one over eight weeks";
            proposePlan(loanId, p, d, false, [=, this](const services::PlanView& v) {
                decide(v.plan.id, branch, businessDaysAfter(d, 1), true,
                       "Replaces the earlier arrangement",
                       [=, this](const services::PlanView& a) { payInstallments(a, 99); });
            });
        });
    }

    void scheduleReferral(const std::string& loanId, int index) {
        scripted_.insert(loanId);
        struct Org {
            ReferralService service;
            const char* name;
        };
        constexpr std::array<Org, 5> orgs{{
            {ReferralService::SocialWelfare, "Kampala Capital City Authority, community services"},
            {ReferralService::VocationalTraining, "Nakawa Vocational Training Institute"},
            {ReferralService::Counselling, "TASO counselling centre"},
            {ReferralService::Health, "Mulago hospital outreach clinic"},
            {ReferralService::Other, "Legal Aid Project of the Uganda Law Society"},
        }};
        const Org org = orgs[static_cast<std::size_t>(index) % orgs.size()];
        const std::string branch = open_.at(loanId).branch;
        auto r = rng(kTagReferral, loanId);
        const Date d = businessDaysAfter(start_, 3 + static_cast<int>(r.below(15)));
        const int minute = 11 * 60 + static_cast<int>(r.below(4 * 60));
        at(d, minute, [this, loanId, branch, d, org] {
            const User* officer = officerOf(loanId);
            if (!officer)
                return;
            // Statuses in turn, over the referrals made (a case may have closed before its
            // referral was due): referred (follow-up due on the as-of date), contacted,
            // completed, declined, referred (follow-up next week).
            const int status = summary_.referrals % 5;
            const Date followUp = status == 0 ? asOf_ : businessDaysAfter(d, 7);
            auto id = desk_->counselling().addReferral(
                *officer, loanId, org.name, org.service, followUp,
                "Client agreed to be referred; gave the contact person's name", d);
            if (!applied(id))
                return;
            ++summary_.referrals;
            if (status == 0 || status == 4)
                return;
            const std::int64_t referralId = *id;
            const Date u = businessDaysAfter(d, 5);
            at(u, 15 * 60, [this, loanId, branch, referralId, u, status] {
                const User* officer = referralWorker(loanId, branch);
                if (!officer)
                    return;
                const bool done = status == 3;
                auto upd = desk_->counselling().updateReferral(
                    *officer, referralId,
                    done ? ReferralStatus::Declined : ReferralStatus::Contacted,
                    done ? "Client decided not to go; prefers to sort it out in the family"
                         : "The organisation has seen the client; next meeting booked",
                    done ? std::nullopt : std::optional<Date>(status == 1 ? asOf_ : u.addDays(7)),
                    u);
                if (!applied(upd))
                    return;
                ++summary_.referralUpdates;
                if (status != 2)
                    return;
                const Date c = businessDaysAfter(u, 6);
                at(c, 15 * 60 + 30, [this, loanId, branch, referralId, c] {
                    const User* officer = referralWorker(loanId, branch);
                    if (officer && applied(desk_->counselling().updateReferral(
                                       *officer, referralId, ReferralStatus::Completed,
                                       "Client finished the programme", std::nullopt, c)))
                        ++summary_.referralUpdates;
                });
            });
        });
    }

    // The case's officer, or the branch supervisor once the case has closed.
    const User* referralWorker(const std::string& loanId, const std::string& branch) const {
        const User* officer = officerOf(loanId);
        return officer ? officer : supervisorOf(branch);
    }

    // The officer's feasibility assessment before the request: the loan's imported
    // collateral and guarantors (the first guarantor reached and able to pay a little), the
    // usual estimates of a magistrate's court case, and a fair chance.
    Result<FeasibilityRecord> assessForLegal(const User& officer, const std::string& loanId,
                                             Date d) {
        auto file = desk_->cases().caseFile(officer, loanId, d);
        if (!file)
            return file.error();
        services::FeasibilityRequest r;
        for (const auto& c : file->collateral)
            r.collateral.push_back({c.collateralId, {}});
        for (const auto& g : file->guarantors) {
            AssessedGuarantor line{g.guarantorId, {}};
            if (r.guarantors.empty()) {
                line.value = {g.fullName, g.phone, true, file->position.outstandingPrincipal / 10};
            }
            r.guarantors.push_back(std::move(line));
        }
        // Fees in proportion to the debt, as a magistrate's court scale and an advocate's
        // charge for a small claim are.
        const Amount base = file->position.outstandingPrincipal;
        r.costs = {share(base, 4), share(base, 10), share(base, 5), share(base, 2)};
        r.chancePercent = r.collateral.empty() ? 35 : 60;
        r.note = "Client has stopped answering; the security is still in place";
        return desk_->legal().assessFeasibility(officer, loanId, r, d);
    }

    void scheduleLegal(const std::string& loanId, int index) {
        auto r = rng(kTagLegal, loanId);
        const Date d = businessDaysAfter(start_, 8 + static_cast<int>(r.below(10)));
        const std::string branch = open_.at(loanId).branch;
        at(d, 14 * 60 + 10, [this, loanId, d, index, branch] {
            const User* officer = officerOf(loanId);
            if (!officer)
                return;
            if (!applied(assessForLegal(*officer, loanId, d)))
                return;
            auto id = desk_->actions().requestLegal(
                *officer, loanId,
                "No payment for months, promises broken, the client no longer answers; the "
                "collateral covers the balance",
                d);
            if (!applied(id))
                return;
            ++summary_.legalRequests;
            if (index == 3)
                return; // left waiting for the supervisor
            const Date a = businessDaysAfter(d, 2);
            const std::int64_t approvalId = *id;
            at(a, 9 * 60 + 15, [this, approvalId, a, branch, loanId, index] {
                const User* sup = supervisorOf(branch);
                if (!sup || !applied(desk_->actions().decideApproval(
                                *sup, approvalId, true,
                                "Feasibility shows a net recovery; go ahead with the lawyer", a)))
                    return;
                ++summary_.decisions;
                scheduleCourt(loanId, index, a);
            });
        });
    }

    // After the approval: the case filed at the branch's magistrate's court with its fees, a
    // first hearing adjourned to a second (one before the demo's date with its judgment and
    // a repossession, the others still coming), the lawyer's fee and transport as costs.
    void scheduleCourt(const std::string& loanId, int index, Date approved) {
        const Date filed = businessDaysAfter(approved, 2);
        const std::string branch = open_.at(loanId).branch;
        at(filed, 11 * 60, [this, loanId, index, filed, branch] {
            const User* officer = officerOf(loanId);
            if (!officer)
                return;
            services::LegalCaseRequest r;
            r.forum = fmt::format("Chief Magistrate's Court, {}", branch);
            r.caseNumber = fmt::format("CS {}/2026", 140 + index * 17);
            r.lawyer = index == 1 ? "Nakibuule & Co. Advocates" : "Kato, Mugisha & Co. Advocates";
            r.filedOn = filed;
            r.note = "Plaint and summons filed for the outstanding balance";
            auto id = desk_->legal().openLegalCase(*officer, loanId, r, filed);
            if (!applied(id))
                return;
            ++summary_.legalCases;
            const auto onFile = desk_->cases().caseFile(*officer, loanId, filed);
            const Amount base = onFile ? onFile->position.outstandingPrincipal : 0;
            addCost(*officer, loanId, *id, CostKind::Court, share(base, 4),
                    "URA PRN 2260" + std::to_string(index), "Filing fees", filed);
            const Date first = businessDaysAfter(filed, index == 0 ? 5 : 8);
            services::LegalSessionRequest s;
            s.date = first;
            s.time = "09:30";
            s.purpose = "First hearing: mention";
            auto session = desk_->legal().addSession(*officer, *id, s, filed);
            if (!applied(session))
                return;
            const std::int64_t legalId = *id;
            const std::int64_t sessionId = *session;
            at(first, 15 * 60, [this, loanId, legalId, sessionId, first, index, base] {
                const User* officer = officerOf(loanId);
                if (!officer)
                    return;
                const Date next = businessDaysAfter(first, index == 0 ? 4 : 15);
                if (!applied(desk_->legal().recordOutcome(*officer, sessionId,
                                                          "Defendant absent; adjourned for "
                                                          "hearing of the suit",
                                                          next, first)))
                    return;
                addCost(*officer, loanId, legalId, CostKind::Legal, share(base, 10),
                        "INV-0" + std::to_string(412 + index), "Advocate's fee, first appearance",
                        first);
                addCost(*officer, loanId, legalId, CostKind::Transport, share(base, 2), "",
                        "Officer and witness to court", first);
                if (index != 0)
                    return;
                at(next, 16 * 60, [this, loanId, legalId, next, base] {
                    const User* officer = officerOf(loanId);
                    if (!officer)
                        return;
                    const auto legal = desk_->legal().legalCase(*officer, legalId);
                    if (!legal || legal->sessions.empty())
                        return;
                    applied(desk_->legal().recordOutcome(*officer, legal->sessions.back().id,
                                                         "Judgment entered for the plaintiff",
                                                         std::nullopt, next));
                    const auto file = desk_->cases().caseFile(*officer, loanId, next);
                    const Amount owed = file ? file->position.outstandingPrincipal : 0;
                    applied(
                        desk_->legal().recordJudgment(*officer, legalId, next, owed, share(base, 8),
                                                      "Decree for the balance with costs", next));
                    const Date seized = businessDaysAfter(next, 2);
                    at(seized, 12 * 60, [this, loanId, legalId, seized, base] {
                        if (const User* officer = officerOf(loanId)) {
                            applied(desk_->legal().recordEnforcement(
                                *officer, legalId, EnforcementKind::Repossession,
                                "Motorcycle pledged as collateral", seized, 0,
                                "Held by the court bailiff pending sale", seized));
                            addCost(*officer, loanId, legalId, CostKind::Auctioneer, share(base, 5),
                                    "Bailiff note 77", "Attachment and storage", seized);
                        }
                    });
                });
            });
        });
    }

    // `percent` of `base`, rounded down to 1,000 (at least 5,000) major units.
    Amount share(Amount base, int percent) const {
        const Amount step = 1000 * unit_;
        return std::max(5 * step, base * percent / 100 / step * step);
    }

    void addCost(const User& officer, const std::string& loanId, std::int64_t legalId,
                 CostKind kind, Amount amount, std::string reference, std::string note, Date d) {
        applied(desk_->legal().addCost(
            officer, loanId, {kind, d, amount, std::move(reference), std::move(note), legalId}, d));
    }

    // A workshop in the busiest branch with several of its clients, and one-to-one sessions
    // on about one case in a hundred.
    void scheduleCounselling() {
        std::map<std::string, std::vector<std::string>> byBranch;
        for (const auto& [loanId, row] : open_)
            if (!row.officer.empty() && !scripted_.contains(loanId))
                byBranch[row.branch].push_back(loanId);
        std::vector<std::pair<std::size_t, std::string>> sizes;
        for (const auto& [branch, loans] : byBranch)
            sizes.emplace_back(loans.size(), branch);
        std::sort(sizes.rbegin(), sizes.rend());
        constexpr std::array<const char*, 2> topics{
            "Managing business cash flow and saving for installments",
            "Household budgeting and school fees planning"};
        for (std::size_t w = 0; w < std::min<std::size_t>(2, sizes.size()); ++w) {
            const auto& loans = byBranch[sizes[w].second];
            std::vector<std::string> attendees;
            for (std::size_t i = 0; i < loans.size() && attendees.size() < 9; i += 3)
                attendees.push_back(loans[i]);
            const Date d = businessDaysAfter(start_, 8 + static_cast<int>(w) * 10);
            const char* topic = topics[w];
            at(d, 14 * 60, [this, attendees, d, topic] {
                if (attendees.empty())
                    return;
                const User* officer = officerOf(attendees.front());
                if (!officer)
                    return;
                std::vector<std::string> clients;
                for (const auto& loanId : attendees)
                    if (auto c = clientOf(*officer, loanId, d))
                        clients.push_back(*c);
                if (applied(desk_->counselling().addSession(
                        *officer, SessionKind::Workshop, topic,
                        "Grace Atim, financial literacy trainer", clients,
                        "Held at the branch hall; attendees brought their cash books",
                        d.addDays(28), d)))
                    ++summary_.sessions;
            });
        }
        constexpr std::array<const char*, 4> oneToOne{
            "Debt counselling: the client's loans with other lenders",
            "Cash flow of the business and the installment day",
            "Coping after a death in the family", "Separating business and household money"};
        for (const auto& [loanId, row] : open_) {
            if (row.officer.empty() || scripted_.contains(loanId))
                continue;
            auto r = rng(kTagCounselling, loanId);
            if (r.below(100) != 0 && !(oneToOneCount_ < 3 && r.below(20) == 0))
                continue;
            ++oneToOneCount_;
            const Date d = businessDaysAfter(start_, static_cast<int>(r.below(28)));
            const char* topic = pick(r, oneToOne);
            const bool followUp = r.below(2) == 0;
            at(d, 12 * 60 + static_cast<int>(r.below(3 * 60)), [this, loanId, d, topic, followUp] {
                const User* officer = officerOf(loanId);
                if (!officer)
                    return;
                const auto client = clientOf(*officer, loanId, d);
                if (client &&
                    applied(desk_->counselling().addSession(
                        *officer, SessionKind::OneToOne, topic, "", {*client},
                        "Listened to the client's situation and agreed on next steps",
                        followUp ? std::optional<Date>(businessDaysAfter(d, 10)) : std::nullopt,
                        d)))
                    ++summary_.sessions;
            });
        }
    }

    std::shared_ptr<sys_seconds> now_;
    std::unique_ptr<services::Services> desk_;
    User admin_;
    Date asOf_;
    Date start_;
    std::uint64_t seed_;
    Amount unit_ = 1;
    std::map<std::string, User> users_;
    std::map<std::string, std::string> supervisors_; // branch -> username
    std::map<std::string, services::CaseRow> open_;  // as of the latest recompute
    std::set<std::string> scripted_;                 // loans with plans, referrals, legal
    std::set<std::string> budgeted_;
    int oneToOneCount_ = 0;
    std::priority_queue<Event, std::vector<Event>, Later> queue_;
    std::uint64_t seq_ = 0;
    DeskHistorySummary summary_;
};

} // namespace

DeskHistorySummary replayDeskHistory(const std::filesystem::path& path, const User& admin,
                                     Date asOf, std::uint64_t seed, int weeks) {
    Replay replay(path, admin, asOf, seed, weeks);
    return replay.run();
}

} // namespace rd::cli
