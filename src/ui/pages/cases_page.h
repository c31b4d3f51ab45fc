#pragma once

#include "desk_session.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rd::ui {

class BackgroundWork;
class CaseTableModel;

// Every case the user may read (officers: their branch; supervisors: their branches), with
// a filter, sortable columns, Enter to open, and for supervisors reassignment of several
// selected cases at once. Loaded in the background: a large branch does not freeze the
// window; read again whenever it is shown.
class CasesPage : public QWidget {
    Q_OBJECT
public:
    CasesPage(DeskServices services, const DeskSession& session, BackgroundWork* work,
              QWidget* parent = nullptr);

    void reload();
    CaseTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QStringList selectedLoans() const;
    // Reassigns the selected cases (supervisors); true when something moved.
    bool reassignSelected();

signals:
    void openCase(const QString& loanId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Selects the loans again after a reload (the rows that are still there).
    void restoreSelection(const QString& current, const QStringList& selected);

    DeskServices services_;
    const DeskSession& session_;
    BackgroundWork* work_;
    CaseTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filter_;
    QCheckBox* closed_;
    QTableView* view_;
    QLabel* summary_;
    QPushButton* reassign_;
};

} // namespace rd::ui
