#pragma once

#include "core/date.h"
#include "storage/database.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <stdexcept>
#include <string>

namespace rd::cli {

// A mistake the user can fix; main prints the message and exits with status 1.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct GlobalOptions {
    std::string db;
    bool verbose = false;

    std::filesystem::path databasePath() const;
    std::unique_ptr<storage::Database> open(const storage::OpenOptions& options = {}) const;
};

Date parseDateOption(const std::string& text, const char* option);

void addInitCommand(CLI::App& app, GlobalOptions& global);
void addImportCommand(CLI::App& app, GlobalOptions& global);
void addDemoCommand(CLI::App& app, GlobalOptions& global);
void addLoanCommand(CLI::App& app, GlobalOptions& global);
void addReportCommand(CLI::App& app, GlobalOptions& global);
void addSettingsCommand(CLI::App& app, GlobalOptions& global);

} // namespace rd::cli
