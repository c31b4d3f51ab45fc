#pragma once

#include "core/loan_position.h"
#include "core/result.h"
#include "database.h"

#include <string>
#include <vector>

namespace rd::storage {

// Settings an administrator may change, stored in the database's settings table.
struct SettingInfo {
    std::string key;
    std::string description;
    std::string defaultValue;
};
const std::vector<SettingInfo>& knownSettings();

// The delinquency rules in force for this portfolio (buckets, arrears tolerance).
DelinquencyPolicy loadDelinquencyPolicy(const Database& db);

// Validates and stores one setting in its own transaction with an audit record.
Result<std::string> changeSetting(Database& db, const std::string& key, const std::string& value,
                                  const std::string& actor);

} // namespace rd::storage
