#include "letter_template.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <sodium.h>

namespace rd {
namespace {

using Mustache = kainjow::mustache::mustache;
using Data = kainjow::mustache::data;

// A mustache context that answers from a flat map of dotted names and remembers every name
// asked for that it could not answer. kainjow asks the context for every variable and
// section, so this sees exactly the fields a template uses as it renders.
class RecordingContext : public kainjow::mustache::basic_context<std::string> {
public:
    explicit RecordingContext(const MergeValues* values) : values_(values) {}

    void push(const Data* data) override { stack_.insert(stack_.begin(), data); }
    void pop() override { stack_.erase(stack_.begin()); }

    const Data* get(const std::string& name) const override {
        if (name == ".")
            return stack_.empty() ? nullptr : stack_.front();
        if (std::find(used_.begin(), used_.end(), name) == used_.end())
            used_.push_back(name);
        if (values_) {
            if (auto it = values_->find(name); it != values_->end()) {
                auto [slot, _] = answers_.try_emplace(name, it->second);
                return &slot->second;
            }
        } else if (isMergeField(name)) {
            auto [slot, _] = answers_.try_emplace(name, std::string("x"));
            return &slot->second;
        }
        if (std::find(missing_.begin(), missing_.end(), name) == missing_.end())
            missing_.push_back(name);
        return nullptr;
    }
    const Data* get_partial(const std::string&) const override { return nullptr; }

    const std::vector<std::string>& missing() const { return missing_; }
    const std::vector<std::string>& used() const { return used_; }

private:
    const MergeValues* values_; // null: answer every merge field (used to check a template)
    std::vector<const Data*> stack_;
    mutable std::map<std::string, Data> answers_;
    mutable std::vector<std::string> missing_;
    mutable std::vector<std::string> used_;
};

int lineOf(std::string_view title, std::string_view body, const std::string& field,
           std::string_view* where) {
    // The first line that names the field inside braces; the title counts as line 0.
    auto find = [&](std::string_view text) -> int {
        int line = 1;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string_view l = text.substr(start, end - start);
            for (std::size_t at = l.find(field); at != std::string_view::npos;
                 at = l.find(field, at + 1)) {
                const std::size_t open = l.rfind("{{", at);
                const std::size_t close = l.find("}}", at);
                if (open != std::string_view::npos && close != std::string_view::npos &&
                    l.find("}}", open) >= at)
                    return line;
            }
            start = end + 1;
            ++line;
        }
        return 0;
    };
    if (find(title) > 0) {
        *where = "title";
        return 1;
    }
    *where = "body";
    return find(body);
}

struct Rendered {
    std::string text;
    std::string error;
};

Rendered renderPart(std::string_view part, RecordingContext& context) {
    Mustache tpl{std::string(part)};
    if (!tpl.is_valid())
        return {{}, tpl.error_message()};
    tpl.set_custom_escape([](const std::string& s) { return s; });
    return {tpl.render(context), {}};
}

} // namespace

const std::vector<MergeField>& mergeFields() {
    static const std::vector<MergeField> fields = {
        {"today", "the letter's date (its business date), e.g. 2 December 2026"},
        {"letter.number", "the letter number, gap-free like receipts"},
        {"deadline", "the date by which the client must act (kinds with a deadline)"},
        {"deadline_days", "the time the deadline gives, e.g. 14 days or 10 working days"},
        {"client.id", "the client's id in the core banking system"},
        {"client.full_name", "the client's full name"},
        {"client.phone", "the client's telephone"},
        {"client.address", "the client's address"},
        {"client.national_id", "the client's national id number"},
        {"guarantor.full_name", "the guarantor's full name (a guarantor's copy)"},
        {"guarantor.phone", "the guarantor's telephone (a guarantor's copy)"},
        {"guarantor.address", "the guarantor's address (a guarantor's copy)"},
        {"guarantor.relationship", "how the guarantor knows the client (a guarantor's copy)"},
        {"loan.id", "the loan number"},
        {"loan.product", "the loan product"},
        {"loan.currency", "the currency code, e.g. UGX"},
        {"loan.disbursed_on", "the date the loan was paid out"},
        {"loan.principal", "the amount lent"},
        {"loan.principal_words", "the amount lent in words"},
        {"loan.outstanding_principal", "the principal still owed on the letter's date"},
        {"loan.balance", "everything still owed on the letter's date"},
        {"loan.balance_words", "everything still owed, in words"},
        {"loan.arrears", "the overdue amount on the letter's date"},
        {"loan.arrears_words", "the overdue amount in words"},
        {"loan.arrears_principal", "overdue principal"},
        {"loan.arrears_interest", "overdue interest"},
        {"loan.arrears_fees", "overdue fees"},
        {"loan.arrears_penalties", "overdue penalties"},
        {"loan.dpd", "days past due on the letter's date"},
        {"loan.installments_overdue", "how many instalments are overdue"},
        {"loan.oldest_due_date", "the due date of the oldest unpaid instalment"},
        {"officer.full_name", "the case's recovery officer"},
        {"officer.phone", "the officer's telephone"},
        {"branch.name", "the loan's branch"},
        {"institution.name", "the institution's name (letterhead settings)"},
        {"institution.address", "the institution's address"},
        {"institution.phone", "the institution's telephone"},
        {"institution.licence", "the institution's licence (e.g. Uganda Microfinance Regulatory "
                                "Authority licence number)"},
        {"institution.payment_details", "how and where to pay (setting payment_instructions)"},
    };
    return fields;
}

bool isMergeField(std::string_view name) {
    const auto& fields = mergeFields();
    return std::any_of(fields.begin(), fields.end(),
                       [&](const MergeField& f) { return name == f.name; });
}

Result<void> validateLetterTemplate(std::string_view title, std::string_view body) {
    if (title.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error("A letter template needs a title.", ErrorKind::Invalid);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error("A letter template needs a body.", ErrorKind::Invalid);
    RecordingContext context(nullptr);
    for (auto [part, name] : {std::pair{title, "title"}, std::pair{body, "body"}}) {
        Rendered r = renderPart(part, context);
        if (!r.error.empty())
            return Error(fmt::format("The template's {} is not valid: {}.", name, r.error),
                         ErrorKind::Invalid);
    }
    if (!context.missing().empty()) {
        const std::string& field = context.missing().front();
        std::string_view where;
        const int line = lineOf(title, body, field, &where);
        return Error(
            where == "title"
                ? fmt::format("The title names {{{{{}}}}}, which is not a merge field.", field)
                : fmt::format("Line {} names {{{{{}}}}}, which is not a merge field.", line, field),
            ErrorKind::Invalid, Hint::None, {{"field", field}, {"line", std::to_string(line)}});
    }
    return {};
}

Result<RenderedLetter> renderLetter(std::string_view title, std::string_view body,
                                    const MergeValues& values) {
    RecordingContext context(&values);
    RenderedLetter letter;
    Rendered t = renderPart(title, context);
    Rendered b = renderPart(body, context);
    for (const Rendered* r : {&t, &b})
        if (!r->error.empty())
            return Error(fmt::format("The letter template is not valid: {}.", r->error),
                         ErrorKind::Invalid);
    if (!context.missing().empty()) {
        const std::string& field = context.missing().front();
        return Error(isMergeField(field)
                         ? fmt::format("the letter needs {{{{{}}}}}, which has no value for this "
                                       "loan; nothing was printed or recorded.",
                                       field)
                         : fmt::format("the letter template names {{{{{}}}}}, which is not a "
                                       "merge field; nothing was printed or recorded.",
                                       field),
                     ErrorKind::Invalid, Hint::None, {{"field", field}});
    }
    letter.title = std::move(t.text);
    letter.text = std::move(b.text);
    return letter;
}

std::vector<std::string> fieldsUsed(std::string_view title, std::string_view body) {
    RecordingContext context(nullptr);
    renderPart(title, context);
    renderPart(body, context);
    return context.used();
}

std::string sha256Hex(std::string_view text) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (unsigned char c : digest)
        hex += fmt::format("{:02x}", c);
    return hex;
}

} // namespace rd
