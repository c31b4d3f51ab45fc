#pragma once

#include <cstdint>
#include <optional>

namespace rd::cli {

// Hooks the crash-safety tests use to stop an import at a chosen point. Only the test build
// of the command line (recoverydesk-cli-test, test_hooks_env.cpp) reads them from the
// environment; the shipped recoverydesk-cli is linked with test_hooks_off.cpp and has none.
struct ImportTestHooks {
    std::optional<std::int64_t> killAfterRows;    // RECOVERYDESK_TEST_KILL_AFTER_ROWS
    std::optional<std::int64_t> largeImportBytes; // RECOVERYDESK_LARGE_IMPORT_BYTES
};

ImportTestHooks importTestHooks();

} // namespace rd::cli
