#pragma once

#include "commands.h"

namespace rd::cli {

// `letter templates|template save|preview|send|show` and `letters due|batch` (interchange.md
// section 5).
void addLetterCommands(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli
