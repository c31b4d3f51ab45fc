#include "plan_option_panel.h"

#include "core/decimal.h"
#include "core/repayment_plan.h"
#include "display_text.h"
#include "error_text.h"
#include "money_display.h"
#include "plan_edit_command.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace rd::ui {
namespace {

enum MergeKey { Parts = 1, Percent, Installments, Every, Unit, Rate, Method, Capitalise };

// A message of the services' rules as a sentence: capital first letter, full stop.
QString sentence(const std::string& text) {
    QString s = QString::fromStdString(text).trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s[0].toUpper();
    if (!s.endsWith(u'.'))
        s += u'.';
    return s;
}

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString kindTitle(PlanKind kind) {
    switch (kind) {
    case PlanKind::Arrangement:
        return PlanOptionPanel::tr("Arrangement");
    case PlanKind::Reschedule:
        return PlanOptionPanel::tr("Reschedule");
    case PlanKind::Settlement:
        return PlanOptionPanel::tr("Settlement");
    }
    return {};
}

} // namespace

PlanOptionPanel::PlanOptionPanel(PlanKind kind, const PlanWorkbenchContext& context,
                                 QUndoStack* undo, QWidget* parent)
    : QGroupBox(kindTitle(kind), parent), kind_(kind), context_(context), undo_(undo),
      model_(new PlanEditTableModel(kind != PlanKind::Reschedule, context.file->currency, this)),
      view_(new QTableView(this)), choose_(new QRadioButton(tr("Propose this option"), this)),
      summary_(new QLabel(this)), effect_(new QLabel(this)), warnings_(new QLabel(this)),
      problemsLabel_(new QLabel(this)) {
    const QString name = kind == PlanKind::Arrangement  ? QStringLiteral("arrangement")
                         : kind == PlanKind::Reschedule ? QStringLiteral("reschedule")
                                                        : QStringLiteral("settlement");
    setObjectName(name + QStringLiteral("Option"));
    view_->setObjectName(name + QStringLiteral("Table"));
    model_->setObjectName(name + QStringLiteral("Model"));
    choose_->setObjectName(name + QStringLiteral("Choose"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectItems);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    // The number column as narrow as its numbers, the others sharing the width.
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view_->horizontalHeader()->setSectionResizeMode(PlanEditTableModel::Number,
                                                    QHeaderView::ResizeToContents);
    view_->setEditTriggers(model_->editable() ? QAbstractItemView::DoubleClicked |
                                                    QAbstractItemView::EditKeyPressed |
                                                    QAbstractItemView::AnyKeyPressed
                                              : QAbstractItemView::NoEditTriggers);
    // Plain text where no table is needed: a word-wrapped rich-text label costs a text
    // document layout at every pass of the dialog's layout.
    for (auto* label : {summary_, effect_, warnings_, problemsLabel_}) {
        label->setWordWrap(true);
        label->setTextFormat(label == summary_ ? Qt::RichText : Qt::PlainText);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    summary_->setObjectName(name + QStringLiteral("Summary"));
    effect_->setObjectName(name + QStringLiteral("Effect"));
    warnings_->setObjectName(name + QStringLiteral("Warnings"));
    problemsLabel_->setObjectName(name + QStringLiteral("Problems"));
    effect_->setStyleSheet(QStringLiteral("color: #37474f;"));
    warnings_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    problemsLabel_->setStyleSheet(QStringLiteral("color: #b71c1c;"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(choose_);
    layout->addLayout(buildTerms());
    layout->addWidget(view_, 1);
    layout->addWidget(summary_);
    layout->addWidget(effect_);
    layout->addWidget(warnings_);
    layout->addWidget(problemsLabel_);

    connect(model_, &PlanEditTableModel::editRequested, this, &PlanOptionPanel::editCell);
}

QLayout* PlanOptionPanel::buildTerms() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    const auto spin = [this](int min, int max, const QString& suffix) {
        auto* box = new QSpinBox(this);
        box->setRange(min, max);
        box->setSuffix(suffix);
        box->setKeyboardTracking(false);
        return box;
    };
    switch (kind_) {
    case PlanKind::Arrangement:
        parts_ = spin(1, 36, tr(" months"));
        parts_->setObjectName(QStringLiteral("arrangementMonths"));
        parts_->setToolTip(tr("The arrears in this many monthly parts, each with the regular "
                              "installments falling due in its month."));
        form->addRow(tr("Arrears &over"), parts_);
        connect(parts_, &QSpinBox::valueChanged, this, [this](int v) {
            PlanOptionState s = state_;
            s.parts = v;
            if (const QString why = proposedRows(s); !why.isEmpty())
                s.rows.clear();
            change(s, tr("arrangement over %n month(s)", nullptr, v), Parts);
        });
        break;
    case PlanKind::Settlement:
        percent_ = spin(1, 99, tr(" % of the balance"));
        percent_->setObjectName(QStringLiteral("settlementPercent"));
        parts_ = spin(1, 24, tr(" payment(s)"));
        parts_->setObjectName(QStringLiteral("settlementPayments"));
        parts_->setToolTip(tr("One sum a month from now, or the agreed amount in monthly "
                              "payments."));
        form->addRow(tr("Agreed a&mount"), percent_);
        form->addRow(tr("Pa&id in"), parts_);
        connect(percent_, &QSpinBox::valueChanged, this, [this](int v) {
            PlanOptionState s = state_;
            s.percent = v;
            proposedRows(s);
            change(s, tr("settlement at %1%").arg(v), Percent);
        });
        connect(parts_, &QSpinBox::valueChanged, this, [this](int v) {
            PlanOptionState s = state_;
            s.parts = v;
            proposedRows(s);
            change(s, tr("settlement in %n payment(s)", nullptr, v), Parts);
        });
        break;
    case PlanKind::Reschedule: {
        installments_ = spin(1, 120, QString());
        installments_->setObjectName(QStringLiteral("rescheduleInstallments"));
        every_ = spin(1, 12, QString());
        every_->setObjectName(QStringLiteral("rescheduleEvery"));
        unit_ = new QComboBox(this);
        unit_->setObjectName(QStringLiteral("rescheduleUnit"));
        unit_->addItem(tr("months"));
        unit_->addItem(tr("weeks"));
        rate_ = new QLineEdit(this);
        rate_->setObjectName(QStringLiteral("rescheduleRate"));
        rate_->setMaximumWidth(90);
        rate_->setPlaceholderText(tr("e.g. 24"));
        method_ = new QComboBox(this);
        method_->setObjectName(QStringLiteral("rescheduleMethod"));
        method_->addItem(tr("declining balance"));
        method_->addItem(tr("flat"));
        capitalise_ = new QCheckBox(tr("&Capitalise the unpaid interest and charges"), this);
        capitalise_->setObjectName(QStringLiteral("rescheduleCapitalise"));
        capitalise_->setToolTip(tr("Ticked: they join the principal of the new schedule. Not "
                                   "ticked: they are added to its first installment."));
        auto* every = new QHBoxLayout;
        every->addWidget(every_);
        every->addWidget(unit_);
        every->addStretch();
        auto* rate = new QHBoxLayout;
        rate->addWidget(rate_);
        rate->addWidget(new QLabel(tr("% a year,"), this));
        rate->addWidget(method_);
        rate->addStretch();
        // A row of several fields: its label names the first one as its buddy.
        const auto label = [this](const QString& text, QWidget* buddy) {
            auto* l = new QLabel(text, this);
            l->setBuddy(buddy);
            return l;
        };
        form->addRow(tr("&Installments"), installments_);
        form->addRow(label(tr("&Every"), every_), every);
        form->addRow(label(tr("&Rate"), rate_), rate);
        form->addRow(capitalise_);
        connect(installments_, &QSpinBox::valueChanged, this, [this](int v) {
            PlanOptionState s = state_;
            s.installments = v;
            change(s, tr("reschedule in %n installment(s)", nullptr, v), Installments);
        });
        connect(every_, &QSpinBox::valueChanged, this, [this](int v) {
            PlanOptionState s = state_;
            s.every = v;
            change(s, tr("reschedule every %1").arg(v), Every);
        });
        connect(unit_, &QComboBox::currentIndexChanged, this, [this](int i) {
            PlanOptionState s = state_;
            s.months = i == 0;
            change(s, tr("reschedule in %1").arg(unit_->itemText(i)), Unit);
        });
        connect(rate_, &QLineEdit::editingFinished, this, [this] {
            if (rate_->text().trimmed() == state_.rate)
                return;
            PlanOptionState s = state_;
            s.rate = rate_->text().trimmed();
            change(s, tr("rate %1%").arg(s.rate), Rate);
        });
        connect(method_, &QComboBox::currentIndexChanged, this, [this](int i) {
            PlanOptionState s = state_;
            s.flat = i == 1;
            change(s, tr("%1 interest").arg(method_->itemText(i)), Method);
        });
        connect(capitalise_, &QCheckBox::toggled, this, [this](bool on) {
            PlanOptionState s = state_;
            s.capitalise = on;
            change(s, on ? tr("capitalise the arrears") : tr("arrears in the first installment"),
                   Capitalise);
        });
        break;
    }
    }
    if (model_->editable()) {
        addRow_ = new QPushButton(tr("Add row"), this);
        removeRow_ = new QPushButton(tr("Remove row"), this);
        addRow_->setObjectName(objectName() + QStringLiteral("AddRow"));
        removeRow_->setObjectName(objectName() + QStringLiteral("RemoveRow"));
        for (auto* b : {addRow_, removeRow_})
            b->setFocusPolicy(Qt::TabFocus);
        auto* rows = new QHBoxLayout;
        rows->addWidget(addRow_);
        rows->addWidget(removeRow_);
        rows->addStretch();
        form->addRow(rows);
        connect(addRow_, &QPushButton::clicked, this, &PlanOptionPanel::addRow);
        connect(removeRow_, &QPushButton::clicked, this, &PlanOptionPanel::removeRow);
    }
    return form;
}

QString PlanOptionPanel::proposedRows(PlanOptionState& s) const {
    std::vector<PlanInstallment> rows;
    if (kind_ == PlanKind::Arrangement) {
        auto split = context_.services.plans->arrangementFor(
            context_.session->user, context_.file->loan.loanId, context_.start, s.parts, 1, true);
        if (!split)
            return errorText(split.error());
        rows = std::move(*split);
    } else if (kind_ == PlanKind::Settlement) {
        const Amount agreed =
            divideRoundHalfEven(static_cast<WideAmount>(context_.balance) * s.percent, 100);
        rows = proposeSettlement(agreed, context_.start, s.parts, 1, true);
    }
    s.rows.clear();
    for (const auto& r : rows)
        s.rows.push_back(
            {planDateText(r.dueDate), displayMoney(r.amount, context_.file->currency)});
    return {};
}

void PlanOptionPanel::initialise() {
    PlanOptionState s;
    s.rate = QStringLiteral("24");
    if (kind_ == PlanKind::Arrangement)
        s.parts = 6;
    else if (kind_ == PlanKind::Settlement)
        s.parts = 1;
    if (const QString why = proposedRows(s); !why.isEmpty())
        s.rows.clear();
    applyState(s);
}

void PlanOptionPanel::change(PlanOptionState after, const QString& what, int mergeKey) {
    if (after == state_)
        return;
    undo_->push(new PlanEditCommand(this, state_, std::move(after),
                                    tr("%1: %2").arg(kindTitle(kind_), what), mergeKey));
}

void PlanOptionPanel::applyState(const PlanOptionState& state) {
    state_ = state;
    const auto set = [](QSpinBox* box, int value) {
        if (box) {
            const QSignalBlocker block(box);
            box->setValue(value);
        }
    };
    set(parts_, state_.parts);
    set(percent_, state_.percent);
    set(installments_, state_.installments);
    set(every_, state_.every);
    if (unit_) {
        const QSignalBlocker block(unit_);
        unit_->setCurrentIndex(state_.months ? 0 : 1);
    }
    if (method_) {
        const QSignalBlocker block(method_);
        method_->setCurrentIndex(state_.flat ? 1 : 0);
    }
    if (rate_) {
        const QSignalBlocker block(rate_);
        rate_->setText(state_.rate);
    }
    if (capitalise_) {
        const QSignalBlocker block(capitalise_);
        capitalise_->setChecked(state_.capitalise);
    }
    recompute();
}

void PlanOptionPanel::editCell(int row, int column, const QString& text) {
    if (row < 0 || static_cast<std::size_t>(row) >= state_.rows.size())
        return;
    PlanOptionState s = state_;
    auto& r = s.rows[static_cast<std::size_t>(row)];
    if (column == PlanEditTableModel::DueDate) {
        r.dueDate = text;
        change(s, tr("date of installment %1").arg(row + 1));
    } else if (column == PlanEditTableModel::Amount) {
        r.amount = text;
        change(s, tr("amount of installment %1").arg(row + 1));
    }
}

void PlanOptionPanel::addRow() {
    PlanOptionState s = state_;
    PlanRowText row;
    const QDate last =
        s.rows.empty() ? toQDate(context_.start) : parsePlanDate(s.rows.back().dueDate);
    if (last.isValid())
        row.dueDate = planDateText(toDate(last.addMonths(1)));
    s.rows.push_back(row);
    change(s, tr("add installment %1").arg(s.rows.size()));
    view_->setCurrentIndex(model_->index(model_->rowCount() - 1, PlanEditTableModel::Amount));
    view_->setFocus();
}

void PlanOptionPanel::removeRow() {
    if (state_.rows.empty())
        return;
    const QModelIndex current = view_->currentIndex();
    const std::size_t row =
        current.isValid() ? static_cast<std::size_t>(current.row()) : state_.rows.size() - 1;
    PlanOptionState s = state_;
    s.rows.erase(s.rows.begin() + static_cast<std::ptrdiff_t>(row));
    change(s, tr("remove installment %1").arg(row + 1));
}

services::PlanProposal PlanOptionPanel::proposal() const {
    services::PlanProposal p;
    p.loanId = context_.file->loan.loanId;
    p.kind = kind_;
    p.start = context_.start;
    if (kind_ == PlanKind::Reschedule) {
        ScheduleInput in;
        if (auto rate = parseDecimal(state_.rate.toStdString()))
            in.ratePercent = *rate;
        in.ratePer = RatePer::Year;
        in.method = state_.flat ? InterestMethod::Flat : InterestMethod::Declining;
        in.amortization = Amortization::EqualInstallments;
        in.dayCount = DayCount::Thirty360;
        in.every = state_.every;
        in.unit = state_.months ? PeriodUnit::Months : PeriodUnit::Weeks;
        in.installments = state_.installments;
        in.start = context_.start;
        p.reschedule = in;
        p.capitalise = state_.capitalise;
        return p;
    }
    // Text that is not a date or an amount stands in as the day after the previous date and
    // as 0 (its own cell says what is wrong), so that the other rows are still checked.
    Date previous = context_.start;
    const int exponent = context_.file->currency.exponent;
    for (std::size_t i = 0; i < state_.rows.size(); ++i) {
        const auto& r = state_.rows[i];
        PlanInstallment in;
        in.n = static_cast<int>(i) + 1;
        const QDate date = parsePlanDate(r.dueDate);
        in.dueDate = date.isValid() ? toDate(date) : previous.addDays(1);
        previous = in.dueDate;
        auto amount = parseAmountInput(r.amount, exponent);
        in.amount = amount ? *amount : 0;
        p.installments.push_back(in);
    }
    return p;
}

void PlanOptionPanel::recompute() {
    problems_.clear();
    draft_.reset();
    PlanEditTableModel::CellProblems cells;
    const auto& currency = context_.file->currency;
    // The officer's own text first: what is not a date or an amount at all.
    if (model_->editable()) {
        for (std::size_t i = 0; i < state_.rows.size(); ++i) {
            const auto& r = state_.rows[i];
            const int row = static_cast<int>(i);
            if (r.dueDate.isEmpty())
                cells[{row, PlanEditTableModel::DueDate}] = tr("Enter the due date.");
            else if (!parsePlanDate(r.dueDate).isValid())
                cells[{row, PlanEditTableModel::DueDate}] =
                    tr("\"%1\" is not a date: type it like %2.")
                        .arg(r.dueDate, planDateText(context_.start.addDays(30)));
            if (r.amount.isEmpty())
                cells[{row, PlanEditTableModel::Amount}] = tr("Enter the amount.");
            else if (auto a = parseAmountInput(r.amount, currency.exponent); !a)
                cells[{row, PlanEditTableModel::Amount}] = sentence(a.error().message);
        }
    }
    bool terms = true;
    if (kind_ == PlanKind::Reschedule && !parseDecimal(state_.rate.toStdString())) {
        problems_ << tr("Rate: give the yearly interest rate in percent, e.g. 24 or 18.5.");
        terms = false;
    }
    std::vector<PlanEditTableModel::Row> rows;
    if (terms) {
        auto d = context_.services.plans->draft(context_.session->user, proposal(),
                                                context_.session->businessDate);
        if (!d) {
            QString text = errorText(d.error());
            if (d.error().fact("field") == "installments")
                text = tr("Installments: %1").arg(text);
            else if (d.error().fact("field") == "rate")
                text = tr("Rate: %1").arg(text);
            problems_ << text;
        } else {
            draft_ = std::move(*d);
            for (const auto& p : draft_->problems) {
                const int column = p.column == "due_date" ? PlanEditTableModel::DueDate
                                   : p.column == "amount" ? PlanEditTableModel::Amount
                                                          : PlanEditTableModel::Number;
                if (p.row) {
                    const std::pair<int, int> cell{static_cast<int>(*p.row), column};
                    if (!cells.count(cell))
                        cells[cell] = sentence(p.message);
                } else {
                    problems_ << sentence(p.message);
                }
            }
        }
    }
    if (kind_ == PlanKind::Settlement && draft_) {
        const Amount agreed =
            divideRoundHalfEven(static_cast<WideAmount>(context_.balance) * state_.percent, 100);
        if (draft_->total < agreed)
            problems_ << tr("The payments add up to %1, less than the agreed %2 (%3% of the "
                            "balance): raise an amount or lower the percentage.")
                             .arg(displayMoneyWithCode(draft_->total, currency),
                                  displayMoneyWithCode(agreed, currency))
                             .arg(state_.percent);
    }
    if (model_->editable()) {
        for (const auto& r : state_.rows)
            rows.push_back({r, 0, 0});
    } else if (draft_) {
        for (const auto& in : draft_->installments)
            rows.push_back({{planDateText(in.dueDate), displayMoney(in.amount, currency)},
                            in.parts.principal,
                            in.parts.interest + in.parts.fees + in.parts.penalties});
    }
    // Every problem of a cell is listed under the table as well, by installment.
    QStringList cellTexts;
    for (const auto& [cell, text] : cells)
        cellTexts << tr("Installment %1: %2").arg(cell.first + 1).arg(text);
    problems_ = cellTexts + problems_;
    model_->setRows(std::move(rows), std::move(cells));
    if (removeRow_)
        removeRow_->setEnabled(!state_.rows.empty());

    summary_->setText(summaryHtml());
    effect_->setText(draft_ ? effectText() : QString());
    QStringList warnings;
    if (draft_) {
        for (const auto& w : draft_->warnings)
            warnings << sentence(w);
        if (draft_->needsAffordabilityReason)
            warnings << (!draft_->budget ? tr("The client has no budget: proposing this needs "
                                              "a written reason for the approver.")
                         : !draft_->allowedMonthly
                             ? tr("The budget shows no surplus: proposing this needs a "
                                  "written reason for the approver.")
                             : tr("More than the client can afford each month: proposing "
                                  "this needs a written reason for the approver."));
    }
    warnings_->setText(warnings.join(u'\n'));
    warnings_->setVisible(!warnings.isEmpty());
    problemsLabel_->setText(problems_.join(u'\n'));
    problemsLabel_->setVisible(!problems_.isEmpty());
    emit recomputed();
}

QString PlanOptionPanel::summaryHtml() const {
    if (!draft_)
        return {};
    const auto& d = *draft_;
    const auto& c = context_.file->currency;
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
            .arg(esc(label), esc(value));
    };
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(tr("Total to pay"), displayMoneyWithCode(d.total, c));
    html += row(tr("Amount waived"), displayMoneyWithCode(d.waived, c));
    QString share;
    if (d.budget && d.budget->surplus() > 0) {
        const Amount percent = divideRoundHalfEven(static_cast<WideAmount>(d.monthlyAmount) * 100,
                                                   d.budget->surplus());
        share =
            tr("%1 a month, %2% of the surplus").arg(displayMoney(d.monthlyAmount, c)).arg(percent);
    } else {
        share = tr("%1 a month (no surplus to measure it against)")
                    .arg(displayMoney(d.monthlyAmount, c));
    }
    html += row(tr("Heaviest month"), share);
    html += row(
        tr("Approval"),
        d.approvalsNeeded > 1
            ? tr("two different supervisors (waiver above %1)").arg(displayMoney(d.waiverLimit, c))
            : tr("one supervisor of the branch"));
    html += QStringLiteral("</table>");
    return html;
}

QString PlanOptionPanel::effectText() const {
    const auto& d = *draft_;
    const auto& f = *context_.file;
    const auto& c = f.currency;
    switch (kind_) {
    case PlanKind::Arrangement: {
        const QString bucket =
            f.bucket.empty() ? loanStatusText(f.position.status) : QString::fromStdString(f.bucket);
        return tr("What it does to the loan: nothing changes on its schedule, its days past due "
                  "(%1, %2) or its bucket; the client pays the arrears of %3 in these parts "
                  "with the installments falling due, and each part is scored like a promise "
                  "(%4 days' grace). While it is kept the case stays off the call list except "
                  "the day before each part; a part not paid puts it at the top.")
            .arg(f.position.daysPastDue)
            .arg(bucket, displayMoneyWithCode(d.arrears, c))
            .arg(context_.graceDays);
    }
    case PlanKind::Reschedule:
        return tr("What it does to the loan: from %1 it follows this new schedule of %2 and "
                  "its days past due become 0 (arrears of %3 now). The unpaid interest and "
                  "charges of %4 %5. It is reported as restructured (in watch) until %n "
                  "installment(s) of the new schedule are paid.",
                  nullptr, context_.watchInstallments)
            .arg(displayDate(d.start), displayMoneyWithCode(d.rescheduledAmount, c),
                 displayMoneyWithCode(d.arrears, c),
                 displayMoneyWithCode(
                     std::max<Amount>(0, d.balance - f.position.outstandingPrincipal), c),
                 state_.capitalise ? tr("join the principal (capitalised)")
                                   : tr("are added to the first new installment"));
    case PlanKind::Settlement: {
        if (d.installments.empty())
            return {};
        const Date deadline = d.installments.back().dueDate.addDays(context_.graceDays);
        return tr("What it does to the loan: when the client has paid %1 by %2 (the last "
                  "date and %3 days' grace), the loan closes as settled and %4 is waived. Until "
                  "then its figures do not change; if it is not paid in full by then, nothing "
                  "is waived.")
            .arg(displayMoneyWithCode(d.total, c), displayDate(deadline))
            .arg(context_.graceDays)
            .arg(displayMoneyWithCode(d.waived, c));
    }
    }
    return {};
}

} // namespace rd::ui
