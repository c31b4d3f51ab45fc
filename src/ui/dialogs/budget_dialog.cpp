#include "budget_dialog.h"

#include "display_text.h"
#include "error_text.h"
#include "models/budget_lines_model.h"
#include "money_display.h"
#include "services/plan_service.h"
#include "widgets/dialog_keys.h"
#include "widgets/table_view_setup.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

const char* kGeometryKey = "dialogs/budgetWorksheet/geometry";

} // namespace

BudgetDialog::BudgetDialog(DeskServices services, const DeskSession& session, std::string clientId,
                           const QString& clientName, Currency currency, QWidget* parent)
    : QDialog(parent), services_(std::move(services)), session_(session),
      clientId_(std::move(clientId)), currency_(std::move(currency)),
      model_(new BudgetLinesModel(currency_, true, this)),
      view_(makeDataTable(model_, this, QStringLiteral("budgetLinesView"), false)),
      income_(new QLabel(this)), expenses_(new QLabel(this)), surplus_(new QLabel(this)),
      note_(new QLineEdit(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("budgetDialog"));
    setWindowTitle(tr("Budget worksheet - %1").arg(clientName));
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    view_->setSelectionBehavior(QAbstractItemView::SelectItems);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->horizontalHeader()->setSectionResizeMode(BudgetLinesModel::Name, QHeaderView::Stretch);
    income_->setObjectName(QStringLiteral("budgetIncome"));
    expenses_->setObjectName(QStringLiteral("budgetExpenses"));
    surplus_->setObjectName(QStringLiteral("budgetSurplus"));
    note_->setObjectName(QStringLiteral("budgetNote"));
    problem_->setObjectName(QStringLiteral("budgetProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    note_->setPlaceholderText(tr("e.g. figures from the visit to the shop; wife's salary added"));

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("budgetIntro"));

    auto latest = services_.plans->latestBudget(session_.user, clientId_, session_.businessDate);
    if (latest && *latest) {
        previous_ = **latest;
        model_->setLines(previous_->lines);
        note_->setText(QString::fromStdString(previous_->note));
        intro->setText(tr("<b>%1</b> (client %2). Starts from the worksheet of %3: change what "
                          "is different and save; it is kept as a new worksheet dated %4, the "
                          "old one stays in the history.")
                           .arg(clientName.toHtmlEscaped(),
                                QString::fromStdString(clientId_).toHtmlEscaped(),
                                displayDate(previous_->date), displayDate(session_.businessDate)));
    } else {
        model_->setLines({BudgetLine{true, {}, 0}, BudgetLine{false, {}, 0}});
        intro->setText(tr("<b>%1</b> (client %2). No worksheet yet: list what the household "
                          "earns and spends in a month. Saved dated %3.")
                           .arg(clientName.toHtmlEscaped(),
                                QString::fromStdString(clientId_).toHtmlEscaped(),
                                displayDate(session_.businessDate)));
        if (!latest)
            showProblem(reportError(this, latest.error()));
    }

    auto* addIncome = new QPushButton(tr("Add &income line (Alt+I)"), this);
    auto* addExpense = new QPushButton(tr("Add e&xpense line (Alt+X)"), this);
    auto* remove = new QPushButton(tr("&Remove line (Ctrl+Del)"), this);
    addIncome->setObjectName(QStringLiteral("addIncomeButton"));
    addExpense->setObjectName(QStringLiteral("addExpenseButton"));
    remove->setObjectName(QStringLiteral("removeLineButton"));
    for (auto* b : {addIncome, addExpense, remove})
        b->setAutoDefault(false);
    connect(addIncome, &QPushButton::clicked, this, [this] { addLine(true); });
    connect(addExpense, &QPushButton::clicked, this, [this] { addLine(false); });
    connect(remove, &QPushButton::clicked, this, &BudgetDialog::removeSelected);
    auto* removeKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete), this);
    connect(removeKey, &QShortcut::activated, this, &BudgetDialog::removeSelected);

    auto* lineButtons = new QHBoxLayout;
    lineButtons->addWidget(addIncome);
    lineButtons->addWidget(addExpense);
    lineButtons->addStretch();
    lineButtons->addWidget(remove);

    auto* totals = new QFormLayout;
    totals->addRow(tr("Income a month:"), income_);
    totals->addRow(tr("Expenses a month:"), expenses_);
    totals->addRow(tr("Surplus a month:"), surplus_);
    auto* noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(note_);
    totals->addRow(noteLabel, note_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(view_, 1);
    layout->addLayout(lineButtons);
    layout->addLayout(totals);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save worksheet"));
    addSaveShortcut(this, buttons_);
    // Enter belongs to the fields (a search, a cell): only Ctrl+Enter or the button saves.
    for (auto* b : buttons_->buttons())
        if (auto* push = qobject_cast<QPushButton*>(b)) {
            push->setDefault(false);
            push->setAutoDefault(false);
        }
    connect(buttons_, &QDialogButtonBox::accepted, this, &BudgetDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &BudgetDialog::reject);

    connect(model_, &BudgetLinesModel::totalsChanged, this, &BudgetDialog::updateTotals);
    connect(model_, &BudgetLinesModel::amountRejected, this, &BudgetDialog::showProblem);
    connect(model_, &QAbstractItemModel::dataChanged, this, [this] { problem_->clear(); });
    updateTotals();
    view_->resizeColumnToContents(BudgetLinesModel::Kind);
    view_->resizeColumnToContents(BudgetLinesModel::Monthly);
    resize(640, 520);
    restoreGeometry(QSettings().value(QString::fromLatin1(kGeometryKey)).toByteArray());
    view_->setFocus();
    if (model_->rowCount() > 0)
        view_->setCurrentIndex(model_->index(0, BudgetLinesModel::Name));
}

BudgetDialog::~BudgetDialog() {
    QSettings().setValue(QString::fromLatin1(kGeometryKey), saveGeometry());
}

void BudgetDialog::addLine(bool income) {
    const int row = model_->addLine(income);
    const auto index = model_->index(row, BudgetLinesModel::Name);
    view_->setCurrentIndex(index);
    view_->setFocus();
    view_->edit(index);
}

void BudgetDialog::removeSelected() {
    const auto index = view_->currentIndex();
    if (index.isValid())
        model_->removeLine(index.row());
}

void BudgetDialog::updateTotals() {
    income_->setText(displayMoneyWithCode(model_->income(), currency_));
    expenses_->setText(displayMoneyWithCode(model_->expenses(), currency_));
    const Amount surplus = model_->surplus();
    if (surplus < 0) {
        surplus_->setText(tr("%1: the household spends more than it earns")
                              .arg(displayMoneyWithCode(surplus, currency_)));
        surplus_->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    } else {
        surplus_->setText(displayMoneyWithCode(surplus, currency_));
        surplus_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    }
}

void BudgetDialog::showProblem(const QString& text) {
    problem_->setText(text);
}

QString BudgetDialog::problem() const {
    return problem_->text();
}
QString BudgetDialog::incomeText() const {
    return income_->text();
}
QString BudgetDialog::expensesText() const {
    return expenses_->text();
}
QString BudgetDialog::surplusText() const {
    return surplus_->text();
}

void BudgetDialog::accept() {
    // A cell still being edited (Ctrl+Enter pressed in it) is taken first: moving the focus
    // out of its editor commits it, and a refused amount is shown and keeps the form open.
    if (QWidget* focus = focusWidget(); focus && focus != view_ && view_->isAncestorOf(focus)) {
        problem_->clear();
        buttons_->button(QDialogButtonBox::Save)->setFocus();
        if (!problem_->text().isEmpty())
            return;
    }
    // Lines left quite empty (no name, nothing a month) are dropped; every other line goes to
    // the service, which says what is wrong with it.
    std::vector<BudgetLine> lines;
    for (const auto& l : model_->lines())
        if (!QString::fromStdString(l.name).trimmed().isEmpty() || l.monthly != 0)
            lines.push_back(l);
    auto saved =
        services_.plans->setBudget(session_.user, clientId_, std::move(lines),
                                   session_.businessDate, note_->text().trimmed().toStdString());
    if (!saved) {
        showProblem(reportError(this, saved.error()));
        return;
    }
    saved_ = *saved;
    QDialog::accept();
}

} // namespace rd::ui
