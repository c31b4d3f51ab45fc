#include "end_of_day_page.h"

#include "display_text.h"
#include "error_text.h"
#include "models/day_methods_model.h"
#include "models/officer_days_model.h"
#include "money_display.h"
#include "print/day_sheet_document.h"
#include "print/letterhead.h"
#include "widgets/table_view_setup.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {
namespace {

bool anyBranch(const User& user, Permission permission) {
    return std::any_of(user.branches.begin(), user.branches.end(),
                       [&](const std::string& b) { return allows(user, permission, b); });
}

// The cash counted as typed: the currency's text form, group separators allowed.
Result<Amount> parseCounted(const QString& text, const Currency& currency) {
    QString plain = text.trimmed();
    plain.remove(QLatin1Char(','));
    plain.remove(QLatin1Char(' '));
    return parseAmount(plain.toStdString(), currency.exponent);
}

} // namespace

EndOfDayPage::EndOfDayPage(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      takesPayments_(anyBranch(session.user, Permission::WorkOwnCases)),
      supervises_(anyBranch(session.user, Permission::SignOffReviews)),
      methods_(new DayMethodsModel(this)), officers_(new OfficerDaysModel(this)),
      message_(new QLabel(this)) {
    setObjectName(QStringLiteral("endOfDayPage"));
    auto* layout = new QVBoxLayout(this);
    auto* title =
        new QLabel(tr("<h2>End of day - %1</h2>").arg(displayDate(session_.businessDate)), this);
    layout->addWidget(title);
    message_->setObjectName(QStringLiteral("endOfDayMessage"));
    message_->setWordWrap(true);
    message_->hide();
    layout->addWidget(message_);
    if (takesPayments_)
        layout->addWidget(buildMyDay());
    if (supervises_)
        layout->addWidget(buildBranch(), 1);
    else
        layout->addStretch();
}

QWidget* EndOfDayPage::buildMyDay() {
    myBox_ = new QGroupBox(tr("My day"), this);
    auto* box = new QVBoxLayout(myBox_);
    state_ = new QLabel(myBox_);
    state_->setObjectName(QStringLiteral("myDayState"));
    box->addWidget(state_);
    auto* view = makeDataTable(methods_, myBox_, QStringLiteral("dayMethodsView"), false);
    view->setMaximumHeight(230);
    box->addWidget(view);
    expected_ = new QLabel(myBox_);
    expected_->setObjectName(QStringLiteral("cashExpected"));
    box->addWidget(expected_);

    auto* form = new QFormLayout;
    counted_ = new QLineEdit(myBox_);
    counted_->setObjectName(QStringLiteral("cashCountedEdit"));
    counted_->setPlaceholderText(tr("the notes and coins in the drawer"));
    difference_ = new QLabel(myBox_);
    difference_->setObjectName(QStringLiteral("cashDifference"));
    reason_ = new QLineEdit(myBox_);
    reason_->setObjectName(QStringLiteral("differenceReasonEdit"));
    reason_->setPlaceholderText(tr("needed when the cash counted differs"));
    form->addRow(tr("Cash &counted:"), counted_);
    form->addRow(tr("Difference:"), difference_);
    form->addRow(tr("&Reason for a difference:"), reason_);
    box->addLayout(form);

    close_ = new QPushButton(tr("C&lose day"), myBox_);
    close_->setObjectName(QStringLiteral("closeDayButton"));
    auto* print = new QPushButton(tr("Print day &sheet..."), myBox_);
    print->setObjectName(QStringLiteral("printDaySheetButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(close_);
    buttons->addWidget(print);
    buttons->addStretch();
    box->addLayout(buttons);

    connect(counted_, &QLineEdit::textChanged, this, &EndOfDayPage::updateDifference);
    connect(close_, &QPushButton::clicked, this,
            [this] { closeDay(counted_->text(), reason_->text()); });
    connect(print, &QPushButton::clicked, this, [this] { printDaySheet(); });
    return myBox_;
}

QWidget* EndOfDayPage::buildBranch() {
    auto* group = new QGroupBox(tr("Officers' days"), this);
    auto* box = new QVBoxLayout(group);
    officersView_ = makeDataTable(officers_, group, QStringLiteral("officerDaysView"), false);
    box->addWidget(officersView_, 1);
    signOff_ = new QPushButton(tr("Sign o&ff day"), group);
    signOff_->setObjectName(QStringLiteral("signOffDayButton"));
    reopen_ = new QPushButton(tr("Re&open day..."), group);
    reopen_->setObjectName(QStringLiteral("reopenDayButton"));
    auto* print = new QPushButton(tr("Print officer's day sheet..."), group);
    print->setObjectName(QStringLiteral("printOfficerSheetButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(signOff_);
    buttons->addWidget(reopen_);
    buttons->addWidget(print);
    buttons->addStretch();
    box->addLayout(buttons);
    connect(signOff_, &QPushButton::clicked, this, [this] {
        if (const auto* d = selectedOfficerDay())
            signOff(d->officer);
    });
    connect(reopen_, &QPushButton::clicked, this, [this] {
        const auto* d = selectedOfficerDay();
        if (!d)
            return;
        const std::string officer = d->officer;
        bool ok = false;
        const auto why = QInputDialog::getText(
            this, tr("Reopen day"),
            tr("Reopen the day %1 of %2? They can take payments on it again and close it "
               "again.\n\nReason:")
                .arg(displayDate(d->date), QString::fromStdString(d->officerName)),
            QLineEdit::Normal, {}, &ok);
        if (ok)
            reopen(officer, why);
    });
    connect(print, &QPushButton::clicked, this, [this] {
        if (const auto* d = selectedOfficerDay())
            printDaySheet(d->officer);
    });
    return group;
}

void EndOfDayPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void EndOfDayPage::reload() {
    if (takesPayments_) {
        auto day =
            services_.days->day(session_.user, session_.user.username, session_.businessDate);
        if (day)
            myDay_ = std::move(*day);
        else
            showError(day.error());
        showMyDay();
    }
    if (supervises_) {
        const std::string keep = selectedOfficerDay() ? selectedOfficerDay()->officer : "";
        auto days = services_.days->branchDays(session_.user, session_.businessDate);
        officers_->setDays(days ? std::move(*days) : std::vector<services::DeskDay>{},
                           session_.currency);
        if (!days)
            showError(days.error());
        const int row = std::max(0, officers_->rowOf(keep));
        if (officers_->rowCount() > 0)
            officersView_->setCurrentIndex(officers_->index(row, 0));
        officersView_->resizeColumnsToContents();
    }
}

void EndOfDayPage::showMyDay() {
    if (!myDay_)
        return;
    const auto& d = *myDay_;
    const auto& c = session_.currency;
    methods_->setSummary(d.summary, c);
    const bool open = d.state == DayState::Open;
    const auto* last = d.lastClose();
    QString state = tr("Your day is <b>%1</b>.").arg(dayStateText(d.state));
    if (!open && last)
        state += QLatin1Char(' ') + tr("Closed %1 with %2 counted.")
                                        .arg(session_.timeText(last->closedAt),
                                             displayMoneyWithCode(last->cashCounted, c));
    if (d.state == DayState::SignedOff)
        state +=
            QLatin1Char(' ') + tr("Signed off by %1.").arg(QString::fromStdString(last->signedBy));
    if (open && last)
        state += QLatin1Char(' ') + tr("Reopened by %1: %2.")
                                        .arg(QString::fromStdString(last->reopenedBy),
                                             QString::fromStdString(last->reopenReason));
    state_->setText(state);
    expected_->setText(
        tr("Cash expected in the drawer: <b>%1</b> (cash received less cash reversed today)")
            .arg(displayMoneyWithCode(d.summary.cashExpected, c)));
    counted_->setEnabled(open);
    reason_->setEnabled(open);
    close_->setEnabled(open);
    updateDifference();
}

void EndOfDayPage::updateDifference() {
    if (!myDay_ || !difference_)
        return;
    const auto counted = parseCounted(counted_->text(), session_.currency);
    if (counted_->text().trimmed().isEmpty() || !counted) {
        difference_->setText(counted_->text().trimmed().isEmpty()
                                 ? QString()
                                 : QString::fromStdString(counted.error().message));
        return;
    }
    const Amount diff = *counted - myDay_->summary.cashExpected;
    difference_->setText(diff == 0 ? tr("none")
                                   : tr("%1 (%2): give the reason")
                                         .arg(displayMoneyWithCode(diff, session_.currency),
                                              diff > 0 ? tr("more than expected") : tr("short")));
}

QString EndOfDayPage::differenceText() const {
    return difference_ ? difference_->text() : QString();
}

bool EndOfDayPage::closeDay(const QString& cashCounted, const QString& reason) {
    if (counted_) {
        counted_->setText(cashCounted);
        reason_->setText(reason);
    }
    const auto counted = parseCounted(cashCounted, session_.currency);
    if (!counted) {
        showMessage(tr("Cash counted: %1").arg(errorText(counted.error())), true);
        return false;
    }
    auto done = services_.days->close(session_.user, session_.businessDate, *counted,
                                      reason.trimmed().toStdString());
    if (!done) {
        showError(done.error());
        return false;
    }
    myDay_ = std::move(*done);
    showMyDay();
    reload();
    showMessage(tr("Your day %1 is closed: no more payments are taken on it. A supervisor "
                   "signs it off.")
                    .arg(displayDate(session_.businessDate)),
                false);
    return true;
}

bool EndOfDayPage::signOff(const std::string& officer) {
    auto done = services_.days->signOff(session_.user, officer, session_.businessDate);
    if (!done) {
        showError(done.error());
        return false;
    }
    reload();
    showMessage(tr("The day of %1 is signed off.").arg(QString::fromStdString(done->officerName)),
                false);
    return true;
}

bool EndOfDayPage::reopen(const std::string& officer, const QString& reason) {
    auto done = services_.days->reopen(session_.user, officer, session_.businessDate,
                                       reason.trimmed().toStdString());
    if (!done) {
        showError(done.error());
        return false;
    }
    reload();
    showMessage(tr("The day of %1 is open again: they can take payments and close it again.")
                    .arg(QString::fromStdString(done->officerName)),
                false);
    return true;
}

bool EndOfDayPage::printDaySheet(const std::optional<std::string>& officer) {
    auto day = services_.days->day(session_.user, officer.value_or(session_.user.username),
                                   session_.businessDate);
    if (!day) {
        showError(day.error());
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    setUpPage(printer, QPageSize::A4, daySheetTitle(*day));
    if (!chooser_(printer, this))
        return false;
    lastSheetHtml_ =
        daySheetHtml(*day, session_.currency, loadLetterhead(services_, session_.user), session_);
    printHtml(lastSheetHtml_, printer);
    showMessage(tr("Day sheet of %1 printed.").arg(QString::fromStdString(day->officerName)),
                false);
    return true;
}

const services::DeskDay* EndOfDayPage::selectedOfficerDay() const {
    if (!officersView_)
        return nullptr;
    const auto index = officersView_->currentIndex();
    return index.isValid() && index.row() < officers_->rowCount() ? &officers_->day(index.row())
                                                                  : nullptr;
}

void EndOfDayPage::showMessage(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(problem ? QStringLiteral("color: #b71c1c; font-weight: bold;")
                                    : QStringLiteral("color: #1b5e20; font-weight: bold;"));
    message_->show();
}

void EndOfDayPage::showError(const rd::Error& error) {
    showMessage(reportError(this, error), true);
}

QString EndOfDayPage::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

} // namespace rd::ui
