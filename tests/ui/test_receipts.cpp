// Receipts fit to hand over: "Save and print receipt" prints at once (through the page's
// printer chooser, here a PDF file); the copy carries the letterhead, the officer's full
// name, the local date and time, the amount in figures and in words, on an A5 page; a
// reprint is a DUPLICATE with its time.
#include "core/amount_words.h"
#include "dialogs/take_payment_dialog.h"
#include "models/receipts_model.h"
#include "pages/case_file_page.h"
#include "print/receipt_document.h"
#include "ui_fixture.h"

#include <QFile>
#include <QLineEdit>
#include <QPrinter>
#include <QTest>
#include <QTextDocument>
#include <catch2/catch.hpp>

using namespace rd;
using namespace rd::uitest;

namespace {

std::string q(const QString& text) {
    return text.toStdString();
}

QString plain(const QString& html) {
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText().simplified();
}

void setLetterhead(DemoDesk& desk) {
    const auto admin = desk.signIn("admin");
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"institution_name", "Kampala Savings and Credit Ltd"},
             {"institution_address", "Plot 12 Kampala Road, P.O. Box 7071, Kampala"},
             {"institution_phone", "+256 414 123456"},
             {"institution_licence", "MDI-0042"}}) {
        auto done = desk.settings().change(admin, key, value);
        INFO(key << ": " << (done ? "" : done.error().message));
        REQUIRE(done.ok());
    }
}

// Points every print at a PDF file of the test's own and counts the prints.
struct PdfPrinter {
    explicit PdfPrinter(std::filesystem::path folder) : dir(std::move(folder)) {}
    std::filesystem::path dir;
    int prints = 0;
    std::filesystem::path last;
    ui::PrinterChooser chooser() {
        return [this](QPrinter& printer, QWidget*) {
            last = dir / ("print-" + std::to_string(++prints) + ".pdf");
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(QString::fromStdString(last.string()));
            return true;
        };
    }
};

std::string fileText(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

} // namespace

TEST_CASE("Save and print receipt prints the receipt at once, a reprint is a DUPLICATE",
          "[ui][receipts]") {
    DemoDesk desk;
    setLetterhead(desk);
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    REQUIRE(list);
    REQUIRE(!list->items.empty());
    const auto loan = list->items.front().entry.loanId;
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    PdfPrinter pdf(desk.tempDir());
    page.setReceiptPrinterChooser(pdf.chooser());
    page.show();
    // The example of the receipt's words, when the loan owes that much.
    const auto preview = desk.payments().preview(officer, loan, 430'475, businessDate());
    REQUIRE(preview);
    const Amount amount = preview->toCreditBalance == 0 ? 430'475 : 1'000;
    {
        ModalDriver pay("rd::ui::TakePaymentDialog", [amount](QWidget* dialog) {
            auto* d = qobject_cast<ui::TakePaymentDialog*>(dialog);
            expect(d != nullptr, "the take payment dialog");
            QTest::keyClicks(d->amountEdit(), QString::number(amount));
            expect(activate(d), "the dialog is active");
            QTest::keyClick(d->amountEdit(), Qt::Key_Return, Qt::ControlModifier);
        });
        REQUIRE(page.takePayment());
        INFO(pay.failure());
        REQUIRE(pay.ran());
        REQUIRE(pay.failure().empty());
    }
    // Printed at once: one print, the original, recorded.
    REQUIRE(pdf.prints == 1);
    INFO(q(page.message()));
    CHECK(page.message().contains(QStringLiteral("The receipt was printed.")));
    CHECK(desk.count("SELECT count(*) FROM receipt_prints") == 1);
    CHECK(desk.count("SELECT count(*) FROM audit_log WHERE action = 'print_receipt'") == 1);
    const auto pdfText = fileText(pdf.last);
    CHECK(pdfText.rfind("%PDF-", 0) == 0);
    // A5: 148 x 210 mm is 419.5 x 595.3 points.
    CHECK_THAT(pdfText,
               Catch::Contains("/MediaBox [0 0 419") || Catch::Contains("/MediaBox [0 0 420"));

    const auto& receipt = page.receiptsModel()->receipt(0);
    const QString text = plain(page.lastReceiptHtml());
    INFO(q(text));
    CHECK(text.contains(QStringLiteral("Kampala Savings and Credit Ltd")));
    CHECK(text.contains(QStringLiteral("Plot 12 Kampala Road, P.O. Box 7071, Kampala")));
    CHECK(text.contains(QStringLiteral("Tel. +256 414 123456")));
    CHECK(text.contains(QStringLiteral("Licence no. MDI-0042")));
    CHECK(text.contains(QString::fromStdString(officer.fullName)));
    CHECK(text.contains(session.timeText(receipt.takenAt)));
    CHECK(session.timeText(receipt.takenAt).contains(QStringLiteral("10:30")));
    CHECK(text.contains(QString::fromStdString(amountInWords(amount, session.currency))));
    if (amount == 430'475)
        CHECK(text.contains(QStringLiteral("Uganda shillings four hundred thirty thousand four "
                                           "hundred seventy-five only")));
    CHECK_FALSE(text.contains(QStringLiteral("DUPLICATE")));

    // The reprint (Ctrl+P on the Desk receipts tab) says DUPLICATE with its time.
    page.printReceipt();
    REQUIRE(pdf.prints == 2);
    const QString again = plain(page.lastReceiptHtml());
    CHECK(again.contains(QStringLiteral("DUPLICATE - reprinted ") +
                         session.timeText(session.clock.isoNow())));
    CHECK(desk.count("SELECT max(copy) FROM receipt_prints") == 2);
    // Saving a PDF is a print too: the third copy.
    const auto saved = desk.tempDir() / "receipt.pdf";
    REQUIRE(page.saveReceiptPdf(QString::fromStdString(saved.string())));
    CHECK(fileText(saved).rfind("%PDF-", 0) == 0);
    CHECK(desk.count("SELECT max(copy) FROM receipt_prints") == 3);
}

TEST_CASE("A cancelled print records nothing and the saved payment says how to print it",
          "[ui][receipts]") {
    DemoDesk desk;
    const auto officer = desk.signIn(desk.busiestOfficer());
    const auto list = desk.callList().forOfficer(officer, officer.username, businessDate());
    REQUIRE(list);
    const auto loan = list->items.front().entry.loanId;
    const auto session = desk.session(officer);
    ui::CaseFilePage page(desk.services(), session);
    REQUIRE(page.showLoan(QString::fromStdString(loan)));
    int asked = 0;
    page.setReceiptPrinterChooser([&](QPrinter&, QWidget*) {
        ++asked;
        return false;
    });
    page.show();
    ModalDriver pay("rd::ui::TakePaymentDialog", [](QWidget* dialog) {
        auto* d = qobject_cast<ui::TakePaymentDialog*>(dialog);
        expect(d != nullptr, "the take payment dialog");
        QTest::keyClicks(d->amountEdit(), QStringLiteral("1000"));
        expect(activate(d), "the dialog is active");
        QTest::keyClick(d->amountEdit(), Qt::Key_Return, Qt::ControlModifier);
    });
    REQUIRE(page.takePayment());
    CHECK(asked == 1);
    CHECK(desk.count("SELECT count(*) FROM receipt_prints") == 0);
    CHECK(page.message().contains(QStringLiteral("not printed")));
}

TEST_CASE("The receipt HTML without a letterhead, reversed, in a currency with cents",
          "[ui][receipts]") {
    ui::ReceiptPrintout p;
    p.receipt.receiptNo = 42;
    p.receipt.amount = 17'550;
    p.receipt.clientName = "Amina <Nakato>";
    p.receipt.takenBy = "akello";
    p.receipt.takenByName = "Akello Grace";
    p.receipt.reversedOn = Date::parse("2026-03-21").value();
    p.receipt.reversalReason = "cheque bounced";
    p.currency = Currency{"KES", 2};
    p.takenAt = QStringLiteral("20/03/2026 12:00");
    const QString text = plain(ui::receiptHtml(p));
    INFO(q(text));
    CHECK(text.contains(QStringLiteral("REVERSED - Receipt 000042")));
    CHECK(text.contains(
        QStringLiteral("Kenya shillings one hundred seventy-five and 50 cents only")));
    CHECK(text.contains(QStringLiteral("Amina <Nakato>")));
    CHECK(text.contains(QStringLiteral("Akello Grace (akello)")));
    CHECK_FALSE(text.contains(QStringLiteral("Licence")));
}
