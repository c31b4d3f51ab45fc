// QAbstractItemModelTester on every model of src/ui/models, filled from a real demo
// database through the services, through resets, filters and sorts.
#include "models/approvals_model.h"
#include "models/audit_model.h"
#include "models/call_list_model.h"
#include "models/call_list_proxy_model.h"
#include "models/case_promises_model.h"
#include "models/case_table_model.h"
#include "models/loan_search_model.h"
#include "models/promise_table_model.h"
#include "models/receipts_model.h"
#include "models/schedule_model.h"
#include "models/team_model.h"
#include "models/timeline_model.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QStringList>
#include <catch2/catch.hpp>
#include <set>

using namespace rd;
using namespace rd::uitest;

namespace {

// Collects what QAbstractItemModelTester reports (category qt.modeltest, warning mode)
// while it is alive; everything else goes to the previous handler.
class ModelTesterReports {
public:
    ModelTesterReports() {
        reports().clear();
        previous() = qInstallMessageHandler(&ModelTesterReports::handle);
    }
    ~ModelTesterReports() { qInstallMessageHandler(previous()); }
    QStringList all() const { return reports(); }
    std::string text() const { return reports().join(u'\n').toStdString(); }

private:
    static QStringList& reports() {
        static QStringList list;
        return list;
    }
    static QtMessageHandler& previous() {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& text) {
        if (context.category && QByteArray(context.category) == "qt.modeltest") {
            if (type != QtDebugMsg && type != QtInfoMsg)
                reports() << text;
            return;
        }
        if (previous())
            previous()(type, context, text);
    }
};

using Tester = QAbstractItemModelTester;
constexpr auto kWarn = QAbstractItemModelTester::FailureReportingMode::Warning;

// A case file with contacts, a promise, desk payments and a reversal: the officer's case
// works it through the services.
struct WorkedCase {
    std::string officer;
    std::string loan;
    services::CaseFile file;
};

WorkedCase workACase(DemoDesk& desk) {
    WorkedCase w;
    w.officer = desk.busiestOfficer();
    const auto officer = desk.signIn(w.officer);
    const auto supervisor = desk.signIn(desk.supervisorOf(w.officer));
    const auto list = desk.callList().forOfficer(officer, w.officer, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    w.loan = list->items.front().entry.loanId;
    services::NewContact call;
    call.loanId = w.loan;
    call.at = DateTime{businessDate(), 9 * 60};
    call.outcome = ContactOutcome::NoAnswer;
    REQUIRE(desk.contacts().addContact(officer, call));
    call.at = DateTime{businessDate(), kHalfPastTen};
    call.outcome = ContactOutcome::Promised;
    call.note = "promised at the second call";
    call.promiseAmount = 30000;
    call.promiseDate = Date::parse("2026-12-01").value();
    call.nextActionOn = Date::parse("2026-12-02").value();
    REQUIRE(desk.contacts().addContact(officer, call));
    for (Amount amount : {Amount{10000}, Amount{15000}}) {
        services::NewDeskPayment pay;
        pay.loanId = w.loan;
        pay.amount = amount;
        pay.method = PaymentMethod::Cash;
        pay.paidOn = businessDate();
        REQUIRE(desk.payments().takePayment(officer, pay, businessDate()));
    }
    REQUIRE(desk.payments().reverse(supervisor, 1, "counterfeit note", businessDate()));
    auto file = desk.cases().caseFile(officer, w.loan, businessDate());
    REQUIRE(file);
    w.file = std::move(*file);
    return w;
}

} // namespace

TEST_CASE("CallListModel and CallListProxyModel pass the model tester on real call lists",
          "[ui][models]") {
    DemoDesk desk;
    const auto officer = desk.busiestOfficer();
    const auto actor = desk.signIn(officer);
    auto list = desk.callList().forOfficer(actor, officer, businessDate());
    REQUIRE(list);
    REQUIRE(list->items.size() >= 5);
    const auto items = list->items;

    ModelTesterReports reports;
    ui::CallListModel model;
    ui::CallListProxyModel proxy;
    proxy.setCallListModel(&model);
    Tester modelTester(&model, kWarn);
    Tester proxyTester(&proxy, kWarn);

    model.setItems(items, list->currency);
    REQUIRE(model.rowCount() == static_cast<int>(items.size()));
    REQUIRE(proxy.rowCount() == model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto& item = items[static_cast<std::size_t>(row)];
        REQUIRE(model.index(row, ui::CallListModel::Loan).data().toString().toStdString() ==
                item.entry.loanId);
        REQUIRE(model.index(row, ui::CallListModel::Rank).data().toInt() == item.rank);
        REQUIRE(model.rowOfLoan(QString::fromStdString(item.entry.loanId)) == row);
    }
    CHECK(model.rowOfLoan(QStringLiteral("no such loan")) == -1);

    // Every column sorted both ways, then the filters.
    for (int column = 0; column < ui::CallListModel::ColumnCount; ++column)
        for (auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            REQUIRE(proxy.rowCount() == model.rowCount());
        }
    proxy.sort(ui::CallListModel::Dpd, Qt::DescendingOrder);
    for (int row = 1; row < proxy.rowCount(); ++row)
        REQUIRE(proxy.index(row - 1, ui::CallListModel::Dpd).data().toInt() >=
                proxy.index(row, ui::CallListModel::Dpd).data().toInt());

    const auto& first = items.front().entry;
    CallListFilter byLoan;
    byLoan.text = first.loanId;
    proxy.setFilter(byLoan);
    REQUIRE(proxy.rowCount() == 1);
    CHECK(proxy.index(0, ui::CallListModel::Loan).data().toString().toStdString() == first.loanId);
    CallListFilter byReason;
    byReason.reason = items.front().reasons.front();
    proxy.setFilter(byReason);
    CHECK(proxy.rowCount() >= 1);
    CHECK(proxy.rowCount() <= model.rowCount());
    CallListFilter nothing;
    nothing.text = "zzzz no client is called this zzzz";
    proxy.setFilter(nothing);
    CHECK(proxy.rowCount() == 0);
    proxy.setFilter({});
    CHECK(proxy.rowCount() == model.rowCount());

    // Another officer's list, then an empty one, then back: resets under the testers.
    const auto other = desk.text("SELECT username FROM users WHERE role = 'officer' AND "
                                 "username <> '" +
                                 officer + "' ORDER BY username LIMIT 1");
    auto otherList = desk.callList().forOfficer(localOperator(), other, businessDate());
    REQUIRE(otherList);
    model.setItems(otherList->items, otherList->currency);
    CHECK(model.rowCount() == static_cast<int>(otherList->items.size()));
    model.setItems({}, list->currency);
    CHECK(proxy.rowCount() == 0);
    model.setItems(items, list->currency);
    CHECK(proxy.rowCount() == model.rowCount());

    INFO(reports.text());
    CHECK(reports.all().isEmpty());
}

TEST_CASE("TimelineModel, ScheduleModel and ReceiptsModel pass the model tester on a worked "
          "case",
          "[ui][models]") {
    DemoDesk desk;
    const auto worked = workACase(desk);
    const auto& file = worked.file;
    REQUIRE(file.contacts.size() == 2);
    REQUIRE(file.promises.size() == 1);

    ModelTesterReports reports;
    ui::TimelineModel timeline;
    ui::ScheduleModel schedule;
    ui::ReceiptsModel receipts;
    Tester timelineTester(&timeline, kWarn);
    Tester scheduleTester(&schedule, kWarn);
    Tester receiptsTester(&receipts, kWarn);

    timeline.setEntries(ui::buildTimeline(file));
    std::set<QString> kinds;
    for (int row = 0; row < timeline.rowCount(); ++row)
        kinds.insert(timeline.index(row, ui::TimelineModel::Kind).data().toString());
    CHECK(kinds.count(QStringLiteral("Contact")) == 1);
    CHECK(kinds.count(QStringLiteral("Promise")) == 1);
    CHECK(kinds.count(QStringLiteral("Payment")) == 1);
    CHECK(kinds.count(QStringLiteral("Reversal")) == 1);
    CHECK(kinds.count(QStringLiteral("Case")) == 1);
    // Newest first: the 10:30 promise call comes before the 09:00 no-answer call.
    int promisedRow = -1;
    int noAnswerRow = -1;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        const auto what = timeline.entry(row).what;
        if (what.contains(QStringLiteral("Promised to pay")))
            promisedRow = row;
        if (what.contains(QStringLiteral("No answer")))
            noAnswerRow = row;
    }
    REQUIRE(promisedRow >= 0);
    REQUIRE(noAnswerRow >= 0);
    CHECK(promisedRow < noAnswerRow);

    // The case file carries the schedule as of its date and the tolerance it was read with.
    const auto installments = file.installments;
    REQUIRE(!installments.empty());
    schedule.setSchedule(installments, businessDate(), file.arrearsTolerance, file.currency);
    REQUIRE(schedule.rowCount() == static_cast<int>(installments.size()));
    bool overdue = false;
    for (int row = 0; row < schedule.rowCount(); ++row) {
        REQUIRE(schedule.index(row, ui::ScheduleModel::Number).data().toInt() ==
                installments[static_cast<std::size_t>(row)].number);
        overdue |= schedule.status(row) == InstallmentStatus::Overdue;
    }
    CHECK(overdue); // the loan is on the call list: something is overdue

    const auto reader = desk.signIn(worked.officer);
    const auto loanReceipts = desk.payments().receiptsForLoan(reader, worked.loan);
    REQUIRE(loanReceipts);
    REQUIRE(loanReceipts->size() == 2);
    receipts.setReceipts(*loanReceipts, file.currency);
    REQUIRE(receipts.rowCount() == 2);
    CHECK(receipts.receipt(0).receiptNo == 2); // newest first
    CHECK(receipts.index(0, ui::ReceiptsModel::Receipt).data().toString() ==
          QStringLiteral("000002"));
    CHECK(receipts.index(0, ui::ReceiptsModel::Status).data().toString() ==
          QStringLiteral("counted"));
    CHECK(receipts.index(1, ui::ReceiptsModel::Status)
              .data()
              .toString()
              .contains(QStringLiteral("counterfeit note")));

    // Resets: another loan's file, then empty models.
    const auto otherLoan = desk.text("SELECT l.loan_id FROM loans l JOIN cases c ON c.loan_pk = "
                                     "l.id WHERE c.status = 'open' AND l.loan_id <> '" +
                                     worked.loan + "' ORDER BY l.loan_id LIMIT 1");
    auto otherFile = desk.cases().caseFile(localOperator(), otherLoan, businessDate());
    REQUIRE(otherFile);
    timeline.setEntries(ui::buildTimeline(*otherFile));
    CHECK(timeline.rowCount() >= 1);
    schedule.setSchedule(otherFile->installments, businessDate(), otherFile->arrearsTolerance,
                         otherFile->currency);
    CHECK(schedule.rowCount() >= 1);
    const auto otherReceipts = desk.payments().receiptsForLoan(localOperator(), otherLoan);
    REQUIRE(otherReceipts);
    receipts.setReceipts(*otherReceipts, otherFile->currency);
    CHECK(receipts.rowCount() == 0);
    timeline.setEntries({});
    schedule.setSchedule({}, businessDate(), 0, file.currency);
    CHECK(timeline.rowCount() == 0);
    CHECK(schedule.rowCount() == 0);

    INFO(reports.text());
    CHECK(reports.all().isEmpty());
}

TEST_CASE("The case list, search, promises, team, approvals, audit, other-loans, promises and "
          "payments models pass the model tester",
          "[ui][models]") {
    DemoDesk desk;
    const auto worked = workACase(desk);
    const auto officer = desk.signIn(worked.officer);
    const auto supervisor = desk.signIn(desk.supervisorOf(worked.officer));
    assessForLegal(desk.all(), officer, worked.loan);
    REQUIRE(
        desk.actions().requestLegal(officer, worked.loan, "no payment since June", businessDate()));
    REQUIRE(desk.actions().addNote(officer, worked.loan, "visited the shop", std::nullopt,
                                   businessDate()));
    const auto currency = worked.file.currency;
    const Date date = businessDate();

    ModelTesterReports reports;
    ui::CaseTableModel cases;
    ui::LoanSearchModel search;
    ui::PromiseTableModel promises;
    ui::TeamModel team;
    ui::ApprovalsModel approvals;
    ui::AuditModel audit;
    ui::OtherLoansModel otherLoans;
    ui::CasePromisesModel casePromises;
    ui::LoanPaymentsModel payments;
    Tester t1(&cases, kWarn), t2(&search, kWarn), t3(&promises, kWarn), t4(&team, kWarn),
        t5(&approvals, kWarn), t6(&audit, kWarn), t7(&otherLoans, kWarn), t8(&casePromises, kWarn),
        t9(&payments, kWarn);

    const auto caseRows = desk.queries().cases(supervisor, services::CaseFilter{}, date);
    REQUIRE(caseRows);
    REQUIRE(!caseRows->empty());
    cases.setRows(*caseRows, currency);
    CHECK(cases.rowCount() == static_cast<int>(caseRows->size()));
    // Every row says its bucket in words; a written-off loan (no bucket) says so instead.
    for (int r = 0; r < cases.rowCount(); ++r) {
        const auto bucket = cases.index(r, ui::CaseTableModel::Bucket).data().toString();
        CHECK_FALSE(bucket.isEmpty());
        if (cases.row(r).loanStatus == LoanStatus::WrittenOff)
            CHECK(bucket == QStringLiteral("written off"));
    }

    const auto hits = desk.queries().searchLoans(supervisor, "LN", 50, date);
    REQUIRE(hits);
    REQUIRE(!hits->empty());
    search.setHits(*hits);
    CHECK(search.rowCount() == static_cast<int>(hits->size()));

    const auto due = desk.queries().promisesDue(supervisor, date, date.addDays(30), date);
    REQUIRE(due);
    REQUIRE(!due->empty()); // the promise of the worked case
    promises.setRows(*due, currency);
    CHECK(promises.rowCount() == static_cast<int>(due->size()));

    const auto members = desk.queries().team(supervisor, date);
    REQUIRE(members);
    REQUIRE(members->size() >= 2);
    team.setRows(*members, currency);
    CHECK(team.rowCount() == static_cast<int>(members->size()));

    const auto requests = desk.actions().approvals(supervisor, false);
    REQUIRE(requests);
    REQUIRE(requests->size() == 1);
    approvals.setApprovals(*requests, currency);
    CHECK(approvals.rowCount() == 1);
    // The request carries the assessment made before it: the supervisor sees it.
    CHECK(approvals.index(0, ui::ApprovalsModel::Feasibility)
              .data()
              .toString()
              .startsWith(QStringLiteral("net ")));
    CHECK(approvals.index(0, ui::ApprovalsModel::Feasibility)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("expected net recovery")));

    const auto trail = desk.actions().auditTrail(supervisor, worked.loan);
    REQUIRE(trail);
    REQUIRE(trail->size() >= 5); // contacts, payments, reversal, request, note
    audit.setEntries(*trail);
    CHECK(audit.rowCount() == static_cast<int>(trail->size()));

    const auto sharedLoan = desk.text("SELECT l.loan_id FROM loans l WHERE l.client_pk IN "
                                      "(SELECT client_pk FROM loans GROUP BY client_pk HAVING "
                                      "count(*) > 1) ORDER BY l.loan_id LIMIT 1");
    REQUIRE(!sharedLoan.empty());
    const auto others = desk.queries().otherLoans(localOperator(), sharedLoan, date);
    REQUIRE(others);
    REQUIRE(!others->empty());
    otherLoans.setRows(*others, currency);
    CHECK(otherLoans.rowCount() == static_cast<int>(others->size()));

    casePromises.setPromises(worked.file.promises, currency);
    CHECK(casePromises.rowCount() == 1);
    payments.setPayments(worked.file.ledger.payments, date, currency);
    CHECK(payments.rowCount() == static_cast<int>(worked.file.ledger.payments.size()));
    CHECK(payments.rowCount() >= 2);

    // Resets to empty and back.
    cases.setRows({}, currency);
    search.setHits({});
    promises.setRows({}, currency);
    team.setRows({}, currency);
    approvals.setApprovals({});
    audit.setEntries({});
    otherLoans.setRows({}, currency);
    casePromises.setPromises({}, currency);
    payments.setPayments({}, date, currency);
    CHECK(cases.rowCount() + search.rowCount() + promises.rowCount() + team.rowCount() +
              approvals.rowCount() + audit.rowCount() + otherLoans.rowCount() +
              casePromises.rowCount() + payments.rowCount() ==
          0);
    cases.setRows(*caseRows, currency);
    audit.setEntries(*trail);

    INFO(reports.text());
    CHECK(reports.all().isEmpty());
}

namespace {

// A model that announces a row it never adds: the tester must report it.
class LyingModel : public QAbstractListModel {
public:
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex& index, int role) const override {
        return index.isValid() && role == Qt::DisplayRole ? QStringLiteral("row") : QVariant();
    }
    void announceRow() {
        beginInsertRows({}, 1, 1);
        endInsertRows();
    }
};

} // namespace

TEST_CASE("The model tester harness catches a broken model", "[ui][models]") {
    ModelTesterReports reports;
    LyingModel model;
    Tester tester(&model, kWarn);
    CHECK(reports.all().isEmpty());
    model.announceRow();
    CHECK_FALSE(reports.all().isEmpty());
}

TEST_CASE("Every model of src/ui/models has a model-tester test here", "[ui][models]") {
    // The models these tests cover; a new model under src/ui/models must be added here and
    // given a QAbstractItemModelTester test above.
    const std::set<QString> covered = {
        QStringLiteral("call_list_model.h"), QStringLiteral("call_list_proxy_model.h"),
        QStringLiteral("receipts_model.h"), QStringLiteral("schedule_model.h"),
        QStringLiteral("timeline_model.h"), QStringLiteral("approvals_model.h"),
        QStringLiteral("audit_model.h"),         // AuditModel and OtherLoansModel
        QStringLiteral("case_promises_model.h"), // CasePromisesModel and LoanPaymentsModel
        QStringLiteral("case_table_model.h"), QStringLiteral("loan_search_model.h"),
        QStringLiteral("promise_table_model.h"), QStringLiteral("team_model.h"),
        // in test_admin_page.cpp:
        QStringLiteral("settings_model.h"), QStringLiteral("user_model.h"),
        // in test_end_of_day.cpp:
        QStringLiteral("day_methods_model.h"), QStringLiteral("officer_days_model.h"),
        // in test_counselling_dialogs.cpp (counselling_models.h: the budget history,
        // sessions, referrals and client list models):
        QStringLiteral("budget_lines_model.h"), QStringLiteral("counselling_models.h"),
        // in test_plan_approvals.cpp:
        QStringLiteral("plan_approvals_model.h"), QStringLiteral("plan_history_model.h"),
        QStringLiteral("plan_installments_model.h"),
        // in test_security_tab.cpp:
        QStringLiteral("guarantors_model.h"), QStringLiteral("collateral_model.h"),
        // in test_legal_tab.cpp (legal cases, their sessions, recovery costs):
        QStringLiteral("legal_models.h")};
    const QDir dir(QStringLiteral(RD_UI_MODELS_DIR));
    REQUIRE(dir.exists());
    const auto headers = dir.entryList({QStringLiteral("*.h")}, QDir::Files, QDir::Name);
    REQUIRE(!headers.isEmpty());
    for (const auto& header : headers) {
        INFO("src/ui/models/" << header.toStdString() << " has no model-tester test");
        CHECK(covered.count(header) == 1);
    }
}
