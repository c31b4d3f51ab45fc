// Linked only into recoverydesk-cli-test (built with the tests).
#include "test_hooks.h"

#include <cstdlib>

namespace rd::cli {

namespace {

std::optional<std::int64_t> number(const char* name) {
    if (const char* text = std::getenv(name))
        return std::atoll(text);
    return std::nullopt;
}

} // namespace

ImportTestHooks importTestHooks() {
    return {number("RECOVERYDESK_TEST_KILL_AFTER_ROWS"), number("RECOVERYDESK_LARGE_IMPORT_BYTES")};
}

} // namespace rd::cli
