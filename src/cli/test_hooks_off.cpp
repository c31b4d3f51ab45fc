#include "test_hooks.h"

namespace rd::cli {

ImportTestHooks importTestHooks() {
    return {};
}

} // namespace rd::cli
