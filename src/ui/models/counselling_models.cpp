#include "counselling_models.h"

#include "display_text.h"
#include "money_display.h"

#include <QColor>
#include <QStringList>
#include <algorithm>

namespace rd::ui {
namespace {

// Words of display_text.h start lower case (they sit inside sentences); a cell starts with
// a capital.
QVariant rightAligned(int column, std::initializer_list<int> numeric) {
    const bool right = std::find(numeric.begin(), numeric.end(), column) != numeric.end();
    return QVariant::fromValue(right ? Qt::AlignRight | Qt::AlignVCenter
                                     : Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

BudgetHistoryModel::BudgetHistoryModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void BudgetHistoryModel::setBudgets(std::vector<BudgetRecord> budgets, Currency currency,
                                    std::map<std::string, std::string> names) {
    beginResetModel();
    rows_ = std::move(budgets);
    currency_ = std::move(currency);
    names_ = std::move(names);
    endResetModel();
}

QVariant BudgetHistoryModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& b = *found;
    if (role == Qt::TextAlignmentRole)
        return rightAligned(index.column(), {Income, Expenses, Surplus});
    if (role == Qt::ForegroundRole && index.column() == Surplus && b.surplus() < 0)
        return QVariant::fromValue(QColor(0xb7, 0x1c, 0x1c));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case On:
        return displayDate(b.date);
    case Income:
        return displayMoney(b.income(), currency_);
    case Expenses:
        return displayMoney(b.expenses(), currency_);
    case Surplus:
        return b.surplus() < 0 ? tr("%1 (short)").arg(displayMoney(b.surplus(), currency_))
                               : displayMoney(b.surplus(), currency_);
    case EnteredBy:
        return userText(b.enteredBy, names_);
    case Note:
        return QString::fromStdString(b.note);
    default:
        return {};
    }
}

QVariant BudgetHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case On:
        return tr("Date");
    case Income:
        return tr("Income a month");
    case Expenses:
        return tr("Expenses a month");
    case Surplus:
        return tr("Surplus a month");
    case EnteredBy:
        return tr("Entered by");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

CounsellingSessionsModel::CounsellingSessionsModel(QObject* parent)
    : RowTableModel(ColumnCount, parent) {}

void CounsellingSessionsModel::setSessions(std::vector<CounsellingSessionRecord> sessions) {
    resetRows(std::move(sessions));
}

QVariant CounsellingSessionsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& s = *found;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Held:
        return displayDate(s.sessionDate);
    case Kind:
        return capitalised(sessionKindText(s.kind));
    case Topic:
        return QString::fromStdString(s.topic);
    case Facilitator:
        return QString::fromStdString(s.facilitator);
    case Attended: {
        QStringList names;
        for (const auto& a : s.attendees)
            names << QString::fromStdString(a.fullName.empty() ? a.clientId : a.fullName);
        return names.join(QStringLiteral(", "));
    }
    case FollowUp:
        return s.followUpOn ? displayDate(*s.followUpOn) : tr("none");
    case Notes:
        return QString::fromStdString(s.notes);
    default:
        return {};
    }
}

QVariant CounsellingSessionsModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Held:
        return tr("Date");
    case Kind:
        return tr("Session");
    case Topic:
        return tr("Topic");
    case Facilitator:
        return tr("Facilitator");
    case Attended:
        return tr("Attended");
    case FollowUp:
        return tr("Follow-up");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}

ReferralsModel::ReferralsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void ReferralsModel::setReferrals(std::vector<ReferralRecord> referrals,
                                  std::map<std::string, std::string> names) {
    beginResetModel();
    rows_ = std::move(referrals);
    names_ = std::move(names);
    endResetModel();
}

QVariant ReferralsModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found)
        return {};
    const auto& r = *found;
    if (role == Qt::ForegroundRole && index.column() == Status && !isOpen(r.status()))
        return QVariant::fromValue(QColor(0x61, 0x61, 0x61));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ReferredOn:
        return displayDate(r.businessDate);
    case Service:
        return capitalised(referralServiceText(r.service));
    case Organisation:
        return QString::fromStdString(r.organisation);
    case Status: {
        const QString status = capitalised(referralStatusText(r.status()));
        return r.updates.empty()
                   ? status
                   : tr("%1 (%2)").arg(status, displayDate(r.updates.back().businessDate));
    }
    case FollowUp: {
        const auto due = r.currentFollowUp();
        return isOpen(r.status()) && due ? displayDate(*due) : tr("none");
    }
    case LastNote:
        return QString::fromStdString(r.updates.empty() ? r.note : r.updates.back().note);
    case ReferredBy:
        return userText(r.referredBy, names_);
    default:
        return {};
    }
}

QVariant ReferralsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReferredOn:
        return tr("Referred on");
    case Service:
        return tr("Service");
    case Organisation:
        return tr("Organisation");
    case Status:
        return tr("Status");
    case FollowUp:
        return tr("Follow-up");
    case LastNote:
        return tr("Latest note");
    case ReferredBy:
        return tr("Referred by");
    default:
        return {};
    }
}

ClientListModel::ClientListModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void ClientListModel::setClients(std::vector<CounsellingAttendee> clients) {
    std::vector<CounsellingAttendee> unique;
    for (auto& c : clients)
        if (std::none_of(unique.begin(), unique.end(),
                         [&](const CounsellingAttendee& u) { return u.clientId == c.clientId; }))
            unique.push_back(std::move(c));
    resetRows(std::move(unique));
}

bool ClientListModel::contains(const std::string& clientId) const {
    return std::any_of(rows_.begin(), rows_.end(),
                       [&](const CounsellingAttendee& c) { return c.clientId == clientId; });
}

bool ClientListModel::addClient(const CounsellingAttendee& client) {
    if (contains(client.clientId))
        return false;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    rows_.push_back(client);
    endInsertRows();
    return true;
}

bool ClientListModel::removeClient(int row) {
    if (row < 0 || row >= rowCount())
        return false;
    beginRemoveRows({}, row, row);
    rows_.erase(rows_.begin() + row);
    endRemoveRows();
    return true;
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const {
    const auto* found = rowAt(index);
    if (!found || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(found->fullName);
    case ClientId:
        return QString::fromStdString(found->clientId);
    default:
        return {};
    }
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Client");
    case ClientId:
        return tr("Client id");
    default:
        return {};
    }
}

} // namespace rd::ui
