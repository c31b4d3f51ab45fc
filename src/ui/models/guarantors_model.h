#pragma once

#include "core/security_records.h"
#include "row_table_model.h"

#include <vector>

namespace rd::ui {

// The guarantors of a loan as imported: name, phone, relationship, national id, address.
class GuarantorsModel : public RowTableModel<GuarantorRecord> {
    Q_OBJECT
public:
    enum Column { Name, Phone, Relationship, NationalId, Address, Id, ColumnCount };
    explicit GuarantorsModel(QObject* parent = nullptr);

    void setGuarantors(std::vector<GuarantorRecord> guarantors);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace rd::ui
