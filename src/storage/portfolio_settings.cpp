#include "portfolio_settings.h"

#include "clock.h"

#include <fmt/format.h>

namespace rd::storage {

const std::vector<SettingInfo>& knownSettings() {
    static const std::vector<SettingInfo> settings = {
        {"buckets", "upper bounds in days past due of the buckets after `current`",
         "30,60,90,180,365"},
        {"arrears_tolerance",
         "an installment is overdue only when more than this amount is unpaid on it", "0"},
    };
    return settings;
}

DelinquencyPolicy loadDelinquencyPolicy(const Database& db) {
    DelinquencyPolicy policy;
    if (auto text = db.setting("buckets"))
        if (auto scheme = BucketScheme::parse(*text))
            policy.buckets = *scheme;
    if (auto text = db.setting("arrears_tolerance"))
        if (auto c = db.currency())
            if (auto amount = parseAmount(*text, c->exponent))
                policy.arrearsTolerance = *amount;
    return policy;
}

Result<std::string> changeSetting(Database& db, const std::string& key, const std::string& value,
                                  const std::string& actor) {
    std::string stored;
    if (key == "buckets") {
        auto scheme = BucketScheme::parse(value);
        if (!scheme)
            return scheme.error();
        stored = scheme->toText();
    } else if (key == "arrears_tolerance") {
        auto currency = db.currency();
        if (!currency)
            return Error{"set the portfolio currency first (init --currency CODE or an import), "
                         "so the tolerance can be read in its minor units"};
        auto amount = parseAmount(value, currency->exponent);
        if (!amount)
            return amount.error();
        stored = formatAmount(*amount, currency->exponent);
    } else {
        return Error{fmt::format("unknown setting \"{}\" (known: buckets, arrears_tolerance)",
                                 key)};
    }
    Transaction tx(db);
    const auto before = db.setting(key);
    db.setSetting(key, stored);
    Statement audit = db.prepare(
        "INSERT INTO audit_log(at, actor, action, entity, entity_key, before, after) "
        "VALUES(?, ?, 'change_setting', 'setting', ?, ?, ?)");
    audit.bind(1, nowTimestamp()).bind(2, actor).bind(3, key).bind(4, before).bind(5, stored);
    audit.execute();
    tx.commit();
    return stored;
}

} // namespace rd::storage
