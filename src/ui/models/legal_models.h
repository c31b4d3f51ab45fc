#pragma once

// The read-only lists of the case file's Legal tab (domain.md section 11, docs/legal.md): the
// loan's legal cases, the hearings and mediation sessions of all of them, and its recovery
// costs with their reversals.
#include "core/currency.h"
#include "core/legal_records.h"
#include "row_table_model.h"

#include <map>
#include <string>
#include <vector>

namespace rd::ui {

// The loan's legal cases, oldest first: forum, case number, lawyer, filed on, status, what a
// judgment awarded and what enforcement brought in.
class LegalCasesModel : public RowTableModel<LegalCaseRecord> {
    Q_OBJECT
public:
    enum Column { Forum, CaseNumber, Lawyer, FiledOn, Status, Awarded, Proceeds, ColumnCount };
    explicit LegalCasesModel(QObject* parent = nullptr);
    void setCases(std::vector<LegalCaseRecord> cases, const Currency& currency);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
};

// The sessions of the loan's legal cases by date: a coming one in bold, one without its
// outcome after its day in red.
class LegalSessionsModel : public RowTableModel<LegalSessionRecord> {
    Q_OBJECT
public:
    enum Column { Date, Time, Kind, Place, Purpose, Outcome, NextDate, ColumnCount };
    explicit LegalSessionsModel(QObject* parent = nullptr);
    void setSessions(std::vector<LegalSessionRecord> sessions, rd::Date today);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    rd::Date today_;
};

// The loan's recovery costs by date; a reversed cost and its reversal in grey.
class RecoveryCostsModel : public RowTableModel<RecoveryCostRecord> {
    Q_OBJECT
public:
    enum Column { CostDate, Kind, Amount, Reference, Note, RecordedBy, ColumnCount };
    explicit RecoveryCostsModel(QObject* parent = nullptr);
    void setCosts(std::vector<RecoveryCostRecord> costs, const Currency& currency,
                  std::map<std::string, std::string> names = {});

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
    std::map<std::string, std::string> names_;
};

} // namespace rd::ui
