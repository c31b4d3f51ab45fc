#pragma once

#include "core/loan.h"

#include <QString>

namespace rd::ui {

// A payment method as printed: "Cash", "Cheque", "Bank transfer", "Mobile money", "Other".
QString paymentMethodText(PaymentMethod method);

} // namespace rd::ui
