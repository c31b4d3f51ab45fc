#include "screenshots.h"

#include "desk_session.h"
#include "dialogs/budget_dialog.h"
#include "dialogs/counselling_dialog.h"
#include "dialogs/feasibility_dialog.h"
#include "dialogs/log_contact_dialog.h"
#include "dialogs/plan_workbench/plan_workbench_dialog.h"
#include "dialogs/sign_in_dialog.h"
#include "dialogs/take_payment_dialog.h"
#include "display_text.h"
#include "main_window.h"
#include "models/budget_lines_model.h"
#include "models/counselling_models.h"
#include "pages/admin_page.h"
#include "pages/call_list_page.h"
#include "pages/case_file/legal_tab.h"
#include "pages/case_file/plans_tab.h"
#include "pages/case_file/security_tab.h"
#include "pages/case_file_page.h"
#include "pages/cases_page.h"
#include "pages/plan_approvals_page.h"
#include "pages/search_page.h"
#include "pages/team_page.h"
#include "services/call_list_service.h"
#include "services/case_actions_service.h"
#include "services/case_service.h"
#include "services/contact_service.h"
#include "services/desk_services.h"
#include "services/legal_service.h"
#include "services/payment_service.h"
#include "services/plan_service.h"
#include "services/portfolio_service.h"
#include "services/settings_service.h"
#include "services/user_service.h"
#include "widgets/background_work.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPixmap>
#include <QSpinBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

namespace rd::app {
namespace {

constexpr int kMinuteOfDay = 10 * 60 + 30;

bool save(QWidget* widget, const QString& dir, const QString& name) {
    QApplication::processEvents();
    const QString path = dir + u'/' + name + QStringLiteral(".png");
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

// Before anyone signs in, the screenshots read and prepare the portfolio as the local
// operator (the role of a tool run on the database file).
std::vector<User> enabledUsers(const ui::DeskServices& services) {
    std::vector<User> users;
    if (auto list = services.users->list(localOperator()))
        for (const auto& u : *list)
            if (!u.user.disabled)
                users.push_back(u.user);
    return users;
}

std::optional<User> busiestOfficer(const ui::DeskServices& services, Date date) {
    std::optional<User> best;
    std::size_t most = 0;
    for (const auto& user : enabledUsers(services)) {
        if (user.role != Role::Officer)
            continue;
        auto list = services.callList->forOfficer(localOperator(), user.username, date);
        if (list && list->items.size() > most) {
            most = list->items.size();
            best = user;
        }
    }
    return best;
}

// A morning's work on the first cases of the officer's list, through the same services the
// screens use.
void workTheMorning(const ui::DeskServices& s, const User& officer, Date date) {
    auto list = s.callList->forOfficer(officer, officer.username, date);
    if (!list || list->items.size() < 4)
        return;
    const auto& items = list->items;
    services::NewContact promise;
    promise.loanId = items[1].entry.loanId;
    promise.at = DateTime{date, 9 * 60 + 5};
    promise.outcome = ContactOutcome::Promised;
    promise.note = "Client sells at the market on Fridays; will pay after the market day.";
    promise.promiseAmount = items[1].entry.position.arrears.total() / 2;
    promise.promiseDate = date.addDays(3);
    promise.nextActionOn = date.addDays(4);
    s.contacts->addContact(officer, promise);

    services::NewContact noAnswer;
    noAnswer.loanId = items[2].entry.loanId;
    noAnswer.at = DateTime{date, 9 * 60 + 20};
    noAnswer.outcome = ContactOutcome::NoAnswer;
    noAnswer.nextActionOn = date.addDays(1);
    s.contacts->addContact(officer, noAnswer);

    services::NewDeskPayment payment;
    payment.loanId = items[3].entry.loanId;
    payment.amount = items[3].entry.position.arrears.total() / 3;
    payment.method = PaymentMethod::MobileMoney;
    payment.reference = "MM-7731902";
    payment.paidOn = date;
    s.payments->takePayment(officer, payment, date);

    for (const auto& item : items)
        if (item.entry.stage == CaseStage::PreLegal) {
            s.actions->requestLegal(officer, item.entry.loanId,
                                    "No payment for 4 months, refuses every plan; guarantor "
                                    "unreachable.",
                                    date);
            break;
        }
}

// The plans of the morning, through the services the plan screens use: on the officer's
// next cases with arrears, an arrangement the supervisor rejects and the longer one approved
// (its first installment paid today), a settlement waiving more than the limit with one of
// its two approvals, and an arrangement without a budget waiting. Returns the loan of the
// approved plan and the settlement's plan ("" / 0 when the list is too short).
struct MorningPlans {
    std::string activeLoan;
    std::int64_t settlement = 0;
};
MorningPlans planTheMorning(const ui::DeskServices& s, const User& officer, const User& supervisor,
                            Date date) {
    MorningPlans made;
    // A refusal is said (the screens would show less than they should), the rest goes on.
    const auto said = [](const auto& result, const char* what) {
        if (!result)
            std::fprintf(stderr, "screenshots: %s: %s\n", what, result.error().message.c_str());
        return result.ok();
    };
    auto list = s.callList->forOfficer(officer, officer.username, date);
    if (!said(list, "call list"))
        return made;
    std::vector<std::string> loans;
    for (std::size_t i = 4; i < list->items.size() && loans.size() < 3; ++i)
        if (list->items[i].entry.position.status == LoanStatus::Active &&
            list->items[i].entry.position.arrears.total() > 0)
            loans.push_back(list->items[i].entry.loanId);
    if (loans.size() < 3) {
        std::fprintf(stderr, "screenshots: too few cases with arrears for the plans\n");
        return made;
    }
    const auto budget = [&](const std::string& loan, Amount income, Amount rent, Amount food) {
        auto file = s.cases->caseFile(officer, loan, date);
        if (said(file, "case file") && file->client)
            said(s.plans->setBudget(officer, file->client->clientId,
                                    {{true, "Shop takings", income},
                                     {true, "Spouse's wages", income / 3},
                                     {false, "Rent", rent},
                                     {false, "Food and school fees", food}},
                                    date, "Worked out with the client at the shop."),
                 "budget");
    };
    const auto arrangement = [&](const std::string& loan, int parts, std::string reason) {
        services::PlanProposal p;
        p.loanId = loan;
        p.kind = PlanKind::Arrangement;
        auto installments = s.plans->arrangementFor(officer, loan, date, parts, 1, true);
        if (!said(installments, "arrangement"))
            return std::int64_t{0};
        p.installments = *installments;
        p.note = "Client's shop lost stock in the October floods; trade is picking up.";
        p.affordabilityReason = std::move(reason);
        auto view = s.plans->propose(officer, p, date);
        return said(view, "propose") ? view->plan.id : std::int64_t{0};
    };

    budget(loans[0], 900'000, 250'000, 300'000);
    if (const auto id = arrangement(loans[0], 2, "the stock loan from the family comes next week"))
        said(s.plans->reject(supervisor, id,
                             "Two months is too short for this client: spread it over four.", date),
             "reject");
    if (const auto id = arrangement(loans[0], 4, "the shop's takings rise for the holidays")) {
        auto approved = s.plans->approve(supervisor, id, "Affordable against the budget.", date);
        if (said(approved, "approve") && !approved->plan.installments.empty()) {
            services::NewDeskPayment payment;
            payment.loanId = loans[0];
            payment.amount = approved->plan.installments.front().amount;
            payment.method = PaymentMethod::MobileMoney;
            payment.reference = "MM-7731955";
            payment.paidOn = date;
            said(s.payments->takePayment(officer, payment, date), "payment");
            made.activeLoan = loans[0];
        }
    }

    budget(loans[1], 600'000, 200'000, 250'000);
    services::PlanProposal settle;
    settle.loanId = loans[1];
    settle.kind = PlanKind::Settlement;
    settle.installments = {{1, date.addDays(21), 1, {}}};
    settle.note = "Client's brother pays the settlement from the sale of a plot.";
    settle.affordabilityReason = "paid by the client's brother, not from the household budget";
    auto draft = s.plans->draft(officer, settle, date);
    if (said(draft, "draft") && draft->balance > 0) {
        settle.installments[0].amount = draft->balance * 6 / 10;
        auto view = s.plans->propose(officer, settle, date);
        if (said(view, "propose settlement")) {
            made.settlement = view->plan.id;
            said(s.plans->approve(supervisor, view->plan.id,
                                  "A fair offer; the plot sale agreement is on file.", date),
                 "approve settlement");
        }
    }
    arrangement(loans[2], 3, "no budget yet: the client was not at the shop");
    return made;
}

// The administrator's page: users, settings (one changed, to show it bold) and the dry run of
// a small export of the core banking system.
bool adminScreens(const ui::DeskServices& s, ui::DeskSession session, const QString& temp,
                  const QString& dir) {
    std::optional<User> admin;
    for (const auto& user : enabledUsers(s))
        if (user.username == "admin")
            admin = user;
    if (!admin)
        return true;
    session.user = *admin;
    s.settings->change(*admin, "max_attempts_per_day", "4");
    ui::MainWindow window(s, session);
    window.resize(1366, 768);
    window.show();
    // The first page (Cases) loads in the background: the screenshots show the desk at rest.
    window.backgroundWork()->waitForIdle();
    window.showPage(QStringLiteral("adminPage"));
    auto* page = window.findChild<ui::AdminPage*>();
    if (!page)
        return false;
    page->tabs()->setCurrentIndex(ui::AdminPage::UsersTab);
    page->selectUser(QStringLiteral("admin"));
    if (!save(&window, dir, QStringLiteral("11-admin-users")))
        return false;
    page->tabs()->setCurrentIndex(ui::AdminPage::SettingsTab);
    if (!save(&window, dir, QStringLiteral("12-admin-settings")))
        return false;
    const QString folder = temp + QStringLiteral("/core-banking-export");
    QDir().mkpath(folder);
    QFile clients(folder + QStringLiteral("/clients.csv"));
    if (!clients.open(QIODevice::WriteOnly))
        return false;
    clients.write("client_id,full_name,branch,phone\n"
                  "CNEW0001,Grace Atim,Gulu,+256772100001\n"
                  "CNEW0002,Joseph Ssempa,Kampala Central,+256772100002\n"
                  "CNEW0003,Esther Nabirye,Jinja,+256772100003\n");
    clients.close();
    page->tabs()->setCurrentIndex(ui::AdminPage::ImportTab);
    page->folderEdit()->setText(folder);
    window.backgroundWork()->waitForIdle();
    page->checkFolder();
    window.backgroundWork()->waitForIdle();
    return save(&window, dir, QStringLiteral("13-admin-import"));
}

// The budget worksheet of the case's client, a revision of the one from a visit two weeks
// before (the school fees rose), and a workshop with three clients; neither is saved.
bool counsellingScreens(const ui::DeskServices& s, const ui::DeskSession& session,
                        const services::CaseFile& file, QWidget* parent, const QString& dir) {
    if (!file.client)
        return true;
    const auto& client = *file.client;
    s.plans->setBudget(session.user, client.clientId,
                       {{true, "Market stall takings", 420000},
                        {true, "Husband's casual work", 150000},
                        {false, "Rent", 120000},
                        {false, "Food", 210000},
                        {false, "School fees", 90000},
                        {false, "Transport", 45000}},
                       session.businessDate.addDays(-14), "Figures from the visit to the stall.");
    {
        ui::BudgetDialog dialog(s, session, client.clientId,
                                QString::fromStdString(client.fullName), file.currency, parent);
        auto* model = dialog.model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->lines()[static_cast<std::size_t>(row)].name == "School fees")
                model->setData(model->index(row, ui::BudgetLinesModel::Monthly),
                               QStringLiteral("150000"));
        dialog.noteEdit()->setText(QStringLiteral("School fees up for the new term."));
        dialog.show();
        if (!save(&dialog, dir, QStringLiteral("19-budget-worksheet")))
            return false;
    }
    ui::CounsellingDialog dialog(s, session, {client.clientId, client.fullName}, parent);
    dialog.setKind(SessionKind::Workshop);
    dialog.topicEdit()->setText(QStringLiteral("Keeping the business's cash apart"));
    dialog.notesEdit()->setPlainText(
        QStringLiteral("Cash books handed out; each client writes a week of takings."));
    dialog.followUpCheck()->setChecked(true);
    dialog.followUpEdit()->setDate(ui::toQDate(session.businessDate.addDays(14)));
    dialog.searchEdit()->setText(QStringLiteral("Nakato"));
    dialog.findClients(dialog.searchEdit()->text());
    for (int row = 0; row < dialog.foundModel()->rowCount() && row < 2; ++row)
        dialog.addFound(row);
    dialog.show();
    return save(&dialog, dir, QStringLiteral("20-counselling"));
}

// The feasibility of legal action on the case as the officer weighs it: the costs of a
// magistrate's court case and a fair chance (not saved), and the Legal and costs tab of a
// demo case that went to court, as its officer sees it.
bool legalScreens(const ui::DeskServices& s, ui::DeskSession session,
                  const services::CaseFile& file, QWidget* parent, const QString& dir) {
    {
        ui::FeasibilityDialog dialog(s, session, file, parent);
        dialog.costEdit(0)->setText(QStringLiteral("85,000"));
        dialog.costEdit(1)->setText(QStringLiteral("300,000"));
        dialog.costEdit(3)->setText(QStringLiteral("40,000"));
        dialog.chanceBox()->setValue(60);
        dialog.show();
        if (!save(&dialog, dir, QStringLiteral("22-feasibility")))
            return false;
    }
    const auto sessions = s.legal->calendar(localOperator(), session.businessDate.addDays(-90),
                                            session.businessDate.addDays(90));
    if (!sessions || sessions->empty())
        return true;
    const auto& entry = sessions->front();
    for (const auto& user : enabledUsers(s))
        if (user.username == entry.officer)
            session.user = user;
    if (session.user.username != entry.officer)
        return true;
    ui::MainWindow window(s, session);
    window.resize(1366, 768);
    window.show();
    window.openCase(QString::fromStdString(entry.loanId));
    auto* page = window.caseFilePage();
    page->tabs()->setCurrentWidget(page->legalTab());
    const bool ok = save(&window, dir, QStringLiteral("23-case-file-legal"));
    window.backgroundWork()->waitForIdle();
    return ok;
}

} // namespace

bool renderScreenshots(const QString& databasePath, Date businessDate, const QString& dir) {
    QTemporaryDir temp;
    const QString copy = temp.path() + QStringLiteral("/screenshots.db");
    if (!temp.isValid() || !QFile::copy(databasePath, copy)) {
        std::fprintf(stderr, "cannot copy %s to a temporary folder\n", qPrintable(databasePath));
        return false;
    }
    // The desk's clock stands at 10:30 on the business date: the contacts, receipts and
    // audit records the screenshots show do not depend on when they were made.
    const Clock clock = ui::fixedLocalClock(businessDate, kMinuteOfDay);
    auto opened = services::Services::open(copy.toStdString(), {}, clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return false;
    }
    services::Services& all = **opened;
    const auto info = all.portfolio().info();
    if (!info || !info->demoPortfolio) {
        std::fprintf(stderr, "screenshots are made from a demo database only (recoverydesk-cli "
                             "demo)\n");
        return false;
    }
    const ui::DeskServices s = ui::deskServices(all);
    ui::DeskSession session;
    session.businessDate = businessDate;
    session.currency = info->currency.value_or(Currency{"UGX", 0});
    session.demoDatabase = true;
    session.clock = clock;
    session.timeZone = ui::institutionTimeZone(info->timeZone);
    QDir().mkpath(dir);
    all.cases().recompute(localOperator(), businessDate);

    {
        ui::SignInDialog signIn(all.users(), clock);
        signIn.usernameEdit()->setText(QStringLiteral("rec.kampala-central"));
        signIn.resize(460, 300);
        if (!save(&signIn, dir, QStringLiteral("01-sign-in")))
            return false;
    }
    const auto officer = busiestOfficer(s, businessDate);
    if (!officer) {
        std::fprintf(stderr, "no officer of the demo database has a call list\n");
        return false;
    }
    workTheMorning(s, *officer, businessDate);
    session.user = *officer;
    {
        ui::MainWindow window(s, session);
        window.resize(1366, 768);
        window.show();
        if (!save(&window, dir, QStringLiteral("02-call-list")))
            return false;
        auto* list = window.callListPage();
        const auto loans = list->visibleLoans();
        if (loans.isEmpty())
            return false;
        emit list->openCase(loans.front());
        if (!save(&window, dir, QStringLiteral("03-case-file-timeline")))
            return false;
        auto* file = window.caseFilePage();
        file->tabs()->setCurrentIndex(1);
        if (!save(&window, dir, QStringLiteral("04-case-file-schedule")))
            return false;
        file->tabs()->setCurrentIndex(file->tabs()->indexOf(file->securityTab()));
        if (!save(&window, dir, QStringLiteral("21-case-file-guarantors")))
            return false;
        file->tabs()->setCurrentIndex(0);
        {
            ui::LogContactDialog dialog(s, session, *file->caseFile(), &window);
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("05-log-contact")))
                return false;
        }
        {
            ui::TakePaymentDialog dialog(s, session, *file->caseFile(), &window);
            dialog.amountEdit()->setText(QStringLiteral("50000"));
            dialog.methodBox()->setCurrentIndex(1);
            dialog.referenceEdit()->setText(QStringLiteral("MM-7731902"));
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("06-take-payment")))
                return false;
        }
        {
            // The client's budget as the officer took it down, then the three options.
            const auto& f = *file->caseFile();
            s.plans->setBudget(*officer, f.ledger.terms.clientId,
                               {{true, "Market stall", 900000},
                                {true, "Casual work", 150000},
                                {false, "Household", 520000},
                                {false, "School fees", 180000}},
                               businessDate, "taken down on the call");
            ui::PlanWorkbenchDialog dialog(s, session, f, &window);
            if (!dialog.load()) {
                std::fprintf(stderr, "plan workbench: %s\n", dialog.error()->message.c_str());
                return false;
            }
            dialog.resize(1366, 768);
            dialog.noteEdit()->setText(QStringLiteral("Client agreed to clear the arrears over "
                                                      "six months from the stall's takings"));
            dialog.reasonEdit()->setText(QStringLiteral("Her husband's wages (about UGX 300,000 "
                                                        "a month) are not in the budget yet"));
            dialog.show();
            if (!save(&dialog, dir, QStringLiteral("16-plan-workbench")))
                return false;
        }
        if (!counsellingScreens(s, session, *file->caseFile(), &window, dir))
            return false;
        if (!legalScreens(s, session, *file->caseFile(), &window, dir))
            return false;
        window.showPage(QStringLiteral("casesPage"));
        window.backgroundWork()->waitForIdle();
        if (!save(&window, dir, QStringLiteral("07-cases")))
            return false;
        window.showPage(QStringLiteral("searchPage"));
        window.searchPage()->searchEdit()->setText(QStringLiteral("Nakato"));
        window.searchPage()->search(QStringLiteral("Nakato"));
        if (!save(&window, dir, QStringLiteral("08-search")))
            return false;
        window.showPage(QStringLiteral("promisesPage"));
        if (!save(&window, dir, QStringLiteral("09-promises")))
            return false;
        window.showPage(QStringLiteral("endOfDayPage"));
        if (!save(&window, dir, QStringLiteral("14-end-of-day")))
            return false;
        window.backgroundWork()->waitForIdle();
    }

    // The supervisor of the officer's branch.
    for (const auto& user : enabledUsers(s)) {
        if (user.role != Role::Supervisor || !user.worksIn(officer->branches.front()))
            continue;
        session.user = user;
        const MorningPlans plans = planTheMorning(s, *officer, user, businessDate);
        ui::MainWindow supervisor(s, session);
        supervisor.resize(1366, 768);
        supervisor.show();
        supervisor.showPage(QStringLiteral("teamPage"));
        if (!save(&supervisor, dir, QStringLiteral("10-team")))
            return false;
        supervisor.showPage(QStringLiteral("endOfDayPage"));
        if (!save(&supervisor, dir, QStringLiteral("15-end-of-day-supervisor")))
            return false;
        supervisor.showPage(QStringLiteral("planApprovalsPage"));
        if (auto* approvals = supervisor.findChild<ui::PlanApprovalsPage*>())
            approvals->selectPlan(plans.settlement);
        if (!save(&supervisor, dir, QStringLiteral("17-plan-approvals")))
            return false;
        if (!plans.activeLoan.empty()) {
            supervisor.openCase(QString::fromStdString(plans.activeLoan));
            supervisor.caseFilePage()->tabs()->setCurrentWidget(
                supervisor.caseFilePage()->plansTab());
            if (!save(&supervisor, dir, QStringLiteral("18-case-file-plans")))
                return false;
        }
        supervisor.backgroundWork()->waitForIdle();
        break;
    }
    if (!adminScreens(s, session, temp.path(), dir))
        return false;
    return true;
}

} // namespace rd::app
