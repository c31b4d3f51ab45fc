#include "lock_dialog.h"

#include "error_text.h"
#include "services/user_service.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {

LockDialog::LockDialog(services::UserService& users, Clock clock, User user, int idleMinutes,
                       QWidget* parent)
    : QDialog(parent), users_(users), clock_(std::move(clock)), user_(std::move(user)),
      password_(new QLineEdit(this)), problem_(new QLabel(this)),
      unlock_(new QPushButton(tr("&Unlock"), this)),
      signOutButton_(new QPushButton(tr("&Sign out"), this)) {
    setObjectName(QStringLiteral("lockDialog"));
    setWindowTitle(tr("RecoveryDesk is locked"));
    setWindowFlag(Qt::WindowCloseButtonHint, false);
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
        tr("<b>Locked after %n minute(s) without use.</b><br>%1 (%2), enter your password to "
           "go on, or sign out.",
           nullptr, idleMinutes)
            .arg(QString::fromStdString(user_.fullName).toHtmlEscaped(),
                 QString::fromStdString(user_.username).toHtmlEscaped()),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    password_->setObjectName(QStringLiteral("lockPassword"));
    password_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password"), password_);
    layout->addLayout(form);
    problem_->setObjectName(QStringLiteral("lockProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    problem_->setWordWrap(true);
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(this);
    unlock_->setObjectName(QStringLiteral("unlockButton"));
    signOutButton_->setObjectName(QStringLiteral("lockSignOutButton"));
    buttons->addButton(unlock_, QDialogButtonBox::AcceptRole);
    buttons->addButton(signOutButton_, QDialogButtonBox::DestructiveRole);
    unlock_->setDefault(true);
    layout->addWidget(buttons);
    connect(unlock_, &QPushButton::clicked, this, &LockDialog::tryUnlock);
    connect(signOutButton_, &QPushButton::clicked, this, [this] {
        signOut_ = true;
        QDialog::reject();
    });
    setMinimumWidth(420);
    password_->setFocus();
}

QString LockDialog::problem() const {
    return problem_->text();
}

void LockDialog::reject() {
    // Esc or the window manager's close: the desk stays locked.
}

void LockDialog::tryUnlock() {
    if (password_->text().isEmpty()) {
        problem_->setText(tr("Enter your password."));
        return;
    }
    auto result =
        users_.authenticate(user_.username, password_->text().toStdString(), clock_.now());
    password_->clear();
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        password_->setFocus();
        return;
    }
    accept();
}

} // namespace rd::ui
