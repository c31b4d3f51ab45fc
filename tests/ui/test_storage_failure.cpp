// A storage failure on the GUI thread (another program holds the database file's write
// lock): the save fails at the service edge, the desk shows a message box that says what
// happened and what to do, and nothing is half-saved.
#include "error_text.h"
#include "pages/case_file_page.h"
#include "ui_fixture.h"

#include <QMessageBox>
#include <QPushButton>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

TEST_CASE("A note that cannot be written because the file is locked shows a message box and "
          "saves nothing",
          "[ui][storage]") {
    DemoDesk desk;
    const auto officerName = desk.busiestOfficer();
    const auto officer = desk.signIn(officerName);
    const auto list = desk.callList().forOfficer(officer, officerName, businessDate());
    REQUIRE(list);
    REQUIRE_FALSE(list->items.empty());
    const std::string loan = list->items.front().entry.loanId;
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));

    const std::string notesOfLoan = "SELECT count(*) FROM case_notes n JOIN cases c ON c.id = "
                                    "n.case_id JOIN loans l ON l.id = c.loan_pk WHERE l.loan_id "
                                    "= '" +
                                    loan + "'";
    const auto notesBefore = desk.count(notesOfLoan);
    const auto auditBefore = desk.count("SELECT count(*) FROM audit_log");

    QString title, text;
    bool critical = false;
    {
        // Another program holds the write lock: the service's write waits out its busy
        // timeout, then fails.
        DatabaseLock lock(desk.dbPath());
        ModalDriver box("QMessageBox", [&](QWidget* widget) {
            auto* message = qobject_cast<QMessageBox*>(widget);
            expect(message != nullptr, "a QMessageBox");
            title = message->windowTitle();
            text = message->text();
            critical = message->icon() == QMessageBox::Critical;
            message->button(QMessageBox::Ok)->click();
        });
        CHECK_FALSE(page.addNote(QStringLiteral("Client will pay on Friday")));
        INFO(box.failure());
        CHECK(box.ran());
        CHECK(box.failure().empty());
    }
    INFO(text.toStdString());
    CHECK(critical);
    CHECK(title == QStringLiteral("Nothing was saved"));
    CHECK(text.startsWith(QStringLiteral("The database could not be read or written")));
    CHECK(text.contains(QStringLiteral("nothing was saved")));
    CHECK(text.contains(QStringLiteral("close the program that holds the database file")));
    CHECK(page.message() == text); // also under the tabs, where the note's result goes

    // The service rolled back: no note, no audit row; the desk works again once the file is
    // free.
    CHECK(desk.count(notesOfLoan) == notesBefore);
    CHECK(desk.count("SELECT count(*) FROM audit_log") == auditBefore);
    REQUIRE(page.addNote(QStringLiteral("Client will pay on Friday")));
    CHECK(desk.count(notesOfLoan) == notesBefore + 1);
}

TEST_CASE("errorText capitalises the message and words the hint for the GUI", "[ui][storage]") {
    CHECK(ui::errorText(Error{"a note needs some text", ErrorKind::Invalid, Hint::GiveText}) ==
          QStringLiteral("A note needs some text. Type the text of the note in the note box."));
    CHECK(ui::errorText(Error{"a request to move a case to legal needs a reason",
                              ErrorKind::Invalid, Hint::GiveReason}) ==
          QStringLiteral("A request to move a case to legal needs a reason. Type the reason."));
    CHECK(ui::errorText(Error{"moving the case to legal needs the approval of a supervisor",
                              ErrorKind::Denied, Hint::RequestLegal})
              .contains(QStringLiteral("Use Change stage... to file a request")));
    CHECK(ui::errorText(Error{"disk I/O error", ErrorKind::Storage, Hint::Retry}) ==
          QStringLiteral("Disk I/O error. Nothing was saved: free disk space or close the "
                         "program that holds the database file, then try again."));
    CHECK(ui::errorText(Error{"no such loan", ErrorKind::NotFound}) ==
          QStringLiteral("No such loan."));
    // No hint names a command-line option or command.
    for (int h = static_cast<int>(Hint::None); h <= static_cast<int>(Hint::Retry); ++h) {
        const auto hint = ui::hintText(static_cast<Hint>(h));
        INFO(hint.toStdString());
        CHECK_FALSE(hint.contains(QStringLiteral("recoverydesk-cli")));
        CHECK_FALSE(hint.contains(QStringLiteral("--as")));
    }
}
