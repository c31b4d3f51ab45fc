#include "plans_tab.h"

#include "error_text.h"
#include "models/plan_history_model.h"
#include "models/plan_installments_model.h"
#include "money_display.h"
#include "plan_text.h"
#include "print/letterhead.h"
#include "print/plan_confirmation_document.h"
#include "widgets/table_view_setup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace rd::ui {

PlansTab::PlansTab(DeskServices services, const DeskSession& session, QWidget* parent)
    : QWidget(parent), services_(std::move(services)), session_(session),
      history_(new PlanHistoryModel(this)), installments_(new PlanInstallmentsModel(this)),
      historyView_(makeDataTable(history_, this, QStringLiteral("planHistoryView"), false)),
      installmentsView_(
          makeDataTable(installments_, this, QStringLiteral("planInstallmentsView"), false)),
      summary_(new QLabel(this)),
      print_(new QPushButton(tr("Print &confirmation (Ctrl+Alt+P)..."), this)) {
    setObjectName(QStringLiteral("plansTab"));
    summary_->setObjectName(QStringLiteral("planSummary"));
    summary_->setWordWrap(true);
    print_->setObjectName(QStringLiteral("printPlanButton"));
    historyView_->horizontalHeader()->setStretchLastSection(true);
    installmentsView_->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(summary_, 1);
    buttons->addWidget(print_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(installmentsView_, 3);
    layout->addWidget(new QLabel(tr("<b>Plans of this loan</b>"), this));
    layout->addWidget(historyView_, 2);

    connect(print_, &QPushButton::clicked, this, &PlansTab::printConfirmation);
    auto* printKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P), this);
    printKey->setContext(Qt::WidgetWithChildrenShortcut);
    printKey->setWhatsThis(tr("print the selected plan's confirmation (case file, plans)"));
    connect(printKey, &QShortcut::activated, this, &PlansTab::printConfirmation);
    connect(historyView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlansTab::showSelected);
    showSelected();
}

Result<void> PlansTab::load(const services::CaseFile& file) {
    file_ = file;
    auto plans = services_.plans->list(session_.user, file.loan.loanId, std::nullopt, file.asOf);
    history_->setPlans(plans ? std::move(*plans) : std::vector<services::PlanView>{}, file.currency,
                       file.fullNames);
    if (history_->rowCount() > 0) {
        const int active = history_->activeRow();
        historyView_->setCurrentIndex(history_->index(active < 0 ? 0 : active, 0));
    }
    showSelected();
    historyView_->resizeColumnsToContents();
    installmentsView_->resizeColumnsToContents();
    if (!plans)
        return plans.error();
    return {};
}

const services::PlanView* PlansTab::selected() const {
    const auto index = historyView_->currentIndex();
    return index.isValid() ? &history_->plan(index.row()) : nullptr;
}

QString PlansTab::summary() const {
    return summary_->text();
}

void PlansTab::showSelected() {
    const auto* v = selected();
    print_->setEnabled(v && planConfirmable(*v));
    print_->setToolTip(v && !planConfirmable(*v)
                           ? tr("A confirmation is printed for an active or completed plan.")
                           : QString());
    if (!v || !file_) {
        installments_->clear();
        summary_->setText(tr("No repayment plan was proposed for this loan."));
        return;
    }
    installments_->setPlan(*v, &file_->ledger.payments, file_->asOf, file_->currency);
    const auto& p = v->plan;
    const auto& c = file_->currency;
    QString text =
        tr("Plan %1, %2: %3.")
            .arg(QString::number(p.id), planKindText(p.kind), planStatusLine(v->status, p));
    if (v->activatedOn) {
        text += QLatin1Char(' ') + tr("Approved on %1; paid towards it %2 of %3.")
                                       .arg(displayDate(*v->activatedOn),
                                            displayMoneyWithCode(v->score.paid, c),
                                            displayMoneyWithCode(p.total, c));
        if (v->status == PlanStatus::Active && v->score.next &&
            *v->score.next < p.installments.size()) {
            const auto& next = p.installments[*v->score.next];
            text += QLatin1Char(' ') +
                    tr("Next: %1 due %2.")
                        .arg(displayMoneyWithCode(next.amount, c), displayDate(next.dueDate));
        }
        if (v->score.brokenOn)
            text += QLatin1Char(' ') + tr("Broken on %1.").arg(displayDate(*v->score.brokenOn));
    } else {
        text +=
            QLatin1Char(' ') + tr("Total %1; not approved.").arg(displayMoneyWithCode(p.total, c));
    }
    if (history_->activeRow() < 0)
        text = tr("No active plan. ") + text;
    summary_->setText(text);
}

bool PlansTab::printConfirmation() {
    const auto* v = selected();
    if (!v || !file_) {
        emit message(tr("There is no plan on this loan to confirm."), true);
        return false;
    }
    if (!planConfirmable(*v)) {
        emit message(tr("Plan %1 is %2: a confirmation is printed for an active or completed "
                        "plan only.")
                         .arg(QString::number(v->plan.id), planStatusText(v->status)),
                     true);
        return false;
    }
    QPrinter printer(QPrinter::HighResolution);
    setUpPage(printer, QPageSize::A4, planConfirmationTitle(*v));
    if (!chooser_(printer, this))
        return false;
    lastHtml_ =
        planConfirmationHtml({*v, file_->currency, loadLetterhead(services_, session_.user),
                              file_->fullNames, session_.timeText(session_.clock.isoNow())});
    printHtml(lastHtml_, printer);
    emit message(tr("Confirmation of plan %1 printed.").arg(v->plan.id), false);
    return true;
}

} // namespace rd::ui
