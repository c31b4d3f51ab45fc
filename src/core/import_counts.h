#pragma once

#include <cstdint>

namespace rd {

// What an import changed (or, for a dry run, would change), row kind by row kind.
struct ImportCounts {
    std::int64_t clientsAdded = 0, clientsChanged = 0;
    std::int64_t loansAdded = 0, loansChanged = 0;
    std::int64_t schedulesAdded = 0, schedulesReplaced = 0, installmentsWritten = 0;
    std::int64_t chargesAdded = 0;
    std::int64_t paymentsAdded = 0, paymentsReversed = 0;
    std::int64_t guarantorsAdded = 0, guarantorsChanged = 0;
    std::int64_t collateralAdded = 0, collateralChanged = 0;
    std::int64_t rowsUnchanged = 0;

    std::int64_t changes() const {
        return clientsAdded + clientsChanged + loansAdded + loansChanged + schedulesAdded +
               schedulesReplaced + chargesAdded + paymentsAdded + paymentsReversed +
               guarantorsAdded + guarantorsChanged + collateralAdded + collateralChanged;
    }
};

} // namespace rd
