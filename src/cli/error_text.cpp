#include "error_text.h"

#include <string_view>

namespace rd::cli {
namespace {

// How a hint's words join the message.
enum class Join {
    Parenthesis, // "message (words)"; words are given with their parentheses
    Colon,       // "message: words"
    Semicolon,   // "message; words"
    InParens,    // "message (already; words)" when the message ends in a parenthesis
};

struct Wording {
    std::string words;
    Join join = Join::Parenthesis;
};

// Fills a hint's LOAN or PATH with the error's fact (left as written when there is none).
std::string replaced(std::string text, std::string_view token, const std::string& value) {
    if (value.empty())
        return text;
    for (auto at = text.find(token); at != std::string::npos;
         at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
    return text;
}

Wording wording(Hint hint) {
    switch (hint) {
    case Hint::None:
        return {};
    case Hint::GiveText:
        return {"(--text)"};
    case Hint::GiveComment:
        return {"(--comment)"};
    case Hint::GiveReason:
        return {"give it with --reason", Join::Colon};
    case Hint::GiveReference:
        return {"give it with --reference", Join::Colon};
    case Hint::GivePromiseBoth:
        return {"(--promise-amount and --promise-date)"};
    case Hint::GiveBranch:
        return {"(--branch NAME)"};
    case Hint::FirstUserIsAdmin:
        return {"(--role admin)"};
    case Hint::ActAsAdmin:
        return {"(--as ADMIN)"};
    case Hint::ListUsers:
        return {"(see `users list`)"};
    case Hint::ShowCase:
        return {"(see `case show LOAN`)"};
    case Hint::Recompute:
        return {"(run `recompute` first, or check the account number)"};
    case Hint::RequestLegal:
        return {"(`case stage LOAN --to legal` as an officer files the request; a supervisor "
                "decides it with `case approve`)"};
    case Hint::AssessFeasibility:
        return {"(record one with `legal feasibility LOAN --as USER --chance PERCENT ...`)"};
    case Hint::ListReceipts:
        return {"list them with `payments export`", Join::InParens};
    case Hint::CreateDatabase:
        return {"(create it with `recoverydesk-cli --db PATH init --currency CODE` or by "
                "importing a folder)"};
    case Hint::MigrateDatabase:
        return {"run `recoverydesk-cli --db PATH init`", Join::Semicolon};
    case Hint::CheckDatabasePath:
        return {"check the --db path", Join::Semicolon};
    case Hint::RebuildCache:
        return {"run `recoverydesk-cli --db PATH init --rebuild-cache`", Join::Semicolon};
    case Hint::SetCurrency:
        return {"set it first (init --currency CODE or an import)", Join::Semicolon};
    case Hint::ConfirmOverpayment:
        return {"give --confirm-overpayment to take it all", Join::Semicolon};
    case Hint::ReopenDay:
        return {"a supervisor reopens it with `desk reopen OFFICER --date DATE --as SUPERVISOR "
                "--reason TEXT`",
                Join::Semicolon};
    case Hint::Retry:
        return {"free disk space or close the program holding the file, then run the command "
                "again",
                Join::Semicolon};
    }
    return {};
}

Wording wordingOf(const Error& error, const HintWords& ownWords) {
    Wording w = wording(error.hint);
    if (auto own = ownWords.find(error.hint); own != ownWords.end())
        w.words = own->second;
    w.words = replaced(std::move(w.words), "LOAN", error.fact("loan"));
    w.words = replaced(std::move(w.words), "PATH", error.fact("path"));
    w.words = replaced(std::move(w.words), "OFFICER", error.fact("officer"));
    w.words = replaced(std::move(w.words), "DATE", error.fact("date"));
    return w;
}

bool endsWith(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

} // namespace

std::string cliHint(const Error& error, const HintWords& ownWords) {
    return wordingOf(error, ownWords).words;
}

std::string cliMessage(const Error& error, const HintWords& ownWords) {
    const Wording w = wordingOf(error, ownWords);
    std::string text = error.message;
    if (w.words.empty())
        return text;
    switch (w.join) {
    case Join::Parenthesis: {
        // A message that ends in a parenthesis the hint repeats ("(check the account number)"
        // and "(run `recompute` first, or check the account number)") keeps only the hint's.
        const auto open = text.rfind(" (");
        if (endsWith(text, ")") && open != std::string::npos && w.words.size() > 2 &&
            endsWith(w.words, text.substr(open + 2)))
            return text.substr(0, open) + " " + w.words;
        return text + " " + w.words;
    }
    case Join::Colon:
        return text + ": " + w.words;
    case Join::Semicolon:
        return text + "; " + w.words;
    case Join::InParens:
        if (endsWith(text, ")"))
            return text.substr(0, text.size() - 1) + "; " + w.words + ")";
        return text + " (" + w.words + ")";
    }
    return text;
}

} // namespace rd::cli
