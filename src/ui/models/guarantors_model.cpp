#include "guarantors_model.h"

namespace rd::ui {

GuarantorsModel::GuarantorsModel(QObject* parent) : RowTableModel(ColumnCount, parent) {}

void GuarantorsModel::setGuarantors(std::vector<GuarantorRecord> guarantors) {
    resetRows(std::move(guarantors));
}

QVariant GuarantorsModel::data(const QModelIndex& index, int role) const {
    const GuarantorRecord* g = rowAt(index);
    if (!g || role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(g->fullName);
    case Phone:
        return QString::fromStdString(g->phone);
    case Relationship:
        return QString::fromStdString(g->relationship);
    case NationalId:
        return QString::fromStdString(g->nationalId);
    case Address:
        return QString::fromStdString(g->address);
    case Id:
        return QString::fromStdString(g->guarantorId);
    default:
        return {};
    }
}

QVariant GuarantorsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Guarantor");
    case Phone:
        return tr("Phone");
    case Relationship:
        return tr("Relationship");
    case NationalId:
        return tr("National ID");
    case Address:
        return tr("Address");
    case Id:
        return tr("Guarantor ID");
    default:
        return {};
    }
}

} // namespace rd::ui
