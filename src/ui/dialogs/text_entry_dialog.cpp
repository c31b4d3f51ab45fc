#include "text_entry_dialog.h"

#include "widgets/dialog_keys.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {

TextEntryDialog::TextEntryDialog(Form form, QWidget* parent)
    : QDialog(parent), form_(std::move(form)), edit_(new QPlainTextEdit(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("textEntryDialog"));
    setWindowTitle(form_.title);
    auto* layout = new QVBoxLayout(this);
    if (!form_.details.isEmpty()) {
        auto* details = new QLabel(form_.details, this);
        details->setObjectName(QStringLiteral("textEntryDetails"));
        details->setWordWrap(true);
        details->setTextFormat(Qt::RichText);
        layout->addWidget(details);
    }
    auto* label = new QLabel(form_.label, this);
    label->setBuddy(edit_);
    label->setWordWrap(true);
    layout->addWidget(label);
    edit_->setObjectName(QStringLiteral("textEntryEdit"));
    edit_->setTabChangesFocus(true);
    edit_->setPlainText(form_.initial);
    edit_->setMinimumHeight(90);
    layout->addWidget(edit_, 1);
    problem_->setObjectName(QStringLiteral("textEntryProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    problem_->setWordWrap(true);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    if (!form_.saveText.isEmpty())
        buttons_->button(QDialogButtonBox::Save)->setText(form_.saveText);
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (text().isEmpty())
            return;
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(edit_, &QPlainTextEdit::textChanged, this, &TextEntryDialog::validate);
    resize(480, 300);
    edit_->setFocus();
    validate();
}

QString TextEntryDialog::text() const {
    return edit_->toPlainText().trimmed();
}

QString TextEntryDialog::problem() const {
    return problem_->text();
}

void TextEntryDialog::validate() {
    const bool empty = text().isEmpty();
    problem_->setText(empty ? form_.missing : QString());
    buttons_->button(QDialogButtonBox::Save)->setEnabled(!empty);
}

} // namespace rd::ui
