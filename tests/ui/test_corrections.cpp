// Contacts and notes are append-only: correcting one from the case file's timeline saves a
// new entry that names the old one, and the old one stays in the database unchanged.
#include "dialogs/log_contact_dialog.h"
#include "models/timeline_model.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

int rowOf(const ui::TimelineModel& model, ui::TimelineEntry::Source source, std::int64_t id) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.entry(row).source == source && model.entry(row).sourceId == id)
            return row;
    return -1;
}

} // namespace

TEST_CASE("An officer corrects a contact and a note from the timeline, the originals stay",
          "[ui][corrections]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const User officer = desk.signIn(officerName);
    const auto list = desk.callList().forOfficer(officer, officerName, businessDate());
    REQUIRE(list);
    REQUIRE_FALSE(list->items.empty());
    const std::string loan = list->items.front().entry.loanId;

    services::NewContact wrong;
    wrong.loanId = loan;
    wrong.at = DateTime{businessDate(), 9 * 60};
    wrong.outcome = ContactOutcome::Refused;
    wrong.note = "Logged on the wrong client";
    const auto saved = desk.contacts().addContact(officer, wrong);
    REQUIRE(saved);
    const auto note =
        desk.actions().addNote(officer, loan, "Client moved to Gulu", std::nullopt, businessDate());
    REQUIRE(note);

    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    auto* button = page.findChild<QPushButton*>(QStringLiteral("correctButton"));
    REQUIRE(button);

    // A row that is neither a contact nor a note cannot be corrected.
    const int caseRow = [&] {
        for (int row = 0; row < page.timelineModel()->rowCount(); ++row)
            if (page.timelineModel()->entry(row).source == ui::TimelineEntry::Source::Other)
                return row;
        return -1;
    }();
    REQUIRE(caseRow >= 0);
    page.timelineView()->setCurrentIndex(page.timelineModel()->index(caseRow, 0));
    CHECK_FALSE(button->isEnabled());

    // The contact: the log contact form opens as a correction and saves a new contact.
    const int contactRow =
        rowOf(*page.timelineModel(), ui::TimelineEntry::Source::Contact, saved->contactId);
    REQUIRE(contactRow >= 0);
    page.timelineView()->setCurrentIndex(page.timelineModel()->index(contactRow, 0));
    REQUIRE(button->isEnabled());
    QString title;
    QString problem;
    ModalDriver correct("rd::ui::LogContactDialog", [&](QWidget* dialog) {
        title = dialog->windowTitle();
        auto* outcome = dialog->findChild<QComboBox*>(QStringLiteral("outcomeBox"));
        outcome->setCurrentIndex(outcome->findData(static_cast<int>(ContactOutcome::NoAnswer)));
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"))
            ->setPlainText(QStringLiteral("Nobody answered; the refusal was another client"));
        // Ctrl+Return is a shortcut: it fires in the active window only.
        expect(activate(dialog), "the correction form becomes active");
        QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
        problem = qobject_cast<ui::LogContactDialog*>(dialog)->problem();
    });
    CHECK(page.correctSelected());
    INFO(problem.toStdString());
    CHECK(problem.isEmpty());
    CHECK(correct.ran());
    CHECK(correct.failure().empty());
    CHECK(title.contains(QString::number(saved->contactId)));
    const auto id = std::to_string(saved->contactId);
    CHECK(desk.count("SELECT COUNT(*) FROM contacts WHERE corrects_contact_id = " + id) == 1);
    CHECK(desk.text("SELECT outcome FROM contacts WHERE corrects_contact_id = " + id) ==
          "no_answer");
    CHECK(desk.text("SELECT outcome FROM contacts WHERE id = " + id) == "refused");
    CHECK(page.message().contains(QStringLiteral("original stays")));

    // The note: a new note naming the old one.
    CHECK(page.correctNote(*note, QStringLiteral("Client moved to Lira")));
    const auto noteId = std::to_string(*note);
    CHECK(desk.text("SELECT text FROM case_notes WHERE corrects_note_id = " + noteId) ==
          "Client moved to Lira");
    CHECK(desk.text("SELECT text FROM case_notes WHERE id = " + noteId) == "Client moved to Gulu");
    // A blank correction is refused with the service's reason and writes nothing.
    CHECK_FALSE(page.correctNote(*note, QStringLiteral("   ")));
    CHECK_FALSE(page.message().isEmpty());
    CHECK(desk.count("SELECT COUNT(*) FROM case_notes WHERE corrects_note_id = " + noteId) == 1);
}
