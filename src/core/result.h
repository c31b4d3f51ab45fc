#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace rd {

// What kind of failure an error is, so that a face can react (a refused permission, a
// missing record, a storage failure) without reading its words.
enum class ErrorKind {
    Invalid,  // the input is wrong: the message says what is expected
    NotFound, // no such loan, user, receipt, ...
    Denied,   // the actor may not do this
    Conflict, // the state does not allow it now (already decided, closed case, ...)
    Storage,  // the database could not be read or written: nothing was saved
    Cancelled,
};

// What the user can do next, for each face to put in its own words: the CLI names the
// option or the command, the GUI the field, menu or page. The message itself names no
// option, command or menu.
enum class Hint {
    None,
    GiveText,          // a note's text
    GiveComment,       // a decision's or review's comment
    GiveReason,        // a reversal's or override's reason
    GiveReference,     // a payment's reference
    GivePromiseBoth,   // a promise's amount and date together
    GiveBranch,        // a user's branch
    FirstUserIsAdmin,  // the first user must be an administrator
    ActAsAdmin,        // an administrator must do it
    ListUsers,         // see who the users are
    ShowCase,          // look at the case's timeline for the right id
    Recompute,         // open cases first
    RequestLegal,      // file a request for the move to legal instead
    AssessFeasibility, // assess the feasibility of legal action first (fact loan)
    ListReceipts,      // see the receipts
    CreateDatabase,    // create the database (init or import)
    MigrateDatabase,   // bring the database to this version
    CheckDatabasePath,
    RebuildCache,
    SetCurrency,
    ConfirmOverpayment, // the payment is more than the loan owes: take it only when confirmed
    ReopenDay, // the officer's day is closed: a supervisor reopens it (facts officer, date)
    Retry,     // a storage failure: nothing was saved; free disk space or close the other program
};

// A failure a user can cause (bad text, broken rule) or a storage failure. `message` says
// what is wrong (callers add context such as file, line and column); `hint` what to do,
// worded by each face; `facts` the values a face may need for its hint (loan, user, path).
struct Error {
    Error() = default;
    Error(std::string text, ErrorKind errorKind = ErrorKind::Invalid, Hint errorHint = Hint::None,
          std::vector<std::pair<std::string, std::string>> errorFacts = {})
        : message(std::move(text)), kind(errorKind), hint(errorHint), facts(std::move(errorFacts)) {
    }

    std::string message;
    ErrorKind kind = ErrorKind::Invalid;
    Hint hint = Hint::None;
    std::vector<std::pair<std::string, std::string>> facts;

    // The fact named `key`, or "" when it has none.
    std::string fact(const std::string& key) const {
        for (const auto& [k, v] : facts)
            if (k == key)
                return v;
        return {};
    }
};

template <typename T> class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    // By value, so that `for (auto& x : service.list(actor).value())` owns what it walks.
    T value() && { return std::get<T>(std::move(state_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

// Success with no value, or an error.
template <> class Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

} // namespace rd
