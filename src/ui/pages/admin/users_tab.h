#pragma once

#include "desk_session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rd::ui {

class UserModel;

// The administrator's users: the list (filtered by name, role or branch), add, disable and
// reset a password, each through its dialog and the user service.
class AdminUsersTab : public QWidget {
    Q_OBJECT
public:
    AdminUsersTab(DeskServices services, const DeskSession& session, QWidget* parent = nullptr);

    void reload();
    void addUser();
    void disableSelectedUser();
    void resetSelectedPassword();
    void selectUser(const QString& username);

    UserModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLabel* message() const { return message_; }

private:
    void updateButtons();
    void showMessage(const QString& text, bool problem);
    QString selectedUsername() const;

    DeskServices services_;
    const DeskSession& session_;
    UserModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLineEdit* filter_;
    QPushButton* addButton_;
    QPushButton* disableButton_;
    QPushButton* resetButton_;
    QLabel* message_;
};

} // namespace rd::ui
