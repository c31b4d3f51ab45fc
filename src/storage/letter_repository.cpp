#include "letter_repository.h"

#include "date_columns.h"
#include "sqlite_statement.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rd::storage {
namespace {

constexpr const char* kTemplateColumns =
    "id, kind, language, version, title, body, saved_by, saved_at";

LetterTemplateRecord readTemplate(const Statement& st) {
    LetterTemplateRecord t;
    t.id = st.int64(0);
    t.kind = st.string(1);
    t.language = st.string(2);
    t.version = st.int32(3);
    t.title = st.string(4);
    t.body = st.string(5);
    t.savedBy = st.string(6);
    t.savedAt = st.string(7);
    return t;
}

constexpr const char* kLetterSelect =
    "SELECT l.letter_no, lo.loan_id, l.case_id, l.contact_id, l.kind, t.language, t.version, "
    "l.recipient, l.business_date, l.deadline, l.delivery, l.sent_at, l.sent_by, l.title, "
    "l.text, l.sha256, l.letterhead, ifnull(l.logo_sha256, '') FROM letters l "
    "JOIN loans lo ON lo.id = l.loan_pk JOIN letter_templates t ON t.id = l.template_id ";

std::string letterheadJson(const Letterhead& h) {
    nlohmann::ordered_json j;
    j["name"] = h.name;
    j["address"] = h.address;
    j["phone"] = h.phone;
    j["licence"] = h.licence;
    return j.dump();
}

LetterRecord readLetter(const Statement& st) {
    LetterRecord l;
    l.letterNo = st.int64(0);
    l.loanId = st.string(1);
    l.caseId = st.int64(2);
    l.contactId = st.int64(3);
    l.kind = st.string(4);
    l.language = st.string(5);
    l.templateVersion = st.int32(6);
    l.recipient = st.string(7);
    l.businessDate = dateColumn(st, 8);
    l.deadline = optionalDateColumn(st, 9);
    l.delivery = parseLetterDelivery(st.text(10)).value();
    l.sentAt = st.string(11);
    l.sentBy = st.string(12);
    l.title = st.string(13);
    l.text = st.string(14);
    l.sha256 = st.string(15);
    const auto head = nlohmann::json::parse(st.string(16));
    l.letterhead.name = head.value("name", "");
    l.letterhead.address = head.value("address", "");
    l.letterhead.phone = head.value("phone", "");
    l.letterhead.licence = head.value("licence", "");
    l.letterhead.logoSha256 = st.string(17);
    return l;
}

} // namespace

std::vector<LetterTemplateRecord> LetterRepository::latestTemplates() const {
    Statement st(db_.handle(), std::string("SELECT ") + kTemplateColumns +
                                   " FROM letter_templates t WHERE version = (SELECT max(version) "
                                   "FROM letter_templates u WHERE u.kind = t.kind AND "
                                   "u.language = t.language) ORDER BY kind, language");
    std::vector<LetterTemplateRecord> out;
    while (st.step())
        out.push_back(readTemplate(st));
    return out;
}

std::optional<LetterTemplateRecord>
LetterRepository::latestTemplate(std::string_view kind, std::string_view language) const {
    Statement st(db_.handle(), std::string("SELECT ") + kTemplateColumns +
                                   " FROM letter_templates WHERE kind = ? AND language = ? "
                                   "ORDER BY version DESC LIMIT 1");
    st.bind(1, kind).bind(2, language);
    if (st.step())
        return readTemplate(st);
    return std::nullopt;
}

std::vector<LetterTemplateRecord>
LetterRepository::templateVersions(std::string_view kind, std::string_view language) const {
    Statement st(db_.handle(), std::string("SELECT ") + kTemplateColumns +
                                   " FROM letter_templates WHERE kind = ? AND language = ? "
                                   "ORDER BY version");
    st.bind(1, kind).bind(2, language);
    std::vector<LetterTemplateRecord> out;
    while (st.step())
        out.push_back(readTemplate(st));
    return out;
}

LetterTemplateRecord
LetterRepository::saveTemplate(const std::string& kind, const std::string& language,
                               const std::string& title, const std::string& body,
                               const std::string& savedBy, const std::string& savedAt) {
    Statement next(db_.handle(), "SELECT ifnull(max(version), 0) + 1 FROM letter_templates "
                                 "WHERE kind = ? AND language = ?");
    next.bind(1, kind).bind(2, language);
    next.step();
    LetterTemplateRecord t;
    t.kind = kind;
    t.language = language;
    t.version = next.int32(0);
    t.title = title;
    t.body = body;
    t.savedBy = savedBy;
    t.savedAt = savedAt;
    Statement insert(db_.handle(), "INSERT INTO letter_templates(kind, language, version, title, "
                                   "body, saved_by, saved_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, kind).bind(2, language).bind(3, t.version).bind(4, title).bind(5, body);
    insert.bind(6, savedBy).bind(7, savedAt).execute();
    t.id = sqlite3_last_insert_rowid(db_.handle());
    return t;
}

std::int64_t LetterRepository::nextLetterNo() const {
    Statement st(db_.handle(), "SELECT ifnull(max(letter_no), 0) + 1 FROM letters");
    st.step();
    return st.int64(0);
}

std::int64_t LetterRepository::nextBatchId() const {
    Statement st(db_.handle(), "SELECT ifnull(max(batch_id), 0) + 1 FROM letters");
    st.step();
    return st.int64(0);
}

std::unordered_map<std::int64_t, std::int64_t>
LetterRepository::clientsOf(const std::vector<std::int64_t>& loanKeys) const {
    std::unordered_map<std::int64_t, std::int64_t> out;
    // Keys are integers, written into the SQL 500 at a time.
    constexpr std::size_t kChunk = 500;
    for (std::size_t first = 0; first < loanKeys.size(); first += kChunk) {
        std::string in;
        for (std::size_t i = first; i < std::min(loanKeys.size(), first + kChunk); ++i)
            in += fmt::format("{}{}", in.empty() ? "" : ", ", loanKeys[i]);
        Statement st(db_.handle(),
                     fmt::format("SELECT id, client_pk FROM loans WHERE id IN ({})", in));
        while (st.step())
            out[st.int64(0)] = st.int64(1);
    }
    return out;
}

void LetterRepository::insertLetter(const LetterRecord& l, std::int64_t loanKey,
                                    std::int64_t templateId, std::optional<std::int64_t> batchId) {
    Statement st(db_.handle(),
                 "INSERT INTO letters(letter_no, loan_pk, case_id, contact_id, template_id, kind, "
                 "recipient, guarantor_pk, legal_case_id, business_date, deadline, delivery, "
                 "sent_at, sent_by, batch_id, title, text, sha256, letterhead, logo_sha256) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, l.letterNo).bind(2, loanKey).bind(3, l.caseId).bind(4, l.contactId);
    st.bind(5, templateId).bind(6, l.kind).bind(7, l.recipient);
    st.bind(8, l.businessDate.toString());
    if (l.deadline)
        st.bind(9, l.deadline->toString());
    else
        st.bindNull(9);
    st.bind(10, std::string_view(toString(l.delivery))).bind(11, l.sentAt).bind(12, l.sentBy);
    st.bind(13, batchId).bind(14, l.title).bind(15, l.text).bind(16, l.sha256);
    st.bind(17, letterheadJson(l.letterhead)).bindOptional(18, l.letterhead.logoSha256);
    st.execute();
}

std::optional<LetterRecord> LetterRepository::letter(std::int64_t letterNo) const {
    Statement st(db_.handle(), std::string(kLetterSelect) + "WHERE l.letter_no = ?");
    st.bind(1, letterNo);
    if (st.step())
        return readLetter(st);
    return std::nullopt;
}

std::vector<LetterRecord> LetterRepository::lettersOfLoan(std::int64_t loanKey) const {
    Statement st(db_.handle(), std::string(kLetterSelect) + "WHERE l.loan_pk = ? ORDER BY "
                                                            "l.letter_no");
    st.bind(1, loanKey);
    std::vector<LetterRecord> out;
    while (st.step())
        out.push_back(readLetter(st));
    return out;
}

std::unordered_map<std::int64_t, std::vector<LadderLetter>>
LetterRepository::ladderLetters() const {
    Statement st(db_.handle(), "SELECT loan_pk, kind, business_date, deadline FROM letters "
                               "WHERE recipient = 'client'");
    std::unordered_map<std::int64_t, std::vector<LadderLetter>> out;
    while (st.step())
        out[st.int64(0)].push_back({st.string(1), dateColumn(st, 2), optionalDateColumn(st, 3)});
    return out;
}

std::unordered_map<std::int64_t, CallListLetterDeadline>
LetterRepository::latestDeadlines(Date asOf) const {
    Statement st(db_.handle(),
                 "SELECT case_id, letter_no, kind, deadline FROM letters WHERE letter_no IN "
                 "(SELECT max(letter_no) FROM letters WHERE recipient = 'client' AND deadline "
                 "IS NOT NULL AND business_date <= ? GROUP BY case_id)");
    st.bind(1, asOf.toString());
    std::unordered_map<std::int64_t, CallListLetterDeadline> out;
    while (st.step())
        out[st.int64(0)] = {st.int64(1), st.string(2), dateColumn(st, 3)};
    return out;
}

int LetterRepository::printedCopies(std::int64_t letterNo) const {
    Statement st(db_.handle(), "SELECT ifnull(max(copy), 1) FROM letter_prints WHERE "
                               "letter_no = ?");
    st.bind(1, letterNo);
    st.step();
    return st.int32(0);
}

void LetterRepository::insertPrint(std::int64_t letterNo, int copy, const std::string& at,
                                   const std::string& by) {
    Statement st(db_.handle(), "INSERT INTO letter_prints(letter_no, copy, printed_at, "
                               "printed_by) VALUES(?, ?, ?, ?)");
    st.bind(1, letterNo).bind(2, copy).bind(3, at).bind(4, by).execute();
}

void LetterRepository::keepLogo(const std::string& sha256, const std::string& image) {
    Statement st(db_.handle(), "INSERT OR IGNORE INTO letter_logos(sha256, image) VALUES(?, ?)");
    st.bind(1, sha256).bind(2, image).execute();
}

std::optional<std::string> LetterRepository::logo(const std::string& sha256) const {
    Statement st(db_.handle(), "SELECT image FROM letter_logos WHERE sha256 = ?");
    st.bind(1, sha256);
    if (st.step())
        return st.string(0);
    return std::nullopt;
}

} // namespace rd::storage
