#pragma once

#include "row_table_model.h"
#include "services/user_service.h"

#include <QTimeZone>
#include <vector>

namespace rd::ui {

// The user directory for the administrator: who, role, branches, whether the account works
// (active, disabled, locked until a time) and whether a temporary password is pending.
class UserModel : public RowTableModel<services::UserSummary> {
    Q_OBJECT
public:
    enum Column { Username, FullName, Role, Branches, Status, MustChange, ColumnCount };
    explicit UserModel(QObject* parent = nullptr);

    void setUsers(std::vector<services::UserSummary> users);
    // The institution's time zone, that times (locked until) are shown in.
    void setTimeZone(const QTimeZone& zone);
    const services::UserSummary& user(int row) const {
        return rows_.at(static_cast<std::size_t>(row));
    }
    // The row of `username`, or -1.
    int rowOfUser(const QString& username) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QTimeZone zone_;
};

// "Officer", "Supervisor", "Administrator", translated.
QString roleText(rd::Role role);

} // namespace rd::ui
