#include "sign_in_dialog.h"

#include "error_text.h"
#include "services/user_service.h"
#include "widgets/dialog_keys.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QLabel* problemLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    return label;
}

QLineEdit* makePasswordEdit(QWidget* parent, const QString& name) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

SignInDialog::SignInDialog(services::UserService& users, Clock clock, QWidget* parent)
    : QDialog(parent), users_(users), clock_(std::move(clock)), username_(new QLineEdit(this)),
      password_(makePasswordEdit(this, QStringLiteral("password"))), problem_(problemLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to RecoveryDesk"));
    username_->setObjectName(QStringLiteral("username"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Username"), username_);
    form->addRow(tr("&Password"), password_);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<h2>RecoveryDesk</h2>Sign in to work your cases."), this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(problem_);
    // Only a demo portfolio lists its users (read before anyone has signed in).
    QStringList names;
    for (const auto& name : users_.demoSignInNames())
        names << QString::fromStdString(name);
    if (!names.isEmpty()) {
        auto* demo = new QLabel(
            tr("<b>Demo portfolio.</b> Every demo user has the password <b>demo1234</b>: "
               "%1. Never use these accounts with real data.")
                .arg(names.mid(0, 8).join(", ") + (names.size() > 8 ? ", ..." : "")),
            this);
        demo->setObjectName(QStringLiteral("demoUsers"));
        demo->setWordWrap(true);
        demo->setStyleSheet(QStringLiteral("background: #fff8e1; padding: 6px;"));
        layout->addWidget(demo);
    }
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    addSaveShortcut(this, buttons_, false);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    setMinimumWidth(420);
}

QString SignInDialog::problem() const {
    return problem_->text();
}

void SignInDialog::accept() {
    if (username_->text().trimmed().isEmpty()) {
        problem_->setText(tr("Enter your username."));
        username_->setFocus();
        return;
    }
    const auto password = password_->text().toStdString();
    auto result =
        users_.authenticate(username_->text().trimmed().toStdString(), password, clock_.now());
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        password_->clear();
        password_->setFocus();
        return;
    }
    if (result->mustChangePassword) {
        ChangePasswordDialog change(users_, result->user, password_->text(), this);
        change.setWindowTitle(tr("Choose your own password"));
        if (change.exec() != QDialog::Accepted) {
            problem_->setText(tr("You signed in with a temporary password: choose your own "
                                 "password to go on."));
            return;
        }
    }
    user_ = result->user;
    QDialog::accept();
}

FirstAdminDialog::FirstAdminDialog(services::UserService& users, QWidget* parent)
    : QDialog(parent), users_(users), username_(new QLineEdit(QStringLiteral("admin"), this)),
      fullName_(new QLineEdit(this)), password_(makePasswordEdit(this, QStringLiteral("password"))),
      repeat_(makePasswordEdit(this, QStringLiteral("repeat"))), problem_(problemLabel(this)) {
    setObjectName(QStringLiteral("firstAdminDialog"));
    setWindowTitle(tr("Create the administrator"));
    username_->setObjectName(QStringLiteral("username"));
    fullName_->setObjectName(QStringLiteral("fullName"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Username"), username_);
    form->addRow(tr("&Full name"), fullName_);
    form->addRow(tr("&Password"), password_);
    form->addRow(tr("&Repeat password"), repeat_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create administrator"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Welcome to RecoveryDesk</h2>This database has no users "
                                    "yet. Create the administrator, who then adds the officers "
                                    "and supervisors (Admin, Users)."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::accept);
    addSaveShortcut(this, buttons, false);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstAdminDialog::reject);
    setMinimumWidth(420);
}

void FirstAdminDialog::accept() {
    if (password_->text() != repeat_->text()) {
        problem_->setText(tr("The two passwords differ: type the same password twice."));
        repeat_->clear();
        repeat_->setFocus();
        return;
    }
    services::NewUser admin{username_->text().trimmed().toStdString(),
                            fullName_->text().trimmed().toStdString(),
                            Role::Admin,
                            {}};
    auto result = users_.createFirstAdmin(admin, password_->text().toStdString());
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        return;
    }
    user_ = result->user;
    QDialog::accept();
}

ChangePasswordDialog::ChangePasswordDialog(services::UserService& users, const User& user,
                                           const QString& currentPassword, QWidget* parent)
    : QDialog(parent), users_(users), user_(user),
      current_(makePasswordEdit(this, QStringLiteral("current"))),
      password_(makePasswordEdit(this, QStringLiteral("password"))),
      repeat_(makePasswordEdit(this, QStringLiteral("repeat"))), problem_(problemLabel(this)) {
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change your password"));
    current_->setText(currentPassword);
    auto* form = new QFormLayout;
    form->addRow(tr("&Current password"), current_);
    form->addRow(tr("&New password"), password_);
    form->addRow(tr("&Repeat new password"), repeat_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("At least %1 characters.").arg(services::kMinPasswordLength), this));
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    addSaveShortcut(this, buttons, false);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    if (!currentPassword.isEmpty())
        password_->setFocus();
}

void ChangePasswordDialog::accept() {
    if (password_->text() != repeat_->text()) {
        problem_->setText(tr("The two new passwords differ: type the same password twice."));
        repeat_->clear();
        return;
    }
    auto result = users_.changeOwnPassword(user_, current_->text().toStdString(),
                                           password_->text().toStdString());
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        return;
    }
    QDialog::accept();
}

} // namespace rd::ui
