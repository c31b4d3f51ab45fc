#include "letter_ladder.h"

#include "text_trim.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace rd {
namespace {

bool validKind(std::string_view kind) {
    return !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

std::string kindWords(std::string_view kind) {
    std::string words(kind);
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

} // namespace

Result<LetterLadder> parseLetterLadder(std::string_view text, int repeatDays) {
    if (repeatDays < 1 || repeatDays > 365)
        return Error{
            fmt::format("a letter's repeat interval is {} days: give 1 to 365", repeatDays),
            ErrorKind::Invalid};
    LetterLadder ladder;
    ladder.repeatDays = repeatDays;
    int lastDpd = 0;
    for (std::string_view part : splitCommaList(text)) {
        const auto bad = [&](std::string_view why) {
            return Error{fmt::format("\"{}\" is not a rung of the letter ladder: {}; give "
                                     "KIND:DAYS_PAST_DUE, e.g. reminder:7, or "
                                     "KIND:after_KIND, e.g. pre_legal_notice:after_final_demand",
                                     part, why),
                         ErrorKind::Invalid};
        };
        const std::size_t colon = part.find(':');
        if (colon == std::string_view::npos)
            return bad("there is no ':'");
        LadderRung rung;
        rung.kind = std::string(trimView(part.substr(0, colon)));
        const std::string_view when = trimView(part.substr(colon + 1));
        if (!validKind(rung.kind))
            return bad("a kind is lowercase letters, digits and _");
        for (const auto& r : ladder.rungs)
            if (r.kind == rung.kind)
                return bad("the kind is already on the ladder");
        if (when.rfind("after_", 0) == 0) {
            rung.afterDeadlineOf = std::string(when.substr(6));
            const bool earlier =
                std::any_of(ladder.rungs.begin(), ladder.rungs.end(),
                            [&](const LadderRung& r) { return r.kind == rung.afterDeadlineOf; });
            if (!earlier)
                return bad(fmt::format("\"{}\" is not an earlier rung", rung.afterDeadlineOf));
        } else {
            int dpd = 0;
            const auto [end, ec] = std::from_chars(when.data(), when.data() + when.size(), dpd);
            if (ec != std::errc{} || end != when.data() + when.size() || dpd < 1 || dpd > 3650)
                return bad("the days past due are a whole number from 1 to 3650");
            if (dpd <= lastDpd)
                return bad(fmt::format("each rung comes at more days past due than the one "
                                       "before ({})",
                                       lastDpd));
            rung.daysPastDue = dpd;
            lastDpd = dpd;
        }
        ladder.rungs.push_back(std::move(rung));
    }
    return ladder;
}

std::string letterLadderText(const LetterLadder& ladder) {
    std::string out;
    for (const auto& r : ladder.rungs) {
        if (!out.empty())
            out += ',';
        out += r.afterDeadlineOf.empty() ? fmt::format("{}:{}", r.kind, r.daysPastDue)
                                         : fmt::format("{}:after_{}", r.kind, r.afterDeadlineOf);
    }
    return out;
}

std::optional<LetterDue> letterDue(const LetterLadder& ladder, const LadderCase& c, Date date) {
    if (c.daysPastDue <= 0 || c.planKept)
        return std::nullopt;
    const auto latestOf = [&](std::string_view kind) {
        const LadderLetter* latest = nullptr;
        for (const auto& l : c.sent)
            if (l.kind == kind && !(date < l.date) && (!latest || latest->date < l.date))
                latest = &l;
        return latest;
    };
    for (int i = static_cast<int>(ladder.rungs.size()) - 1; i >= 0; --i) {
        const LadderRung& rung = ladder.rungs[i];
        LetterDue due;
        due.kind = rung.kind;
        due.rung = i;
        if (rung.afterDeadlineOf.empty()) {
            if (c.daysPastDue < rung.daysPastDue)
                continue;
            due.reason = fmt::format("{} days past due ({} from {})", c.daysPastDue,
                                     kindWords(rung.kind), rung.daysPastDue);
        } else {
            const LadderLetter* earlier = latestOf(rung.afterDeadlineOf);
            if (!earlier || !earlier->deadline || !(*earlier->deadline < date))
                continue;
            due.reason =
                fmt::format("the {}'s deadline {} passed unpaid", kindWords(rung.afterDeadlineOf),
                            earlier->deadline->toString());
        }
        // The highest rung reached: a letter of it or above within the repeat interval
        // satisfies it.
        for (std::size_t j = static_cast<std::size_t>(i); j < ladder.rungs.size(); ++j) {
            const LadderLetter* sent = latestOf(ladder.rungs[j].kind);
            if (sent && date < sent->date.addDays(ladder.repeatDays))
                return std::nullopt;
        }
        if (const LadderLetter* last = latestOf(rung.kind))
            due.lastSent = last->date;
        return due;
    }
    return std::nullopt;
}

} // namespace rd
