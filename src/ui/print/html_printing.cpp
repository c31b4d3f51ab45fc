#include "html_printing.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

namespace rd::ui {

bool askForPrinter(QPrinter& printer, QWidget* parent) {
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("printDialog"));
    return dialog.exec() == QDialog::Accepted;
}

void setUpPage(QPrinter& printer, QPageSize::PageSizeId page, const QString& title) {
    printer.setPageLayout(QPageLayout(QPageSize(page), QPageLayout::Portrait,
                                      QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
    printer.setDocName(title);
}

void printHtml(const QString& html, QPrinter& printer) {
    QTextDocument doc;
    doc.setHtml(html);
    doc.setPageSize(printer.pageRect(QPrinter::Point).size());
    doc.print(&printer);
}

bool writeHtmlPdf(const QString& html, QPageSize::PageSizeId page, const QString& title,
                  const QString& path) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    setUpPage(printer, page, title);
    printHtml(html, printer);
    return printer.printerState() != QPrinter::Error;
}

} // namespace rd::ui
