// Plain words on screen (issue 8): no internal codes, snake_case keys or JSON; the audit
// trail in sentences with money and local times, newest first; every audit action the
// storage and services can write has a sentence; the settings in words; the stage list
// complete; times in the institution's time zone.
#include "audit_text.h"
#include "dialogs/admin_dialogs.h"
#include "display_text.h"
#include "models/audit_model.h"
#include "models/case_promises_model.h"
#include "models/receipts_model.h"
#include "models/settings_model.h"
#include "models/user_model.h"
#include "money_display.h"
#include "pages/admin/settings_tab.h"
#include "pages/case_file/case_header.h"
#include "pages/case_file/change_stage_dialog.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <catch2/catch.hpp>
#include <set>

using namespace rd;
using namespace rd::uitest;

namespace {

// snake_case codes ("mobile_money", "fewest_open_cases") and backticks.
const QRegularExpression kCode(QStringLiteral("[a-z]+_[a-z_]+|`"));

std::string fullNameOf(const DemoDesk& desk, const std::string& username) {
    return desk.text("SELECT full_name FROM users WHERE username = '" + username + "'");
}

QString personOf(const DemoDesk& desk, const std::string& username) {
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(fullNameOf(desk, username)),
                                         QString::fromStdString(username));
}

struct Worked {
    std::string officer;
    std::string supervisor;
    std::string loan;
};

// A case worked through the services: a contact with a promise, a mobile-money payment with a
// reference and a cash payment, the cash one reversed by the supervisor, a note, a legal
// request rejected with a comment.
Worked workACase(DemoDesk& desk) {
    Worked w;
    w.officer = desk.busiestOfficer();
    w.supervisor = desk.supervisorOf(w.officer);
    const auto officer = desk.signIn(w.officer);
    const auto supervisor = desk.signIn(w.supervisor);
    const auto list = desk.callList().forOfficer(officer, w.officer, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    w.loan = list->items.front().entry.loanId;
    services::NewContact call;
    call.loanId = w.loan;
    call.at = DateTime{businessDate(), 9 * 60};
    call.outcome = ContactOutcome::Promised;
    call.promiseAmount = 30000;
    call.promiseDate = Date::parse("2026-12-01").value();
    call.nextActionOn = Date::parse("2026-12-02").value();
    REQUIRE(desk.contacts().addContact(officer, call));
    services::NewDeskPayment pay;
    pay.loanId = w.loan;
    pay.amount = 20000;
    pay.method = PaymentMethod::MobileMoney;
    pay.reference = "MM-778";
    pay.paidOn = businessDate();
    REQUIRE(desk.payments().takePayment(officer, pay, businessDate()));
    pay.amount = 10000;
    pay.method = PaymentMethod::Cash;
    pay.reference.clear();
    REQUIRE(desk.payments().takePayment(officer, pay, businessDate()));
    REQUIRE(desk.payments().reverse(supervisor, 2, "counterfeit note", businessDate()));
    REQUIRE(
        desk.actions().addNote(officer, w.loan, "visited the shop", std::nullopt, businessDate()));
    assessForLegal(desk.all(), officer, w.loan);
    const auto request =
        desk.actions().requestLegal(officer, w.loan, "no payment since June", businessDate());
    REQUIRE(request);
    REQUIRE(desk.actions().decideApproval(supervisor, *request, false, "try a visit first",
                                          businessDate()));
    return w;
}

// The action names a service or storage source file writes to audit_log: the string
// literals of each audit call (audit(...), auditCase(...)) and of each INSERT INTO
// audit_log(...), up to the end of the statement; entity names, keys and values left out.
std::set<QString> actionsWrittenBySources() {
    static const std::set<QString> notActions = {
        QStringLiteral("case"), QStringLiteral("cases"), QStringLiteral("setting"),
        QStringLiteral("database"), QStringLiteral("portfolio"), QStringLiteral("user"),
        QStringLiteral("demo_portfolio"), QStringLiteral("open"), QStringLiteral("desk_day"),
        // JSON keys written inline in an audit call (the end of day's sign-off and reopening)
        QStringLiteral("reason"), QStringLiteral("signed_by"), QStringLiteral("state"),
        // entities and before-states of the plan actions
        QStringLiteral("plan"), QStringLiteral("client"), QStringLiteral("active"),
        QStringLiteral("proposed")};
    const QRegularExpression call(QStringLiteral("\\baudit\\w*\\s*\\("));
    const QRegularExpression literal(QStringLiteral("[\"']([a-z][a-z_]*)[\"']"));
    std::set<QString> out;
    const QString src = QStringLiteral(RD_TEST_DATA_DIR "/../../src");
    for (const char* folder : {"services", "storage"}) {
        const QDir dir(src + u'/' + QLatin1String(folder));
        for (const auto& name : dir.entryList({QStringLiteral("*.cpp")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            REQUIRE(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            auto calls = call.globalMatch(text);
            while (calls.hasNext()) {
                const auto m = calls.next();
                const auto end = text.indexOf(u';', m.capturedEnd());
                const QString statement = text.mid(m.capturedEnd(), end - m.capturedEnd());
                auto literals = literal.globalMatch(statement);
                while (literals.hasNext()) {
                    const QString word = literals.next().captured(1);
                    if (!notActions.count(word))
                        out.insert(word);
                }
            }
        }
    }
    return out;
}

} // namespace

TEST_CASE("the audit trail says who did what in sentences, newest first, at local times",
          "[ui][words][audit]") {
    DemoDesk desk;
    const auto w = workACase(desk);
    const auto supervisor = desk.signIn(w.supervisor);
    const auto session = desk.session(supervisor);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(w.loan)));
    const auto* model = page.auditModel();
    REQUIRE(model->rowCount() >= 8);

    QStringList sentences;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString what = model->index(row, ui::AuditModel::What).data().toString();
        const QString when = model->index(row, ui::AuditModel::At).data().toString();
        INFO(what.toStdString());
        CHECK_FALSE(what.contains(u'{'));
        CHECK_FALSE(what.contains(QLatin1String("minor")));
        CHECK_FALSE(what.contains(kCode));
        CHECK_FALSE(when.contains(u'Z'));
        CHECK(when == session.timeText(model->row(row).at));
        if (row > 0)
            CHECK(model->row(row - 1).id > model->row(row).id);
        sentences << what;
    }
    for (int c = 0; c < model->columnCount(); ++c)
        CHECK_FALSE(model->headerData(c, Qt::Horizontal).toString().contains(QLatin1String("UTC")));

    const QString officer = personOf(desk, w.officer);
    const QString boss = personOf(desk, w.supervisor);
    const auto money = [&](Amount a) { return ui::displayMoneyWithCode(a, session.currency); };
    // Newest first: the rejected request is the last thing done.
    CHECK(sentences.front() ==
          QStringLiteral("%1 rejected the request of %2 to move the case to legal. Comment: try "
                         "a visit first")
              .arg(boss, officer));
    const auto has = [&](const QString& text) {
        INFO(text.toStdString());
        CHECK(sentences.filter(text).size() == 1);
    };
    has(QStringLiteral("%1 took a payment of %2 by mobile money, receipt DESK-000001, "
                       "reference MM-778.")
            .arg(officer, money(20000)));
    has(QStringLiteral("%1 reversed the payment DESK-000002 of %2. Reason: counterfeit note")
            .arg(boss, money(10000)));
    has(QStringLiteral("%1 asked a supervisor to move the case to legal. Reason: no payment "
                       "since June")
            .arg(officer));
    has(QStringLiteral("%1 added a note: visited the shop").arg(officer));
    has(QStringLiteral("%1 logged a contact: Call, Client: Promised to pay").arg(officer));
    has(QStringLiteral("Promise: %1 by %2.")
            .arg(money(30000), ui::displayDate(Date::parse("2026-12-01").value())));
    // The recompute that made the demo opened and assigned the case (the command line's
    // local operator ran it).
    CHECK(sentences.back().startsWith(QStringLiteral("Case opened automatically: ")));
    CHECK(sentences.back().contains(QStringLiteral("days past due")));
    CHECK(sentences.back().contains(QStringLiteral("Local operator (recoverydesk-cli)")));
    CHECK(sentences
              .filter(QRegularExpression(QStringLiteral("^Assigned to .+\\(fewest open "
                                                        "cases\\)")))
              .size() == 1);
}

TEST_CASE("every audit action the storage and services write has a sentence",
          "[ui][words][audit]") {
    const auto written = actionsWrittenBySources();
    // The scan finds the actions (so it cannot quietly find nothing).
    for (const char* known : {"add_contact", "take_payment", "import", "change_setting",
                              "open_case", "assign_case", "lock_user", "sign_in_failed"})
        CHECK(written.count(QString::fromLatin1(known)) == 1);
    const auto& words = ui::auditActionsWithSentences();
    for (const auto& action : written) {
        INFO(action.toStdString());
        CHECK(words.contains(action));
    }

    // And every action in a worked demo database (the trail of every entity) reads as a
    // sentence without codes.
    DemoDesk desk;
    workACase(desk);
    for (const auto& action : desk.column("SELECT DISTINCT action FROM audit_log")) {
        INFO(action);
        CHECK(words.contains(QString::fromStdString(action)));
    }
}

TEST_CASE("an audit action without a sentence of its own still reads as words",
          "[ui][words][audit]") {
    AuditEntry e;
    e.id = 1;
    e.at = "2026-11-27T07:30:00Z";
    e.actor = "rec.kampala-central";
    e.action = "waive_penalty_fee";
    e.before = R"({"penalty_minor":250000,"due_on":"2026-11-01"})";
    e.after = R"({"penalty_minor":0,"approved":true,"note":null})";
    ui::AuditWords words;
    words.currency = Currency{"UGX", 0};
    words.fullNames["rec.kampala-central"] = "Amina Okello";
    const QString s = ui::auditSentence(e, words);
    INFO(s.toStdString());
    CHECK(s.startsWith(QStringLiteral("Amina Okello (rec.kampala-central): waive penalty fee")));
    CHECK(s.contains(ui::displayMoneyWithCode(250000, words.currency)));
    CHECK(s.contains(ui::displayDate(Date::parse("2026-11-01").value())));
    CHECK_FALSE(s.contains(u'{'));
    CHECK_FALSE(s.contains(u'"'));
    CHECK_FALSE(s.contains(kCode));
}

TEST_CASE("the settings page names each setting in words and describes it without codes",
          "[ui][words][settings]") {
    DemoDesk desk;
    const auto admin = desk.signIn("admin");
    auto session = desk.session(admin);
    ui::AdminSettingsTab tab(desk.services(), session);
    tab.reload();
    const auto* model = tab.model();
    REQUIRE(model->rowCount() >= 10);
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto key = model->index(row, 0).data(ui::SettingsModel::KeyRole).toString();
        INFO(key.toStdString());
        for (int c = 0; c < model->columnCount(); ++c) {
            const auto text = model->index(row, c).data().toString();
            INFO(text.toStdString());
            CHECK_FALSE(text.contains(kCode));
            CHECK_FALSE(model->index(row, c).data(Qt::ToolTipRole).toString().contains(kCode));
        }
        CHECK_FALSE(model->index(row, ui::SettingsModel::Description).data().toString().isEmpty());
    }
    const int hours = model->rowOfKey(QStringLiteral("contact_hours"));
    REQUIRE(hours >= 0);
    CHECK(model->index(hours, ui::SettingsModel::Key).data().toString() == "Contact hours");
    const int rule = model->rowOfKey(QStringLiteral("case_assignment"));
    REQUIRE(rule >= 0);
    CHECK(model->index(rule, ui::SettingsModel::Value).data().toString() == "Fewest open cases");

    // A change is reported with the setting's name.
    ModalDriver edit("rd::ui::EditSettingDialog", [](QWidget* w) {
        auto* d = static_cast<ui::EditSettingDialog*>(w);
        d->valueEdit()->setText(QStringLiteral("08:30-19:00"));
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    });
    tab.editSetting(QStringLiteral("contact_hours"));
    REQUIRE(edit.ran());
    CHECK(edit.failure().empty());
    CHECK(tab.findChild<QLabel*>(QStringLiteral("settingsMessage"))->text() ==
          QStringLiteral("Contact hours is now 08:30-19:00."));
}

TEST_CASE("a locked user's lock ends at the institution's local time", "[ui][words][users]") {
    DemoDesk desk;
    const auto admin = desk.signIn("admin");
    const auto name = desk.busiestOfficer();
    const auto now = desk.all().clock().now();
    for (int i = 0; i < services::kMaxFailedSignIns; ++i)
        REQUIRE_FALSE(desk.users().authenticate(name, "not the password", now));
    auto users = desk.users().list(admin);
    REQUIRE(users);
    ui::UserModel model;
    model.setTimeZone(ui::institutionTimeZone("Africa/Kampala"));
    model.setUsers(*users);
    const int row = model.rowOfUser(QString::fromStdString(name));
    REQUIRE(row >= 0);
    REQUIRE(model.user(row).lockedUntil);
    const auto until = *model.user(row).lockedUntil;
    CHECK(model.index(row, ui::UserModel::Status).data().toString() ==
          QStringLiteral("locked until %1")
              .arg(ui::displayUtcTime(until, ui::institutionTimeZone("Africa/Kampala"))));
    model.setTimeZone(ui::institutionTimeZone("Europe/London"));
    CHECK(model.index(row, ui::UserModel::Status).data().toString() ==
          QStringLiteral("locked until %1")
              .arg(ui::displayUtcTime(until, ui::institutionTimeZone("Europe/London"))));
}

TEST_CASE("the change stage list offers every other stage in the words of the rest of the "
          "desk",
          "[ui][words][stage]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto officer = desk.signIn(officerName);
    const auto list = desk.callList().forOfficer(officer, officerName, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    auto file = desk.cases().caseFile(officer, list->items.front().entry.loanId, businessDate());
    REQUIRE(file);
    REQUIRE(file->caseRecord);
    std::vector<CaseStage> stages;
    for (const char* code : {"early", "collection", "pre-legal", "legal", "post-write-off"})
        stages.push_back(parseCaseStage(code).value());
    for (const auto current : stages) {
        // The case in each stage, the DPD suggesting that same stage.
        file->caseRecord->stage = current;
        file->suggestedStage = current;
        ui::ChangeStageDialog dialog(*file);
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("stageBox"));
        REQUIRE(box);
        QStringList offered;
        for (int i = 0; i < box->count(); ++i)
            offered << box->itemText(i);
        QStringList expected;
        for (const auto st : stages)
            if (st != current)
                expected << ui::stageText(st);
        INFO(ui::stageText(current).toStdString());
        CHECK(offered == expected);
        CHECK(box->currentIndex() >= 0);
        CHECK(dialog.stage() != current);
    }
    CHECK(ui::stageCodeText("pre-legal") == QStringLiteral("Pre-legal"));
}

TEST_CASE("the case header, receipts and payments say statuses, reasons and methods in words",
          "[ui][words][case_file]") {
    DemoDesk desk;
    const auto w = workACase(desk);
    const auto officer = desk.signIn(w.officer);
    auto file = desk.cases().caseFile(officer, w.loan, businessDate());
    REQUIRE(file);
    REQUIRE(file->caseRecord);

    ui::CaseHeader header;
    header.setFile(*file);
    const auto next = header.findChild<QLabel*>(QStringLiteral("caseHeaderNext"))->text();
    CHECK(next.contains(QStringLiteral("Follow-up")));
    CHECK(next.contains(personOf(desk, w.officer)));
    CHECK_FALSE(next.contains(kCode));
    // A paid-off loan and its closed case.
    file->caseRecord->open = false;
    file->caseRecord->closedOn = businessDate();
    file->caseRecord->closeReason = "paid";
    file->bucket.clear();
    file->position.status = LoanStatus::PaidOff;
    header.setFile(*file);
    const auto loan = header.findChild<QLabel*>(QStringLiteral("caseHeaderLoan"))->text();
    const auto closed = header.findChild<QLabel*>(QStringLiteral("caseHeaderNext"))->text();
    CHECK(loan.contains(QStringLiteral("(paid off)")));
    CHECK(closed.contains(QStringLiteral("(paid off)")));
    CHECK_FALSE((loan + closed).contains(kCode));

    ui::ReceiptsModel receipts;
    const auto loanReceipts = desk.payments().receiptsForLoan(officer, w.loan);
    REQUIRE(loanReceipts);
    receipts.setReceipts(*loanReceipts, file->currency);
    QStringList methods;
    for (int row = 0; row < receipts.rowCount(); ++row)
        methods << receipts.index(row, ui::ReceiptsModel::Method).data().toString();
    CHECK(methods.contains(QStringLiteral("Mobile money")));
    ui::LoanPaymentsModel payments;
    payments.setPayments(file->ledger.payments, businessDate(), file->currency);
    for (int row = 0; row < payments.rowCount(); ++row)
        CHECK_FALSE(
            payments.index(row, ui::LoanPaymentsModel::Method).data().toString().contains(kCode));
}
