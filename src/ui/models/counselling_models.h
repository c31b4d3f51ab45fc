#pragma once

// The read-only lists of the case file's "Budget and counselling" tab and of the counselling
// dialog (domain.md sections 9c and 11): a client's budget worksheets, the counselling
// sessions they attended, a loan's referrals to outside services, and a list of clients
// (a workshop's attendance, and the clients found to add to it).
#include "core/counselling_records.h"
#include "core/currency.h"
#include "core/plan_records.h"
#include "row_table_model.h"

#include <QTimeZone>
#include <map>
#include <string>
#include <vector>

namespace rd::ui {

// A client's budget worksheets, newest first: date, income, expenses, monthly surplus (a
// negative one in red), who entered it, the note.
class BudgetHistoryModel : public RowTableModel<BudgetRecord> {
    Q_OBJECT
public:
    enum Column { On, Income, Expenses, Surplus, EnteredBy, Note, ColumnCount };
    explicit BudgetHistoryModel(QObject* parent = nullptr);
    // `names`: full names by username (CaseFile::fullNames).
    void setBudgets(std::vector<BudgetRecord> budgets, Currency currency,
                    std::map<std::string, std::string> names = {});

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Currency currency_;
    std::map<std::string, std::string> names_;
};

// The counselling sessions a client attended, newest first.
class CounsellingSessionsModel : public RowTableModel<CounsellingSessionRecord> {
    Q_OBJECT
public:
    enum Column { Held, Kind, Topic, Facilitator, Attended, FollowUp, Notes, ColumnCount };
    explicit CounsellingSessionsModel(QObject* parent = nullptr);
    void setSessions(std::vector<CounsellingSessionRecord> sessions);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// A loan's referrals in the order they were made, with where each stands now.
class ReferralsModel : public RowTableModel<ReferralRecord> {
    Q_OBJECT
public:
    enum Column {
        ReferredOn,
        Service,
        Organisation,
        Status,
        FollowUp,
        LastNote,
        ReferredBy,
        ColumnCount
    };
    explicit ReferralsModel(QObject* parent = nullptr);
    void setReferrals(std::vector<ReferralRecord> referrals,
                      std::map<std::string, std::string> names = {});

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::map<std::string, std::string> names_;
};

// A list of clients by id and name, each once: a workshop's attendance list, or the clients
// a search found.
class ClientListModel : public RowTableModel<CounsellingAttendee> {
    Q_OBJECT
public:
    enum Column { Name, ClientId, ColumnCount };
    explicit ClientListModel(QObject* parent = nullptr);
    void setClients(std::vector<CounsellingAttendee> clients);
    // Adds the client at the end unless listed; false when already there.
    bool addClient(const CounsellingAttendee& client);
    bool removeClient(int row);
    bool contains(const std::string& clientId) const;
    const std::vector<CounsellingAttendee>& clients() const { return rows_; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace rd::ui
