#pragma once

#include "audit_text.h"
#include "row_table_model.h"
#include "services/case_actions_service.h"
#include "services/case_query_service.h"

#include <QTimeZone>
#include <vector>

namespace rd::ui {

// A case's audit trail, newest first: when (in the institution's time zone) and who did
// what, in a sentence (audit_text.h).
class AuditModel : public RowTableModel<AuditEntry> {
    Q_OBJECT
public:
    enum Column { At, What, ColumnCount };
    explicit AuditModel(QObject* parent = nullptr);
    // `zone`: the institution's (DeskSession::timeZone).
    void setEntries(std::vector<AuditEntry> entries, AuditWords words = {},
                    QTimeZone zone = QTimeZone::utc());

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    AuditWords words_;
    QTimeZone zone_ = QTimeZone::utc();
};

// The same client's other loans.
class OtherLoansModel : public RowTableModel<services::ClientLoanRow> {
    Q_OBJECT
public:
    enum Column {
        Loan,
        Product,
        Branch,
        Status,
        Dpd,
        Bucket,
        Outstanding,
        Arrears,
        Case,
        ColumnCount
    };
    explicit OtherLoansModel(QObject* parent = nullptr);
    void setRows(std::vector<services::ClientLoanRow> rows, Currency currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

} // namespace rd::ui
