#pragma once

#include "core/clock.h"
#include "core/user.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rd::services {
class UserService;
}

namespace rd::ui {

// The workstation locked after idle time: the signed-in user's password unlocks it (the
// sign-in rules apply: wrong passwords count towards the lockout); "Sign out" ends the
// session instead. Closing the dialog any other way does not unlock.
class LockDialog : public QDialog {
    Q_OBJECT
public:
    LockDialog(services::UserService& users, Clock clock, User user, int idleMinutes,
               QWidget* parent = nullptr);

    bool signOutChosen() const { return signOut_; }
    QLineEdit* passwordEdit() const { return password_; }
    QPushButton* unlockButton() const { return unlock_; }
    QPushButton* signOutButton() const { return signOutButton_; }
    QString problem() const;

    void reject() override; // Esc does not unlock

private:
    void tryUnlock();

    services::UserService& users_;
    Clock clock_;
    User user_;
    QLineEdit* password_;
    QLabel* problem_;
    QPushButton* unlock_;
    QPushButton* signOutButton_;
    bool signOut_ = false;
};

} // namespace rd::ui
