#pragma once

#include "core/clock.h"
#include "core/user.h"

#include <QDialog>
#include <optional>

class QLineEdit;
class QLabel;
class QDialogButtonBox;

namespace rd::services {
class UserService;
}

namespace rd::ui {

// Asks for a username and password and checks them with the user service (lockout and
// disabled accounts included) at the desk's clock. On a demo database it lists the demo
// users. A temporary password must be changed before the window opens.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    SignInDialog(services::UserService& users, Clock clock, QWidget* parent = nullptr);

    const std::optional<User>& user() const { return user_; }
    QLineEdit* usernameEdit() const { return username_; }
    QLineEdit* passwordEdit() const { return password_; }
    QString problem() const;
    void accept() override;

private:
    services::UserService& users_;
    Clock clock_;
    QLineEdit* username_;
    QLineEdit* password_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<User> user_;
};

// The first administrator of an empty database: a username, a full name, a password typed
// twice.
class FirstAdminDialog : public QDialog {
    Q_OBJECT
public:
    explicit FirstAdminDialog(services::UserService& users, QWidget* parent = nullptr);
    const std::optional<User>& user() const { return user_; }
    void accept() override;

private:
    services::UserService& users_;
    QLineEdit* username_;
    QLineEdit* fullName_;
    QLineEdit* password_;
    QLineEdit* repeat_;
    QLabel* problem_;
    std::optional<User> user_;
};

// A user's own new password (after a temporary one, or from the File menu).
class ChangePasswordDialog : public QDialog {
    Q_OBJECT
public:
    ChangePasswordDialog(services::UserService& users, const User& user,
                         const QString& currentPassword = {}, QWidget* parent = nullptr);
    void accept() override;

private:
    services::UserService& users_;
    User user_;
    QLineEdit* current_;
    QLineEdit* password_;
    QLineEdit* repeat_;
    QLabel* problem_;
};

} // namespace rd::ui
