#pragma once

#include "core/user.h"
#include "services/settings_service.h"
#include "services/user_service.h"

#include <QDialog>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStandardItemModel;

namespace rd::ui {

// A new user: username, full name, role and the branches they work in, checked as the
// administrator types; saved through UserService, which generates a temporary password
// (`issued()`, to show once).
class AddUserDialog : public QDialog {
    Q_OBJECT
public:
    AddUserDialog(services::UserService& users, const User& actor,
                  const std::vector<std::string>& branches, QWidget* parent = nullptr);

    QLineEdit* usernameEdit() const { return username_; }
    QLineEdit* fullNameEdit() const { return fullName_; }
    QComboBox* roleBox() const { return role_; }
    // Ticks or clears a branch; false when the portfolio has no such branch.
    bool setBranchChecked(const QString& branch, bool checked);
    QString problem() const;
    bool canSave() const;
    const std::optional<services::PasswordIssued>& issued() const { return issued_; }
    void accept() override;

private:
    std::vector<std::string> checkedBranches() const;
    void validate();

    services::UserService& users_;
    User actor_;
    QLineEdit* username_;
    QLineEdit* fullName_;
    QComboBox* role_;
    QStandardItemModel* branches_;
    QListView* branchView_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    std::optional<services::PasswordIssued> issued_;
};

// Shows a generated temporary password once, selectable and with a Copy button.
class TemporaryPasswordDialog : public QDialog {
    Q_OBJECT
public:
    TemporaryPasswordDialog(const QString& username, const QString& password,
                            QWidget* parent = nullptr);
    QString password() const;

private:
    QLineEdit* password_;
};

// One setting: its meaning, its default and the value in force, checked as the
// administrator types and saved through SettingsService (its message shown when it refuses;
// the text typed stays).
class EditSettingDialog : public QDialog {
    Q_OBJECT
public:
    EditSettingDialog(services::SettingsService& settings, const User& actor,
                      services::SettingView setting, QWidget* parent = nullptr);

    QLineEdit* valueEdit() const { return value_; }
    QString problem() const;
    // The stored (normalised) text after a successful save.
    const std::optional<std::string>& stored() const { return stored_; }
    void accept() override;

private:
    void validate();

    services::SettingsService& settings_;
    User actor_;
    services::SettingView setting_;
    QLineEdit* value_;
    QLabel* problem_;
    QLabel* normalised_;
    QPushButton* save_;
    std::optional<std::string> stored_;
};

} // namespace rd::ui
