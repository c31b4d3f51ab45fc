#include "audit_text.h"

#include "money_display.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>
#include <limits>
#include <map>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::AuditText", text);
}

// One side of a row: a JSON object, or a plain value ("akello", "early", "08:00-20:00").
struct Side {
    QJsonObject object;
    QString plain;
    bool isObject = false;
    bool present = false;
};

Side sideOf(const std::optional<std::string>& text) {
    Side side;
    if (!text)
        return side;
    side.present = true;
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(*text), &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        side.object = doc.object();
        side.isObject = true;
    } else {
        side.plain = QString::fromStdString(*text);
    }
    return side;
}

struct Row {
    const AuditEntry& entry;
    const AuditWords& words;
    Side before;
    Side after;

    QString who() const { return userText(entry.actor, words.fullNames); }
    QString person(const QString& username) const {
        return userText(username.toStdString(), words.fullNames);
    }
    QString text(const char* key) const {
        return after.object.value(QLatin1String(key)).toString();
    }
    // The plan an action was on (plan actions name it in their JSON).
    QString plan() const {
        return QString::number(after.object.value(QLatin1String("plan")).toInteger());
    }
    QString money(const QJsonValue& minor) const {
        return displayMoneyWithCode(static_cast<Amount>(minor.toInteger()), words.currency);
    }
};

QString dateText(const QString& iso) {
    return isoDateText(iso.toStdString());
}

// " Reason: x." / "" (a reason, comment or note given with the action).
QString labelled(const QString& label, const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    return QStringLiteral(" ") + label.arg(t);
}

QString reasonPart(const QString& text) {
    return text.trimmed().isEmpty() ? tr(" (no reason given)") : labelled(tr("Reason: %1"), text);
}

// A JSON value in words, for the details of an action without a sentence of its own.
QString valueWords(const QString& key, const QJsonValue& value, const Row& row) {
    if (value.isNull() || value.isUndefined())
        return tr("none");
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isDouble()) {
        if (key.endsWith(QLatin1String("_minor")))
            return row.money(value);
        // Integral numbers are kept exactly (Qt holds them as 64-bit integers).
        if (value.toInteger(std::numeric_limits<qint64>::min()) !=
            std::numeric_limits<qint64>::min())
            return QLocale().toString(static_cast<qlonglong>(value.toInteger()));
        return QLocale().toString(value.toDouble());
    }
    if (value.isString())
        return dateText(value.toString());
    if (value.isArray()) {
        QStringList items;
        for (const auto& v : value.toArray())
            items << valueWords(key, v, row);
        return items.join(QStringLiteral(", "));
    }
    QStringList parts;
    const auto object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(plainWords(it.key().toStdString()).toLower(),
                                             valueWords(it.key(), it.value(), row));
    return parts.join(QStringLiteral(", "));
}

QString sideWords(const Side& side, const Row& row) {
    if (!side.present)
        return {};
    if (!side.isObject)
        return side.plain;
    QStringList parts;
    for (auto it = side.object.begin(); it != side.object.end(); ++it) {
        QString key = it.key();
        if (key.endsWith(QLatin1String("_minor")))
            key.chop(6);
        parts << QStringLiteral("%1: %2").arg(plainWords(key.toStdString()),
                                              valueWords(it.key(), it.value(), row));
    }
    return parts.join(QStringLiteral("; "));
}

// " Follow-up on 3 April 2026." / "" (the follow_up_on of a counselling or referral row).
QString followUpPart(const Row& r) {
    const QString on = r.text("follow_up_on");
    return on.isEmpty() ? QString() : tr(" Follow-up on %1.").arg(dateText(on));
}

// "12 days past due" / "1 day past due"
QString daysPastDue(int dpd) {
    return dpd == 1 ? tr("1 day past due") : tr("%1 days past due").arg(dpd);
}

QString runBy(const Row& r) {
    return tr(" (update run by %1)").arg(r.who());
}

QString contactSentence(const Row& r) {
    const auto& a = r.after.object;
    QString what = QStringLiteral("%1, %2: %3");
    const auto channel = parseContactChannel(r.text("channel").toStdString());
    const auto person = parsePersonReached(r.text("person").toStdString());
    const auto outcome = parseContactOutcome(r.text("outcome").toStdString());
    what = what.arg(channel ? channelText(*channel) : plainWords(r.text("channel").toStdString()),
                    person ? personText(*person) : plainWords(r.text("person").toStdString()),
                    outcome ? outcomeText(*outcome) : plainWords(r.text("outcome").toStdString()));
    QString s = a.value(QLatin1String("corrects_contact_id")).isDouble()
                    ? tr("%1 corrected contact #%2: %3")
                          .arg(r.who())
                          .arg(a.value(QLatin1String("corrects_contact_id")).toInt())
                          .arg(what)
                    : tr("%1 logged a contact: %2").arg(r.who(), what);
    const auto at = DateTime::parse(r.text("at").toStdString());
    if (at)
        s += tr(" at %1").arg(displayDateTime(*at));
    s += labelled(tr("Note: %1."), r.text("note"));
    if (a.value(QLatin1String("promise")).isObject()) {
        const auto p = a.value(QLatin1String("promise")).toObject();
        s += tr(" Promise: %1 by %2.")
                 .arg(r.money(p.value(QLatin1String("amount_minor"))),
                      dateText(p.value(QLatin1String("promised_for")).toString()));
    }
    if (!r.text("next_action_on").isEmpty())
        s += tr(" Next action on %1.").arg(dateText(r.text("next_action_on")));
    s += labelled(tr("Outside the contact rules because: %1."), r.text("override_reason"));
    return s;
}

QString stageSentence(const Row& r) {
    const auto from = stageCodeText(r.text("from").toStdString());
    const auto to = stageCodeText(r.text("to").toStdString());
    if (r.after.object.value(QLatin1String("automatic")).toBool())
        return tr("Case moved from %1 to %2 automatically: %3.%4")
            .arg(from, to, r.text("note"), runBy(r));
    QString s = tr("%1 moved the case from %2 to %3.").arg(r.who(), from, to);
    s += reasonPart(r.text("note"));
    if (r.after.object.value(QLatin1String("approval_id")).isDouble())
        s += tr(" (recorded as legal request #%1, approved by the same supervisor)")
                 .arg(r.after.object.value(QLatin1String("approval_id")).toInt());
    return s;
}

QString userTarget(const Row& r) {
    QString name = r.text("username");
    if (name.isEmpty() && r.before.isObject)
        name = r.before.object.value(QLatin1String("username")).toString();
    return name.isEmpty() ? tr("a user") : r.person(name);
}

QString deliveryText(const QString& code) {
    if (code == QLatin1String("hand"))
        return tr("hand");
    if (code == QLatin1String("post"))
        return tr("post");
    if (code == QLatin1String("email"))
        return tr("email");
    return tr("print");
}

using Sentence = std::function<QString(const Row&)>;

const std::map<QString, Sentence>& sentences() {
    static const std::map<QString, Sentence> all = {
        {QStringLiteral("add_contact"), contactSentence},
        {QStringLiteral("add_promise"),
         [](const Row& r) {
             return tr("%1 recorded a promise of %2 by %3.")
                 .arg(r.who(), r.money(r.after.object.value(QLatin1String("amount_minor"))),
                      dateText(r.text("promised_for")));
         }},
        {QStringLiteral("assess_feasibility"),
         [](const Row& r) {
             const auto& a = r.after.object;
             return tr("%1 assessed legal action: balance %2, a %3% chance of recovery, "
                       "expected net recovery %4.")
                        .arg(r.who(), r.money(a.value(QLatin1String("balance"))))
                        .arg(a.value(QLatin1String("chance_percent")).toInteger())
                        .arg(r.money(a.value(QLatin1String("expected_net_recovery")))) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("open_legal_case"),
         [](const Row& r) {
             const QString number = r.text("case_number");
             return tr("%1 recorded legal case %2 filed at %3 on %4%5.")
                        .arg(r.who())
                        .arg(r.after.object.value(QLatin1String("legal_case_id")).toInteger())
                        .arg(r.text("forum"), dateText(r.text("filed_on")),
                             number.isEmpty() ? QString() : tr(" (case number %1)").arg(number)) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("update_legal_case"),
         [](const Row& r) {
             return tr("%1 recorded legal case %2 as %3.")
                        .arg(r.who())
                        .arg(r.after.object.value(QLatin1String("legal_case_id")).toInteger())
                        .arg(plainWords(r.text("status").toStdString()).toLower()) +
                    labelled(tr("Case number: %1."), r.text("case_number")) +
                    labelled(tr("Lawyer: %1."), r.text("lawyer")) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("add_legal_session"),
         [](const Row& r) {
             const QString time = r.text("time");
             return tr("%1 scheduled a %2 on %3%4 at %5.")
                        .arg(r.who(), plainWords(r.text("kind").toStdString()).toLower(),
                             dateText(r.text("date")),
                             time.isEmpty() ? QString() : tr(" at %1").arg(time), r.text("place")) +
                    labelled(tr("Purpose: %1."), r.text("purpose"));
         }},
        {QStringLiteral("record_session_outcome"),
         [](const Row& r) {
             const QString next = r.text("next_date");
             return tr("%1 recorded the outcome of session %2: %3.")
                        .arg(r.who())
                        .arg(r.after.object.value(QLatin1String("session_id")).toInteger())
                        .arg(r.text("outcome")) +
                    (next.isEmpty() ? QString() : tr(" Next session on %1.").arg(dateText(next)));
         }},
        {QStringLiteral("record_judgment"),
         [](const Row& r) {
             const auto& a = r.after.object;
             return tr("%1 recorded the judgment of %2: %3 awarded, costs %4.")
                        .arg(r.who(), dateText(r.text("date")),
                             r.money(a.value(QLatin1String("amount_awarded"))),
                             r.money(a.value(QLatin1String("costs_awarded")))) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("record_enforcement"),
         [](const Row& r) {
             return tr("%1 recorded a %2 on %3: %4, proceeds %5.")
                        .arg(r.who(), plainWords(r.text("kind").toStdString()).toLower(),
                             dateText(r.text("date")), r.text("items"),
                             r.money(r.after.object.value(QLatin1String("proceeds")))) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("add_cost"),
         [](const Row& r) {
             return tr("%1 recorded a %2 cost of %3 on %4.")
                        .arg(r.who(), plainWords(r.text("kind").toStdString()).toLower(),
                             r.money(r.after.object.value(QLatin1String("amount"))),
                             dateText(r.text("date"))) +
                    labelled(tr("Reference: %1."), r.text("reference")) +
                    labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("reverse_cost"),
         [](const Row& r) {
             return tr("%1 reversed cost %2.")
                        .arg(r.who())
                        .arg(r.after.object.value(QLatin1String("reverses_cost_id")).toInteger()) +
                    reasonPart(r.text("reason"));
         }},
        {QStringLiteral("send_letter"),
         [](const Row& r) {
             return tr("%1 sent letter %2 (%3, delivered by %4).")
                 .arg(r.who())
                 .arg(r.after.object.value(QLatin1String("letter_no")).toInteger())
                 .arg(letterKindText(r.text("kind").toStdString()),
                      deliveryText(r.text("delivery")));
         }},
        {QStringLiteral("reprint_letter"),
         [](const Row& r) {
             return tr("%1 printed copy %2 of letter %3.")
                 .arg(r.who())
                 .arg(r.after.object.value(QLatin1String("copy")).toInteger())
                 .arg(r.after.object.value(QLatin1String("letter_no")).toInteger());
         }},
        {QStringLiteral("save_letter_template"),
         [](const Row& r) {
             return tr("%1 saved version %2 of the %3 letter template (%4).")
                 .arg(r.who())
                 .arg(r.after.object.value(QLatin1String("version")).toInteger())
                 .arg(letterKindText(r.text("kind").toStdString()).toLower(), r.text("language"));
         }},
        {QStringLiteral("add_note"),
         [](const Row& r) {
             const auto corrects = r.after.object.value(QLatin1String("corrects_note_id"));
             if (corrects.isDouble())
                 return tr("%1 corrected note #%2: %3")
                     .arg(r.who())
                     .arg(corrects.toInt())
                     .arg(r.text("text"));
             return tr("%1 added a note: %2").arg(r.who(), r.text("text"));
         }},
        {QStringLiteral("change_stage"), stageSentence},
        {QStringLiteral("propose_plan"),
         [](const Row& r) {
             const auto& a = r.after.object;
             QString s = tr("%1 proposed plan %2: %3 paying %4 in %5 installments from %6")
                             .arg(r.who(), r.plan(), plainWords(r.text("kind").toStdString()),
                                  r.money(a.value(QLatin1String("total"))))
                             .arg(a.value(QLatin1String("installments")).toInt())
                             .arg(dateText(r.text("start")));
             if (a.value(QLatin1String("waived")).toInteger() > 0)
                 s += tr(", waiving %1").arg(r.money(a.value(QLatin1String("waived"))));
             return s + u'.' + labelled(tr("Affordability: %1"), r.text("affordability_reason"));
         }},
        {QStringLiteral("approve_plan"),
         [](const Row& r) {
             const auto& a = r.after.object;
             const bool active = a.value(QLatin1String("active")).toBool();
             return (active ? tr("%1 approved plan %2; it is active.").arg(r.who(), r.plan())
                            : tr("%1 gave plan %2 its first of %3 approvals.")
                                  .arg(r.who(), r.plan())
                                  .arg(a.value(QLatin1String("approvals_needed")).toInt())) +
                    labelled(tr("Comment: %1"), r.text("comment"));
         }},
        {QStringLiteral("reject_plan"),
         [](const Row& r) {
             return tr("%1 rejected plan %2.").arg(r.who(), r.plan()) +
                    labelled(tr("Comment: %1"), r.text("comment"));
         }},
        {QStringLiteral("withdraw_plan"),
         [](const Row& r) {
             return tr("%1 withdrew plan %2.").arg(r.who(), r.plan()) +
                    reasonPart(r.text("comment"));
         }},
        {QStringLiteral("cancel_plan"),
         [](const Row& r) {
             return tr("Plan %1 was replaced by plan %2, approved by %3.")
                 .arg(r.plan())
                 .arg(r.after.object.value(QLatin1String("replaced_by_plan")).toInt())
                 .arg(r.who());
         }},
        {QStringLiteral("complete_settlement"),
         [](const Row& r) {
             const auto& a = r.after.object;
             return tr("Settlement plan %1 was paid on %2; the rest was waived: principal %3, "
                       "interest %4, fees %5, penalties %6.")
                 .arg(r.plan(), dateText(r.text("waived_on")),
                      r.money(a.value(QLatin1String("principal"))),
                      r.money(a.value(QLatin1String("interest"))),
                      r.money(a.value(QLatin1String("fees"))),
                      r.money(a.value(QLatin1String("penalties"))));
         }},
        {QStringLiteral("set_budget"),
         [](const Row& r) {
             const auto& a = r.after.object;
             return tr("%1 recorded a budget for client %2: income %3, expenses %4, surplus %5 a "
                       "month.")
                 .arg(r.who(), r.text("client"), r.money(a.value(QLatin1String("income"))),
                      r.money(a.value(QLatin1String("expenses"))),
                      r.money(a.value(QLatin1String("surplus"))));
         }},
        {QStringLiteral("request_legal"),
         [](const Row& r) {
             return tr("%1 asked a supervisor to move the case to legal.").arg(r.who()) +
                    reasonPart(r.text("note"));
         }},
        {QStringLiteral("approve_legal"),
         [](const Row& r) {
             return tr("%1 approved the request of %2 to move the case to legal.")
                        .arg(r.who(), r.person(r.text("requested_by"))) +
                    labelled(tr("Comment: %1"), r.text("comment"));
         }},
        {QStringLiteral("reject_legal"),
         [](const Row& r) {
             return tr("%1 rejected the request of %2 to move the case to legal.")
                        .arg(r.who(), r.person(r.text("requested_by"))) +
                    labelled(tr("Comment: %1"), r.text("comment"));
         }},
        {QStringLiteral("sign_off_review"),
         [](const Row& r) {
             return tr("%1 signed off a review of the case.").arg(r.who()) +
                    labelled(tr("Comment: %1"), r.text("comment"));
         }},
        {QStringLiteral("add_counselling"),
         [](const Row& r) {
             const auto clients =
                 static_cast<int>(r.after.object.value(QLatin1String("clients")).toArray().size());
             const QString what = r.text("kind") == QLatin1String("workshop")
                                      ? tr("a counselling workshop")
                                      : tr("a one-to-one counselling session");
             return tr("%1 recorded %2 on %3 about \"%4\", led by %5, for %6.")
                        .arg(r.who(), what, dateText(r.text("date")), r.text("topic"),
                             r.text("facilitator"),
                             clients == 1 ? tr("1 client") : tr("%1 clients").arg(clients)) +
                    followUpPart(r) + labelled(tr("Notes: %1"), r.text("notes"));
         }},
        {QStringLiteral("add_referral"),
         [](const Row& r) {
             return tr("%1 referred the client to %2 (%3).")
                        .arg(r.who(), r.text("organisation"),
                             plainWords(r.text("service").toStdString()).toLower()) +
                    followUpPart(r) + labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("update_referral"),
         [](const Row& r) {
             return tr("%1 marked the referral to %2 as %3.")
                        .arg(r.who(), r.text("organisation"),
                             plainWords(r.text("status").toStdString()).toLower()) +
                    followUpPart(r) + labelled(tr("Note: %1"), r.text("note"));
         }},
        {QStringLiteral("reassign_case"),
         [](const Row& r) {
             const QString to = r.person(r.after.plain);
             if (r.before.plain.isEmpty())
                 return tr("%1 assigned the case to %2.").arg(r.who(), to);
             return tr("%1 reassigned the case from %2 to %3.")
                 .arg(r.who(), r.person(r.before.plain), to);
         }},
        {QStringLiteral("take_payment"),
         [](const Row& r) {
             const auto method = r.text("method").toStdString();
             QString how = plainWords(method).toLower();
             for (auto m : {PaymentMethod::Cash, PaymentMethod::Cheque, PaymentMethod::BankTransfer,
                            PaymentMethod::MobileMoney, PaymentMethod::Other})
                 if (method == toString(m))
                     how = paymentMethodText(m).toLower();
             QString s =
                 tr("%1 took a payment of %2 by %3, receipt %4")
                     .arg(r.who(), r.money(r.after.object.value(QLatin1String("amount_minor"))),
                          how, r.text("payment_id"));
             if (!r.text("reference").isEmpty())
                 s += tr(", reference %1").arg(r.text("reference"));
             return s + u'.';
         }},
        {QStringLiteral("reverse_payment"),
         [](const Row& r) {
             const auto amount = r.before.object.value(QLatin1String("amount_minor"));
             return tr("%1 reversed the payment %2 of %3.")
                        .arg(r.who(), r.text("payment_id"), r.money(amount)) +
                    reasonPart(r.text("reason"));
         }},
        {QStringLiteral("print_receipt"),
         [](const Row& r) {
             const int copy = r.after.object.value(QLatin1String("copy")).toInt();
             const QString receipt =
                 QString::number(r.after.object.value(QLatin1String("receipt_no")).toInteger())
                     .rightJustified(6, u'0');
             if (copy <= 1)
                 return tr("%1 printed receipt %2.").arg(r.who(), receipt);
             return tr("%1 reprinted receipt %2 (copy %3, marked DUPLICATE).")
                 .arg(r.who(), receipt)
                 .arg(copy);
         }},
        {QStringLiteral("close_day"),
         [](const Row& r) {
             const auto& a = r.after.object;
             QString s =
                 tr("%1 closed their day: %2 receipt(s), %3 received, cash counted %4 "
                    "against %5 expected")
                     .arg(r.who(), QString::number(a.value(QLatin1String("receipt_count")).toInt()),
                          r.money(a.value(QLatin1String("received_minor"))),
                          r.money(a.value(QLatin1String("cash_counted_minor"))),
                          r.money(a.value(QLatin1String("cash_expected_minor"))));
             return s + u'.' +
                    labelled(tr("Difference explained: %1"), r.text("difference_reason"));
         }},
        {QStringLiteral("sign_off_day"),
         [](const Row& r) { return tr("%1 signed off an officer's closed day.").arg(r.who()); }},
        {QStringLiteral("reopen_day"),
         [](const Row& r) {
             return tr("%1 reopened an officer's closed day.").arg(r.who()) +
                    reasonPart(r.text("reason"));
         }},
        {QStringLiteral("open_case"),
         [](const Row& r) {
             const auto& a = r.after.object;
             return tr("Case opened automatically: %1, in stage %2.%3")
                 .arg(daysPastDue(a.value(QLatin1String("dpd")).toInt()),
                      stageCodeText(r.text("stage").toStdString()), runBy(r));
         }},
        {QStringLiteral("assign_case"),
         [](const Row& r) {
             const auto rule = r.text("rule").toStdString();
             return tr("Assigned to %1 (%2).%3")
                 .arg(r.person(r.text("officer")), assignmentRuleText(rule).toLower(), runBy(r));
         }},
        {QStringLiteral("close_case"),
         [](const Row& r) {
             QString s = tr("Case closed automatically: %1")
                             .arg(closeReasonText(r.text("reason").toStdString()));
             if (!r.text("current_since").isEmpty())
                 s += tr(", current since %1").arg(dateText(r.text("current_since")));
             return s + u'.' + runBy(r);
         }},
        {QStringLiteral("recompute_cases"),
         [](const Row& r) {
             const auto& a = r.after.object;
             const auto n = [&a](const char* key) { return a.value(QLatin1String(key)).toInt(); };
             return tr("The cases were updated as of %1: %2 opened, %3 closed as cured, %4 "
                       "closed as paid off, %5 closed as settled, %6 moved to post write-off.")
                 .arg(dateText(r.text("as_of")))
                 .arg(n("opened"))
                 .arg(n("closed_cured"))
                 .arg(n("closed_paid"))
                 .arg(n("closed_settled"))
                 .arg(n("moved_to_post_write_off"));
         }},
        {QStringLiteral("import"),
         [](const Row& r) {
             const auto& a = r.after.object;
             const auto n = [&a](const char* key) { return a.value(QLatin1String(key)).toInt(); };
             return tr("%1 imported from the core banking system: %2 loans added, %3 changed, "
                       "%4 payments added, %5 reversed.")
                 .arg(r.who())
                 .arg(n("loans_added"))
                 .arg(n("loans_changed"))
                 .arg(n("payments_added"))
                 .arg(n("payments_reversed"));
         }},
        {QStringLiteral("change_setting"),
         [](const Row& r) {
             // The key is the row's entity key, which the trail does not carry: the values say
             // what changed.
             if (!r.before.present)
                 return tr("%1 changed a setting to %2.").arg(r.who(), r.after.plain);
             return tr("%1 changed a setting from %2 to %3.")
                 .arg(r.who(), r.before.plain, r.after.plain);
         }},
        {QStringLiteral("rebuild_ledger_cache"),
         [](const Row& r) {
             return tr("%1 rebuilt the ledger cache (%2 loans).")
                 .arg(r.who())
                 .arg(r.after.object.value(QLatin1String("loans")).toInt());
         }},
        {QStringLiteral("create_first_admin"),
         [](const Row& r) {
             return tr("%1 was created as the first administrator.").arg(r.who());
         }},
        {QStringLiteral("add_user"),
         [](const Row& r) { return tr("%1 added the user %2.").arg(r.who(), userTarget(r)); }},
        {QStringLiteral("disable_user"),
         [](const Row& r) { return tr("%1 disabled the user %2.").arg(r.who(), userTarget(r)); }},
        {QStringLiteral("reset_password"),
         [](const Row& r) {
             return tr("%1 gave %2 a new temporary password.").arg(r.who(), userTarget(r));
         }},
        {QStringLiteral("change_password"),
         [](const Row& r) { return tr("%1 changed their password.").arg(r.who()); }},
        {QStringLiteral("lock_user"),
         [](const Row& r) {
             return tr("%1 was locked out after too many failed sign-ins.").arg(r.who());
         }},
        {QStringLiteral("sign_in_failed"),
         [](const Row& r) { return tr("%1 failed to sign in.").arg(r.who()); }},
        {QStringLiteral("sign_in"),
         [](const Row& r) {
             return tr("%1 signed in (the failed sign-ins before were cleared).").arg(r.who());
         }},
    };
    return all;
}

} // namespace

QString auditSentence(const AuditEntry& entry, const AuditWords& words) {
    const Row row{entry, words, sideOf(entry.before), sideOf(entry.after)};
    const auto action = QString::fromStdString(entry.action);
    const auto& known = sentences();
    if (const auto found = known.find(action); found != known.end())
        return found->second(row);
    QString s = tr("%1: %2").arg(row.who(), plainWords(entry.action).toLower());
    const QString before = sideWords(row.before, row);
    const QString after = sideWords(row.after, row);
    if (!before.isEmpty())
        s += tr(". Before: %1").arg(before);
    if (!after.isEmpty())
        s += tr(". After: %1").arg(after);
    return s + u'.';
}

const QStringList& auditActionsWithSentences() {
    static const QStringList names = [] {
        QStringList out;
        for (const auto& [name, sentence] : sentences())
            out << name;
        return out;
    }();
    return names;
}

} // namespace rd::ui
