#pragma once

#include "commands.h"

namespace rd::cli {

// `counselling add|list`, `referral add|update` and `referrals` (interchange.md section 4).
void addCounsellingCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli
