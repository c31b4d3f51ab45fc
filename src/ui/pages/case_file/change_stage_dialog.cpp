#include "change_stage_dialog.h"

#include "display_text.h"
#include "widgets/dialog_keys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <algorithm>

namespace rd::ui {

ChangeStageDialog::ChangeStageDialog(const services::CaseFile& file, QWidget* parent)
    : QDialog(parent), stages_(new QComboBox(this)), note_(new QPlainTextEdit(this)),
      problem_(new QLabel(this)) {
    setObjectName(QStringLiteral("changeStageDialog"));
    setWindowTitle(tr("Change stage"));
    for (auto st : {CaseStage::Early, CaseStage::Collection, CaseStage::PreLegal, CaseStage::Legal,
                    CaseStage::PostWriteOff})
        if (!file.caseRecord || st != file.caseRecord->stage)
            stages_->addItem(stageText(st), static_cast<int>(st));
    stages_->setObjectName(QStringLiteral("stageBox"));
    // The case may already be in the suggested stage: then the first other stage, never
    // nothing (an empty choice would read as the first stage's number).
    stages_->setCurrentIndex(std::max(0, stages_->findData(static_cast<int>(file.suggestedStage))));
    note_->setObjectName(QStringLiteral("stageNote"));
    note_->setTabChangesFocus(true);
    auto* form = new QFormLayout(this);
    form->addRow(new QLabel(tr("Suggested by DPD: %1. Moving to legal needs a supervisor's "
                               "approval: an officer's move becomes a request.")
                                .arg(stageText(file.suggestedStage)),
                            this));
    form->addRow(tr("New &stage"), stages_);
    form->addRow(tr("&Why"), note_);
    problem_->setObjectName(QStringLiteral("stageProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    problem_->setWordWrap(true);
    form->addRow(problem_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons_);
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (problem_->text().isEmpty())
            accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(stages_, &QComboBox::currentIndexChanged, this, &ChangeStageDialog::validate);
    connect(note_, &QPlainTextEdit::textChanged, this, &ChangeStageDialog::validate);
    validate();
}

void ChangeStageDialog::validate() {
    // Legal action is asked for or taken only with a reason, as the supervisor decides with one.
    const bool missing = stage() == CaseStage::Legal && note().trimmed().isEmpty();
    problem_->setText(missing ? tr("Write why the case should go to legal action.") : QString());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!missing);
}

QString ChangeStageDialog::problem() const {
    return problem_->text();
}

CaseStage ChangeStageDialog::stage() const {
    return static_cast<CaseStage>(stages_->currentData().toInt());
}

QString ChangeStageDialog::note() const {
    return note_->toPlainText();
}

} // namespace rd::ui
