// The budget worksheet, counselling and referral dialogs and the case file's "Budget and
// counselling" tab (domain.md sections 9c and 11), on a copy of the demo database through
// the real services: totals worked out as lines are typed, a mistyped amount refused in its
// cell with nothing saved, a workshop on every attendee's case file and timeline, a
// referral followed through its statuses, and the services' refusals shown in words.
#include "dialogs/budget_dialog.h"
#include "dialogs/counselling_dialog.h"
#include "dialogs/referral_dialog.h"
#include "display_text.h"
#include "models/budget_lines_model.h"
#include "models/counselling_models.h"
#include "models/timeline_model.h"
#include "money_display.h"
#include "pages/case_file/counselling_tab.h"
#include "pages/case_file_page.h"
#include "services/counselling_service.h"
#include "services/plan_service.h"
#include "ui_fixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

using Tester = QAbstractItemModelTester;

// The first `n` loans of the officer's call list whose clients differ, with their clients.
struct CaseClient {
    std::string loanId;
    std::string clientId;
    std::string name;
};

std::vector<CaseClient> casesOf(DemoDesk& desk, const User& officer, std::size_t n) {
    std::vector<CaseClient> out;
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    REQUIRE(list);
    for (const auto& item : list->items) {
        const auto file = desk.cases().caseFile(officer, item.entry.loanId, businessDate());
        REQUIRE(file);
        REQUIRE(file->client);
        const bool seen = std::any_of(out.begin(), out.end(), [&](const CaseClient& c) {
            return c.clientId == file->client->clientId;
        });
        if (!seen)
            out.push_back({item.entry.loanId, file->client->clientId, file->client->fullName});
        if (out.size() == n)
            break;
    }
    REQUIRE(out.size() == n);
    return out;
}

std::vector<int> timelineRows(const ui::TimelineModel& model, const QString& kind,
                              const QString& text) {
    std::vector<int> rows;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.entry(r).kind == kind && model.entry(r).what.contains(text))
            rows.push_back(r);
    return rows;
}

} // namespace

TEST_CASE("The budget worksheet works the totals out as lines are typed, refuses a mistyped "
          "amount in its cell and saves a new dated revision",
          "[ui][counselling][budget]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto client = casesOf(desk, officer, 1).front();
    const Currency ugx{"UGX", 0};
    // An earlier worksheet, from a visit ten days before.
    REQUIRE(desk.all().plans().setBudget(
        officer, client.clientId,
        {{true, "Shop takings", 300000}, {false, "Rent", 120000}, {true, "Boda boda", 80000}},
        businessDate().addDays(-10), "first visit"));
    const auto budgetsBefore = desk.count("SELECT count(*) FROM budgets");
    const auto session = desk.session(officer);

    ui::BudgetDialog dialog(desk.services(), session, client.clientId,
                            QString::fromStdString(client.name), ugx);
    auto& model = *dialog.model();
    Tester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // It starts from the latest worksheet: income lines first.
    REQUIRE(dialog.previous());
    REQUIRE(model.rowCount() == 3);
    CHECK(model.index(0, ui::BudgetLinesModel::Name).data().toString() == "Shop takings");
    CHECK(model.index(1, ui::BudgetLinesModel::Name).data().toString() == "Boda boda");
    CHECK(model.index(2, ui::BudgetLinesModel::Kind).data().toString() == "Expense");
    CHECK(dialog.noteEdit()->text() == "first visit");
    CHECK(dialog.incomeText() == ui::displayMoneyWithCode(380000, ugx));
    CHECK(dialog.surplusText() == ui::displayMoneyWithCode(260000, ugx));

    // Typing a new amount changes the totals at once.
    REQUIRE(model.setData(model.index(0, ui::BudgetLinesModel::Monthly), "250000"));
    CHECK(dialog.incomeText() == ui::displayMoneyWithCode(330000, ugx));
    CHECK(dialog.surplusText() == ui::displayMoneyWithCode(210000, ugx));

    // A mistyped amount is refused in the cell: the old amount stays, the reason is shown.
    CHECK_FALSE(model.setData(model.index(2, ui::BudgetLinesModel::Monthly), "12O000"));
    CHECK(model.lines()[2].monthly == 120000);
    CHECK(dialog.problem().contains("Rent"));
    CHECK(dialog.problem().contains("12O000"));
    CHECK(dialog.expensesText() == ui::displayMoneyWithCode(120000, ugx));
    CHECK_FALSE(model.setData(model.index(2, ui::BudgetLinesModel::Monthly), "-5000"));
    CHECK(model.lines()[2].monthly == 120000);
    CHECK(desk.count("SELECT count(*) FROM budgets") == budgetsBefore);

    // Expenses above the income: the shortfall is shown as one.
    const int school = model.addLine(false);
    CHECK(school == 3);
    REQUIRE(model.setData(model.index(school, ui::BudgetLinesModel::Name), "School fees"));
    REQUIRE(model.setData(model.index(school, ui::BudgetLinesModel::Monthly), "260000"));
    CHECK(dialog.problem().isEmpty());
    CHECK(dialog.surplusText().startsWith(ui::displayMoneyWithCode(-50000, ugx)));
    CHECK(dialog.surplusText().contains("spends more than it earns"));
    // A line removed; the boda boda stopped.
    REQUIRE(model.removeLine(1));
    CHECK(dialog.incomeText() == ui::displayMoneyWithCode(250000, ugx));
    dialog.noteEdit()->setText("second visit: boda boda sold");
    dialog.accept();
    REQUIRE(dialog.saved());
    CHECK(dialog.result() == QDialog::Accepted);

    // Read back through the service: a new worksheet on the business date, the old one kept.
    const auto budgets = desk.all().plans().budgetsOfClient(officer, client.clientId);
    REQUIRE(budgets);
    REQUIRE(budgets->size() == 2);
    const auto& latest = budgets->front();
    CHECK(latest.date == businessDate());
    CHECK(latest.note == "second visit: boda boda sold");
    REQUIRE(latest.lines.size() == 3);
    CHECK(latest.lines[0].name == "Shop takings");
    CHECK(latest.lines[0].monthly == 250000);
    CHECK(latest.lines[2].name == "School fees");
    CHECK(latest.surplus() == -130000);
    CHECK(budgets->back().surplus() == 260000);

    // On the case file: the history with the latest's lines, a shortfall in red.
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(client.loanId)));
    auto* tab = page.counsellingTab();
    REQUIRE(tab);
    Tester historyTester(tab->budgetsModel(),
                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    Tester linesTester(tab->linesModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(tab->budgetsModel()->rowCount() == 2);
    const auto surplus = tab->budgetsModel()->index(0, ui::BudgetHistoryModel::Surplus);
    CHECK(surplus.data().toString().contains(ui::displayMoney(-130000, ugx)));
    CHECK(surplus.data(Qt::ForegroundRole).isValid());
    CHECK(tab->linesModel()->rowCount() == 3);
    CHECK_FALSE(tab->linesModel()->flags(tab->linesModel()->index(0, 1)) & Qt::ItemIsEditable);
    page.reload();
    CHECK(tab->budgetsModel()->rowCount() == 2);
}

TEST_CASE("A budget without income is refused in words and nothing typed is lost",
          "[ui][counselling][budget]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto client = casesOf(desk, officer, 1).front();
    const auto session = desk.session(officer);
    ui::BudgetDialog dialog(desk.services(), session, client.clientId,
                            QString::fromStdString(client.name), Currency{"UGX", 0});
    auto& model = *dialog.model();
    // A new client's worksheet: an empty income line and an empty expense line.
    REQUIRE(model.rowCount() == 2);
    REQUIRE(model.removeLine(0));
    REQUIRE(model.setData(model.index(0, ui::BudgetLinesModel::Name), "Rent"));
    REQUIRE(model.setData(model.index(0, ui::BudgetLinesModel::Monthly), "90000"));
    dialog.accept();
    CHECK_FALSE(dialog.saved());
    CHECK(dialog.problem().contains("at least one income line"));
    CHECK(model.rowCount() == 1);
    CHECK(model.lines()[0].monthly == 90000);
    CHECK(desk.count("SELECT count(*) FROM budgets b JOIN clients c ON c.id = b.client_pk "
                     "WHERE c.client_id = '" +
                     client.clientId + "'") == 0);
}

TEST_CASE("A workshop with three clients is on each attendee's case file and timeline",
          "[ui][counselling]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto clients = casesOf(desk, officer, 4);
    const auto session = desk.session(officer);

    ui::CounsellingDialog dialog(desk.services(), session, {clients[0].clientId, clients[0].name});
    Tester found(dialog.foundModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    Tester attendance(dialog.attendanceModel(),
                      QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    CHECK(dialog.kind() == SessionKind::OneToOne);
    CHECK(dialog.dateEdit()->date() == ui::toQDate(businessDate()));
    CHECK_FALSE(save->isEnabled()); // no topic yet
    dialog.setKind(SessionKind::Workshop);
    dialog.topicEdit()->setText("Keeping the shop's cash apart from the household's");
    dialog.notesEdit()->setPlainText("Cash book handed out.");
    // The case's client is on the attendance list; the others are found and added.
    REQUIRE(dialog.attendanceModel()->rowCount() == 1);
    int lastRow = -1;
    for (std::size_t i = 1; i < clients.size(); ++i) {
        REQUIRE(dialog.findClients(QString::fromStdString(clients[i].clientId)));
        // Each client once, however many loans they have.
        lastRow = -1;
        for (int r = 0; r < dialog.foundModel()->rowCount(); ++r)
            if (dialog.foundModel()->row(r).clientId == clients[i].clientId) {
                CHECK(lastRow == -1);
                lastRow = r;
            }
        REQUIRE(lastRow >= 0);
        CHECK(dialog.addFound(lastRow));
    }
    CHECK_FALSE(dialog.addFound(lastRow)); // already there
    REQUIRE(dialog.attendanceModel()->rowCount() == 4);
    // One added by mistake is removed again.
    REQUIRE(dialog.removeAttendee(3));
    REQUIRE(dialog.attendanceModel()->rowCount() == 3);
    // A search that finds nobody says so.
    REQUIRE(dialog.findClients(QStringLiteral("nobody-by-this-name")));
    CHECK(dialog.foundModel()->rowCount() == 0);
    CHECK(dialog.problem().contains("No client found"));
    dialog.followUpCheck()->setChecked(true);
    dialog.followUpEdit()->setDate(ui::toQDate(businessDate().addDays(21)));
    CHECK(save->isEnabled());
    dialog.accept();
    REQUIRE(dialog.savedId());

    const QString topic = QStringLiteral("Keeping the shop's cash apart");
    ui::CaseFilePage page(desk.services(), session);
    Tester sessions(page.counsellingTab()->sessionsModel(),
                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (std::size_t i = 0; i < clients.size(); ++i) {
        INFO("client " << clients[i].clientId);
        REQUIRE(page.showLoan(QString::fromStdString(clients[i].loanId)));
        auto* tab = page.counsellingTab();
        const bool attended = i < 3;
        REQUIRE(tab->sessionsModel()->rowCount() == (attended ? 1 : 0));
        CHECK(timelineRows(*page.timelineModel(), "Counselling", topic).size() ==
              (attended ? 1u : 0u));
        if (!attended)
            continue;
        const auto& m = *tab->sessionsModel();
        CHECK(m.index(0, ui::CounsellingSessionsModel::Kind).data().toString() == "Workshop");
        for (std::size_t j = 0; j < 3; ++j)
            CHECK(m.index(0, ui::CounsellingSessionsModel::Attended)
                      .data()
                      .toString()
                      .contains(QString::fromStdString(clients[j].name)));
        CHECK(m.index(0, ui::CounsellingSessionsModel::FollowUp).data().toString() ==
              ui::displayDate(businessDate().addDays(21)));
        const auto row = timelineRows(*page.timelineModel(), "Counselling", topic).front();
        CHECK(page.timelineModel()->entry(row).what.contains("Cash book handed out."));
    }
}

TEST_CASE("A referral is made and followed through contacted to completed on the case file",
          "[ui][counselling][referral]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto client = casesOf(desk, officer, 1).front();
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(client.loanId)));
    auto* tab = page.counsellingTab();
    Tester referrals(tab->referralsModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(tab->findChild<QPushButton*>("referralButton")->isEnabled());

    {
        ui::ReferralDialog dialog(desk.services(), session, client.loanId,
                                  QString::fromStdString(client.name));
        auto* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        CHECK_FALSE(save->isEnabled()); // no organisation yet
        CHECK(dialog.problem().contains("organisation"));
        dialog.serviceBox()->setCurrentIndex(
            dialog.serviceBox()->findData(int(ReferralService::VocationalTraining)));
        dialog.organisationEdit()->setText("Nsambya Skills Centre");
        dialog.noteEdit()->setPlainText("Tailoring course from January");
        dialog.followUpEdit()->setDate(ui::toQDate(businessDate().addDays(7)));
        CHECK(save->isEnabled());
        dialog.accept();
        REQUIRE(dialog.savedId());
    }
    page.reload();
    REQUIRE(tab->referralsModel()->rowCount() == 1);
    const auto& m = *tab->referralsModel();
    CHECK(m.index(0, ui::ReferralsModel::Status).data().toString() == "Referred");
    CHECK(m.index(0, ui::ReferralsModel::Service).data().toString() == "Vocational training");
    CHECK(m.index(0, ui::ReferralsModel::FollowUp).data().toString() ==
          ui::displayDate(businessDate().addDays(7)));
    CHECK(timelineRows(*page.timelineModel(), "Referral", "Nsambya Skills Centre").size() == 1);

    tab->referralsView()->setCurrentIndex(m.index(0, 0));
    auto* update = tab->findChild<QPushButton*>("updateReferralButton");
    CHECK(update->isEnabled());
    {
        ui::ReferralDialog dialog(desk.services(), session, m.row(0));
        dialog.setStatus(ReferralStatus::Contacted);
        CHECK(dialog.followUpEdit()->isEnabled());
        dialog.noteEdit()->setPlainText("Met the centre's manager");
        dialog.followUpEdit()->setDate(ui::toQDate(businessDate().addDays(30)));
        dialog.accept();
        REQUIRE(dialog.savedId());
    }
    page.reload();
    CHECK(m.index(0, ui::ReferralsModel::Status).data().toString().startsWith("Contacted"));
    CHECK(m.index(0, ui::ReferralsModel::FollowUp).data().toString() ==
          ui::displayDate(businessDate().addDays(30)));
    {
        ui::ReferralDialog dialog(desk.services(), session, m.row(0));
        dialog.setStatus(ReferralStatus::Completed);
        // A completed referral has nothing more to follow up.
        CHECK(dialog.followUpEdit()->isHidden());
        dialog.noteEdit()->setPlainText("Course finished; sewing at home");
        dialog.accept();
        REQUIRE(dialog.savedId());
    }
    page.reload();
    const auto stored = desk.all().counselling().referralsOfLoan(officer, client.loanId);
    REQUIRE(stored);
    REQUIRE(stored->size() == 1);
    CHECK(stored->front().status() == ReferralStatus::Completed);
    CHECK(stored->front().updates.size() == 2);
    CHECK(m.index(0, ui::ReferralsModel::Status).data().toString().startsWith("Completed"));
    CHECK(m.index(0, ui::ReferralsModel::FollowUp).data().toString() == "none");
    CHECK(timelineRows(*page.timelineModel(), "Referral", "Nsambya Skills Centre").size() == 3);
    CHECK(timelineRows(*page.timelineModel(), "Referral", "completed").size() == 1);
    // A closed referral is not updated again.
    tab->referralsView()->setCurrentIndex(m.index(0, 0));
    CHECK_FALSE(update->isEnabled());
    CHECK_FALSE(tab->updateReferral());
}

TEST_CASE("An officer's referral on another officer's case is refused in words",
          "[ui][counselling][referral]") {
    DemoDesk desk;
    const auto name = desk.busiestOfficer();
    const auto officer = desk.signIn(name);
    // A case of the officer's branch that someone else (or nobody yet) works; the demo may
    // have one officer a branch, then another branch's case.
    auto other = desk.text(
        "SELECT l.loan_id FROM cases c JOIN loans l ON l.id = c.loan_pk LEFT JOIN users u ON "
        "u.id = c.assigned_to JOIN user_branches b ON b.branch = l.branch JOIN users me ON me.id "
        "= b.user_id WHERE c.status = 'open' AND me.username = '" +
        name + "' AND coalesce(u.username, '') <> '" + name + "' ORDER BY l.loan_id LIMIT 1");
    const bool sameBranch = !other.empty();
    if (!sameBranch)
        other = desk.text("SELECT l.loan_id FROM cases c JOIN loans l ON l.id = c.loan_pk JOIN "
                          "users u ON u.id = c.assigned_to WHERE c.status = 'open' AND "
                          "u.username <> '" +
                          name + "' ORDER BY l.loan_id LIMIT 1");
    REQUIRE(!other.empty());
    const auto session = desk.session(officer);

    // The case file offers no referral on a case the officer does not work (one of another
    // branch does not even open)...
    ui::CaseFilePage page(desk.services(), session);
    CHECK(page.showLoan(QString::fromStdString(other)) == sameBranch);
    if (sameBranch)
        CHECK_FALSE(page.counsellingTab()->findChild<QPushButton*>("referralButton")->isEnabled());
    // ...and the service refuses it when asked anyway: the reason is shown, the form stays.
    ui::ReferralDialog dialog(desk.services(), session, other, QStringLiteral("client"));
    dialog.organisationEdit()->setText("Mengo Hospital");
    dialog.accept();
    CHECK_FALSE(dialog.savedId());
    INFO(dialog.problem().toStdString());
    CHECK(dialog.problem().contains("permission", Qt::CaseInsensitive));
    CHECK(dialog.organisationEdit()->text() == "Mengo Hospital");
    CHECK(desk.count("SELECT count(*) FROM referrals") == 0);
}

TEST_CASE("Ctrl+Shift+C on the case file records a one-to-one session from the keyboard",
          "[ui][counselling]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto client = casesOf(desk, officer, 1).front();
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    page.resize(1100, 700);
    page.show();
    REQUIRE(page.showLoan(QString::fromStdString(client.loanId)));
    REQUIRE(activate(&page));
    bool startedEmpty = false;
    ModalDriver typeSession("rd::ui::CounsellingDialog", [&](QWidget* dialog) {
        expect(activate(dialog), "the counselling form becomes active");
        auto* topic = child<QLineEdit>(dialog, "topicEdit");
        startedEmpty = topic->text().isEmpty() && topic->hasFocus();
        QTest::keyClicks(topic, QStringLiteral("Saving for school fees"));
        QTest::keyClick(topic, Qt::Key_Return, Qt::ControlModifier);
    });
    QTest::keyClick(&page, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(typeSession.ran());
    INFO(typeSession.failure());
    CHECK(typeSession.failure().empty());
    CHECK_FALSE(typeSession.leftOpen());
    CHECK(startedEmpty);
    REQUIRE(page.counsellingTab()->sessionsModel()->rowCount() == 1);
    CHECK(page.counsellingTab()
              ->sessionsModel()
              ->index(0, ui::CounsellingSessionsModel::Kind)
              .data()
              .toString() == "One-to-one session");
    CHECK(page.message().contains("Counselling session recorded"));
    CHECK(timelineRows(*page.timelineModel(), "Counselling", "Saving for school fees").size() == 1);
}
