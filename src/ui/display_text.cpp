#include "display_text.h"

#include <QCoreApplication>
#include <QDate>
#include <QPainter>
#include <QPixmap>
#include <QTime>
#include <map>

namespace rd::ui {

QDate toQDate(Date date) {
    return QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
}

Date toDate(const QDate& date) {
    return Date::fromCivil(date.year(), static_cast<unsigned>(date.month()),
                           static_cast<unsigned>(date.day()));
}

QString displayDate(Date date, const QLocale& locale) {
    return locale.toString(toQDate(date), QLocale::ShortFormat);
}

QString displayDate(const std::optional<Date>& date, const QLocale& locale) {
    return date ? displayDate(*date, locale) : QString();
}

QString displayDateTime(const DateTime& at, const QLocale& locale) {
    return displayDate(at.date, locale) + u' ' +
           locale.toString(QTime(at.minuteOfDay / 60, at.minuteOfDay % 60), QLocale::ShortFormat);
}

QString stageText(CaseStage stage) {
    switch (stage) {
    case CaseStage::Early:
        return QCoreApplication::translate("rd", "Early");
    case CaseStage::Collection:
        return QCoreApplication::translate("rd", "Collection");
    case CaseStage::PreLegal:
        return QCoreApplication::translate("rd", "Pre-legal");
    case CaseStage::Legal:
        return QCoreApplication::translate("rd", "Legal");
    case CaseStage::PostWriteOff:
        return QCoreApplication::translate("rd", "Post write-off");
    }
    return {};
}

QString promiseStatusText(PromiseStatus status) {
    switch (status) {
    case PromiseStatus::Pending:
        return QCoreApplication::translate("rd", "pending");
    case PromiseStatus::Kept:
        return QCoreApplication::translate("rd", "kept");
    case PromiseStatus::Partial:
        return QCoreApplication::translate("rd", "partly kept");
    case PromiseStatus::Broken:
        return QCoreApplication::translate("rd", "broken");
    }
    return {};
}

QString channelText(ContactChannel channel) {
    switch (channel) {
    case ContactChannel::Call:
        return QCoreApplication::translate("rd", "Call");
    case ContactChannel::Sms:
        return QCoreApplication::translate("rd", "SMS");
    case ContactChannel::Email:
        return QCoreApplication::translate("rd", "E-mail");
    case ContactChannel::Letter:
        return QCoreApplication::translate("rd", "Letter");
    case ContactChannel::Visit:
        return QCoreApplication::translate("rd", "Visit");
    case ContactChannel::Meeting:
        return QCoreApplication::translate("rd", "Meeting");
    }
    return {};
}

QString outcomeText(ContactOutcome outcome) {
    switch (outcome) {
    case ContactOutcome::Reached:
        return QCoreApplication::translate("rd", "Reached");
    case ContactOutcome::NoAnswer:
        return QCoreApplication::translate("rd", "No answer");
    case ContactOutcome::WrongNumber:
        return QCoreApplication::translate("rd", "Wrong number");
    case ContactOutcome::Refused:
        return QCoreApplication::translate("rd", "Refused to pay");
    case ContactOutcome::Disputed:
        return QCoreApplication::translate("rd", "Disputed");
    case ContactOutcome::Promised:
        return QCoreApplication::translate("rd", "Promised to pay");
    case ContactOutcome::Paid:
        return QCoreApplication::translate("rd", "Says paid");
    case ContactOutcome::Other:
        return QCoreApplication::translate("rd", "Other");
    }
    return {};
}

QString personText(PersonReached person) {
    switch (person) {
    case PersonReached::Client:
        return QCoreApplication::translate("rd", "Client");
    case PersonReached::Guarantor:
        return QCoreApplication::translate("rd", "Guarantor");
    case PersonReached::GroupLeader:
        return QCoreApplication::translate("rd", "Group leader");
    case PersonReached::Other:
        return QCoreApplication::translate("rd", "Someone else");
    }
    return {};
}

QString reasonText(CallReason reason) {
    switch (reason) {
    case CallReason::BrokenPromise:
        return QCoreApplication::translate("rd", "Broken promise");
    case CallReason::PromiseDue:
        return QCoreApplication::translate("rd", "Promise due");
    case CallReason::ActionDue:
        return QCoreApplication::translate("rd", "Action due");
    case CallReason::NewCase:
        return QCoreApplication::translate("rd", "New case");
    case CallReason::EarlyWarning:
        return QCoreApplication::translate("rd", "Early warning");
    }
    return {};
}

QColor bucketColor(std::optional<std::size_t> index) {
    // Green, amber, orange, red, dark red: readable on white, and the text says the same.
    static const QColor colours[] = {QColor(0x2e, 0x7d, 0x32), QColor(0xf9, 0xa8, 0x25),
                                     QColor(0xef, 0x6c, 0x00), QColor(0xc6, 0x28, 0x28),
                                     QColor(0x7b, 0x1f, 0x1f)};
    if (!index)
        return QColor(0x75, 0x75, 0x75);
    return colours[std::min<std::size_t>(*index, std::size(colours) - 1)];
}

QIcon bucketIcon(std::optional<std::size_t> index) {
    static std::map<int, QIcon> cache;
    const int key = index ? static_cast<int>(*index) : -1;
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(bucketColor(index));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    painter.end();
    return cache.emplace(key, QIcon(pixmap)).first->second;
}

} // namespace rd::ui
