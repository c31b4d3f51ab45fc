#pragma once

#include "core/date.h"
#include "core/result.h"
#include "error_text.h"
#include "services/desk_services.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace rd::cli {

// A mistake the user can fix; main prints the message and exits with status 1.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An error of a service, already worded for the command line (cliMessage) with the command's
// context in front; main prints it and exits with 3 for a storage failure, else 1.
class ServiceFailure : public std::runtime_error {
public:
    ServiceFailure(const std::string& text, ErrorKind kind)
        : std::runtime_error(text), kind_(kind) {}
    ErrorKind kind() const { return kind_; }

private:
    ErrorKind kind_;
};

// Throws the service's error as a ServiceFailure: "CONTEXT: message hint" (no context: the
// message and hint only).
[[noreturn]] void fail(const Error& error, const std::string& context = {},
                       const HintWords& ownWords = {});

// The value of `result`, or fail() with its error.
template <typename T>
T valueOr(Result<T> result, const std::string& context = {}, const HintWords& ownWords = {}) {
    if (!result)
        fail(result.error(), context, ownWords);
    return std::move(result).value();
}
inline void check(const Result<void>& result, const std::string& context = {},
                  const HintWords& ownWords = {}) {
    if (!result)
        fail(result.error(), context, ownWords);
}

struct GlobalOptions {
    std::string db;
    bool verbose = false;

    std::filesystem::path databasePath() const;
    // Every service on the --db file; fails with the reason (and what to do) when it cannot be
    // opened.
    std::unique_ptr<services::Services> open(const services::OpenRequest& request = {}) const;
};

Date parseDateOption(const std::string& text, const char* option);

void addInitCommand(CLI::App& app, GlobalOptions& global);
void addImportCommand(CLI::App& app, GlobalOptions& global);
void addDemoCommand(CLI::App& app, GlobalOptions& global);
void addLoanCommand(CLI::App& app, GlobalOptions& global);
void addReportCommand(CLI::App& app, GlobalOptions& global);
void addSettingsCommand(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli
