#include "payment_method_text.h"

#include <QCoreApplication>

namespace rd::ui {

QString paymentMethodText(PaymentMethod method) {
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("rd::ui::Receipt", text);
    };
    switch (method) {
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Cheque:
        return tr("Cheque");
    case PaymentMethod::BankTransfer:
        return tr("Bank transfer");
    case PaymentMethod::MobileMoney:
        return tr("Mobile money");
    case PaymentMethod::Other:
        return tr("Other");
    }
    return {};
}

} // namespace rd::ui
