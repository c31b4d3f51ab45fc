#pragma once

#include <QPageSize>
#include <QString>
#include <functional>

class QPrinter;
class QWidget;

namespace rd::ui {

// Where a print goes. The default asks with the print dialog (false when the user cancels);
// a test, or an unattended run, gives one that points the printer at a PDF file instead.
using PrinterChooser = std::function<bool(QPrinter& printer, QWidget* parent)>;
bool askForPrinter(QPrinter& printer, QWidget* parent);

// Sets the page (A5 for a receipt, A4 for a day sheet) with 10 mm margins and the title.
void setUpPage(QPrinter& printer, QPageSize::PageSizeId page, const QString& title);
// Lays the HTML out on the printer's page and prints it.
void printHtml(const QString& html, QPrinter& printer);
// Writes the HTML as a PDF of that page size; false when the file cannot be written.
bool writeHtmlPdf(const QString& html, QPageSize::PageSizeId page, const QString& title,
                  const QString& path);

} // namespace rd::ui
