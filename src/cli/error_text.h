#pragma once

#include "core/result.h"

#include <map>
#include <string>

namespace rd::cli {

// The command line's words for what the user can do next (Error::hint): the option to give
// or the command to run, with the error's facts (loan, path) filled in. A command whose own
// option differs from the usual one (`case stage` takes the legal request's reason with
// --note, not --reason) passes its words for that hint in `ownWords`.
using HintWords = std::map<Hint, std::string>;

std::string cliHint(const Error& error, const HintWords& ownWords = {});

// The error's message followed by its hint in the command line's words: what every command
// prints after "recoverydesk-cli: " for an Error of a service.
std::string cliMessage(const Error& error, const HintWords& ownWords = {});

} // namespace rd::cli
