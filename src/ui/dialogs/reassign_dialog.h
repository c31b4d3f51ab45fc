#pragma once

#include "desk_session.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace rd::ui {

// Moves one or more cases of a branch to another officer of that branch (supervisors); the
// person who already holds all of them is not offered.
// Each case is reassigned by the service, which checks the permission; the dialog reports
// every case it could not move and keeps the others moved.
class ReassignDialog : public QDialog {
    Q_OBJECT
public:
    ReassignDialog(DeskServices services, const DeskSession& session, QStringList loanIds,
                   const QString& branch, QWidget* parent = nullptr);

    QComboBox* officerBox() const { return officers_; }
    int movedCount() const { return moved_; }
    void accept() override;

private:
    DeskServices services_;
    const DeskSession& session_;
    QStringList loans_;
    QComboBox* officers_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    int moved_ = 0;
};

} // namespace rd::ui
