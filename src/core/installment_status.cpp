#include "installment_status.h"

namespace rd {

const char* toString(InstallmentStatus status) {
    switch (status) {
    case InstallmentStatus::Paid:
        return "paid";
    case InstallmentStatus::Overdue:
        return "overdue";
    case InstallmentStatus::PartPaid:
        return "part_paid";
    case InstallmentStatus::Due:
        return "due";
    }
    return "";
}

InstallmentStatus installmentStatus(const InstallmentState& installment, Date asOf,
                                    Amount tolerance) {
    const Amount unpaid = installment.unpaid().total();
    if (unpaid <= 0)
        return InstallmentStatus::Paid;
    if (installment.dueDate < asOf)
        return unpaid > tolerance ? InstallmentStatus::Overdue : InstallmentStatus::Paid;
    return installment.paid.total() > 0 ? InstallmentStatus::PartPaid : InstallmentStatus::Due;
}

} // namespace rd
