#include "counselling_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "models/counselling_models.h"
#include "services/case_query_service.h"
#include "services/counselling_service.h"
#include "widgets/dialog_keys.h"
#include "widgets/table_view_setup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

const char* kGeometryKey = "dialogs/counselling/geometry";
// How far back a session may be written up.
constexpr int kMaxDaysBack = 30;
// Clients shown for one search.
constexpr int kMaxHits = 50;

} // namespace

CounsellingDialog::CounsellingDialog(DeskServices services, const DeskSession& session,
                                     CounsellingAttendee caseClient, QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session),
      caseClient_(std::move(caseClient)), kind_(new QComboBox(this)), date_(new QDateEdit(this)),
      topic_(new QLineEdit(this)), facilitator_(new QLineEdit(this)),
      notes_(new QPlainTextEdit(this)), followUpCheck_(new QCheckBox(tr("&Follow up on:"), this)),
      followUp_(new QDateEdit(this)), picker_(new QWidget(this)), search_(new QLineEdit(this)),
      found_(new ClientListModel(this)), attendance_(new ClientListModel(this)),
      foundView_(makeDataTable(found_, this, QStringLiteral("foundClientsView"), false)),
      attendanceView_(makeDataTable(attendance_, this, QStringLiteral("attendanceView"), false)),
      oneClient_(new QLabel(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("counsellingDialog"));
    setWindowTitle(tr("Counselling session"));
    kind_->setObjectName(QStringLiteral("sessionKindBox"));
    date_->setObjectName(QStringLiteral("sessionDateEdit"));
    topic_->setObjectName(QStringLiteral("topicEdit"));
    facilitator_->setObjectName(QStringLiteral("facilitatorEdit"));
    notes_->setObjectName(QStringLiteral("sessionNotesEdit"));
    followUpCheck_->setObjectName(QStringLiteral("sessionFollowUpCheck"));
    followUp_->setObjectName(QStringLiteral("sessionFollowUpEdit"));
    search_->setObjectName(QStringLiteral("clientSearchEdit"));
    problem_->setObjectName(QStringLiteral("sessionProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    notes_->setTabChangesFocus(true);
    notes_->setMaximumHeight(90);

    for (const auto k : {SessionKind::OneToOne, SessionKind::Workshop})
        kind_->addItem(capitalised(sessionKindText(k)), static_cast<int>(k));
    const QDate business = toQDate(session_.businessDate);
    date_->setCalendarPopup(true);
    date_->setMaximumDate(business);
    date_->setMinimumDate(business.addDays(-kMaxDaysBack));
    date_->setDate(business);
    followUp_->setCalendarPopup(true);
    followUp_->setMinimumDate(business);
    followUp_->setDate(business.addDays(14));
    followUp_->setEnabled(false);
    topic_->setPlaceholderText(tr("e.g. managing a small business's cash"));
    const QString me = QString::fromStdString(
        session_.user.fullName.empty() ? session_.user.username : session_.user.fullName);
    facilitator_->setText(me);
    facilitator_->setPlaceholderText(me);
    search_->setPlaceholderText(tr("Name, client id, loan or phone, then Enter"));

    auto* form = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    row(tr("&Kind:"), kind_);
    row(tr("&Date:"), date_);
    row(tr("&Topic:"), topic_);
    row(tr("F&acilitator:"), facilitator_);
    row(tr("&Notes:"), notes_);
    form->addRow(followUpCheck_, followUp_);

    // The attendance: the case's client alone (one-to-one), or a list built by searching.
    oneClient_->setObjectName(QStringLiteral("oneToOneClient"));
    auto* find = new QPushButton(tr("F&ind"), picker_);
    auto* add = new QPushButton(tr("A&dd to attendance"), picker_);
    auto* remove = new QPushButton(tr("&Remove from attendance"), picker_);
    add->setObjectName(QStringLiteral("addAttendeeButton"));
    remove->setObjectName(QStringLiteral("removeAttendeeButton"));
    for (auto* b : {find, add, remove})
        b->setAutoDefault(false);
    auto* searchLabel = new QLabel(tr("&Search clients:"), picker_);
    searchLabel->setBuddy(search_);
    auto* grid = new QGridLayout(picker_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(searchLabel, 0, 0);
    grid->addWidget(search_, 0, 1);
    grid->addWidget(find, 0, 2);
    grid->addWidget(new QLabel(tr("Found (Enter or double-click adds):"), picker_), 1, 0, 1, 2);
    grid->addWidget(new QLabel(tr("Attendance:"), picker_), 1, 3);
    grid->addWidget(foundView_, 2, 0, 1, 3);
    grid->addWidget(attendanceView_, 2, 3);
    grid->addWidget(add, 3, 0, 1, 3, Qt::AlignRight);
    grid->addWidget(remove, 3, 3, Qt::AlignRight);
    for (auto* v : {foundView_, attendanceView_})
        v->horizontalHeader()->setSectionResizeMode(ClientListModel::Name, QHeaderView::Stretch);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(oneClient_);
    layout->addWidget(picker_, 1);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save session"));
    addSaveShortcut(this, buttons_);
    // Enter belongs to the fields (a search, a cell): only Ctrl+Enter or the button saves.
    for (auto* b : buttons_->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b)) {
            push->setDefault(false);
            push->setAutoDefault(false);
        }

    connect(buttons_, &QDialogButtonBox::accepted, this, &CounsellingDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &CounsellingDialog::reject);
    connect(kind_, &QComboBox::currentIndexChanged, this, &CounsellingDialog::kindChanged);
    connect(followUpCheck_, &QCheckBox::toggled, followUp_, &QWidget::setEnabled);
    connect(date_, &QDateEdit::dateChanged, this,
            [this](const QDate& d) { followUp_->setMinimumDate(d); });
    connect(topic_, &QLineEdit::textChanged, this, &CounsellingDialog::validate);
    connect(search_, &QLineEdit::returnPressed, this, [this] { findClients(search_->text()); });
    connect(find, &QPushButton::clicked, this, [this] { findClients(search_->text()); });
    connect(add, &QPushButton::clicked, this, [this] { addFound(); });
    connect(foundView_, &QTableView::activated, this,
            [this](const QModelIndex& index) { addFound(index.row()); });
    connect(remove, &QPushButton::clicked, this, [this] { removeAttendee(); });
    connect(attendance_, &QAbstractItemModel::rowsInserted, this, &CounsellingDialog::validate);
    connect(attendance_, &QAbstractItemModel::rowsRemoved, this, &CounsellingDialog::validate);
    connect(attendance_, &QAbstractItemModel::modelReset, this, &CounsellingDialog::validate);

    if (!caseClient_.clientId.empty())
        attendance_->setClients({caseClient_});
    oneClient_->setText(tr("Attended by the case's client: <b>%1</b> (client %2).")
                            .arg(QString::fromStdString(caseClient_.fullName).toHtmlEscaped(),
                                 QString::fromStdString(caseClient_.clientId).toHtmlEscaped()));
    kindChanged();
    resize(720, 600);
    restoreGeometry(QSettings().value(QString::fromLatin1(kGeometryKey)).toByteArray());
    topic_->setFocus();
}

CounsellingDialog::~CounsellingDialog() {
    QSettings().setValue(QString::fromLatin1(kGeometryKey), saveGeometry());
}

void CounsellingDialog::setKind(SessionKind kind) {
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(kind)));
}

SessionKind CounsellingDialog::kind() const {
    return static_cast<SessionKind>(kind_->currentData().toInt());
}

void CounsellingDialog::kindChanged() {
    const bool workshop = kind() == SessionKind::Workshop;
    picker_->setVisible(workshop);
    oneClient_->setVisible(!workshop);
    setWindowTitle(workshop ? tr("Counselling workshop") : tr("One-to-one counselling session"));
    validate();
}

void CounsellingDialog::validate() {
    QString problem;
    if (topic_->text().trimmed().isEmpty())
        problem = tr("Write the topic of the session.");
    else if (kind() == SessionKind::OneToOne && caseClient_.clientId.empty())
        problem = tr("The case's client is not on record: record a workshop and add the client "
                     "who attended.");
    else if (kind() == SessionKind::Workshop && attendance_->rowCount() == 0)
        problem = tr("Add the clients who attended: search for them and press Add to "
                     "attendance.");
    auto* save = buttons_->button(QDialogButtonBox::Save);
    save->setEnabled(problem.isEmpty());
    save->setToolTip(problem);
    problem_->setText(problem);
}

bool CounsellingDialog::findClients(const QString& text) {
    const QString typed = text.trimmed();
    if (typed.isEmpty()) {
        found_->setClients({});
        return true;
    }
    auto hits = services_.queries->searchLoans(session_.user, typed.toStdString(), kMaxHits);
    if (!hits) {
        found_->setClients({});
        problem_->setText(reportError(this, hits.error()));
        return false;
    }
    std::vector<CounsellingAttendee> clients;
    for (const auto& h : *hits)
        clients.push_back({h.clientId, h.clientName});
    found_->setClients(std::move(clients));
    if (found_->rowCount() > 0) {
        foundView_->setCurrentIndex(found_->index(0, 0));
        foundView_->setFocus();
    } else {
        problem_->setText(tr("No client found for \"%1\".").arg(typed));
    }
    return true;
}

bool CounsellingDialog::addFound(int row) {
    if (row < 0)
        row = foundView_->currentIndex().row();
    if (row < 0 || row >= found_->rowCount())
        return false;
    return attendance_->addClient(found_->row(row));
}

bool CounsellingDialog::removeAttendee(int row) {
    if (row < 0)
        row = attendanceView_->currentIndex().row();
    return attendance_->removeClient(row);
}

QString CounsellingDialog::problem() const {
    return problem_->text();
}

void CounsellingDialog::accept() {
    validate();
    if (!buttons_->button(QDialogButtonBox::Save)->isEnabled())
        return;
    std::vector<std::string> clients;
    if (kind() == SessionKind::OneToOne)
        clients.push_back(caseClient_.clientId);
    else
        for (const auto& c : attendance_->clients())
            clients.push_back(c.clientId);
    std::optional<Date> followUp;
    if (followUpCheck_->isChecked())
        followUp = toDate(followUp_->date());
    auto id = services_.counselling->addSession(
        session_.user, kind(), topic_->text().trimmed().toStdString(),
        facilitator_->text().trimmed().toStdString(), std::move(clients),
        notes_->toPlainText().trimmed().toStdString(), followUp, toDate(date_->date()));
    if (!id) {
        problem_->setText(reportError(this, id.error()));
        return;
    }
    saved_ = *id;
    QDialog::accept();
}

} // namespace rd::ui
