#include "letter_pdf.h"

#include <QFile>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QString>
#include <QTextDocument>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <memory>

namespace rd::pdf {
namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

void ensureApplication() {
    if (QCoreApplication::instance())
        return;
    // The command line: a GUI application without a display, for fonts and text layout.
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    // Qt's notes on the missing display (XDG_RUNTIME_DIR, fonts) are not the user's business.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& msg) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "%s\n", msg.toLocal8Bit().constData());
    });
    static int argc = 1;
    static char name[] = "recoverydesk-cli";
    static char* argv[] = {name, nullptr};
    static auto* app = new QGuiApplication(argc, argv);
    (void)app;
}

QString bodyHtml(const std::string& text) {
    QString html;
    bool inList = false;
    QString paragraph;
    const auto flushParagraph = [&] {
        if (!paragraph.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(paragraph);
        paragraph.clear();
    };
    const auto lines = QString::fromStdString(text).split(u'\n');
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1String("- "))) {
            flushParagraph();
            if (!inList)
                html += QStringLiteral("<ul>");
            inList = true;
            html += QStringLiteral("<li>%1</li>").arg(line.mid(2).toHtmlEscaped());
            continue;
        }
        if (inList) {
            html += QStringLiteral("</ul>");
            inList = false;
        }
        if (line.trimmed().isEmpty()) {
            flushParagraph();
            continue;
        }
        paragraph +=
            (paragraph.isEmpty() ? QString() : QStringLiteral("<br>")) + line.toHtmlEscaped();
    }
    flushParagraph();
    if (inList)
        html += QStringLiteral("</ul>");
    return html;
}

} // namespace

std::string letterDocumentHtml(const std::vector<LetterPage>& letters) {
    QString html = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; "
                                  "font-size: 10pt;\">");
    bool first = true;
    for (const LetterPage& l : letters) {
        const QString breakStyle =
            first ? QString() : QStringLiteral(" style=\"page-break-before: always;\"");
        first = false;
        html += QStringLiteral("<table width=\"100%\"%1><tr><td>").arg(breakStyle);
        html += QStringLiteral("<span style=\"font-size: 14pt; font-weight: bold;\">%1</span>")
                    .arg(esc(l.letterhead.name));
        for (const std::string* line :
             {&l.letterhead.address, &l.letterhead.phone, &l.letterhead.licence})
            if (!line->empty())
                html += QStringLiteral("<br>%1").arg(esc(*line));
        html += QStringLiteral("</td><td align=\"right\" valign=\"top\">");
        if (l.letterNo > 0)
            html += QStringLiteral("Letter No. %1<br>").arg(l.letterNo);
        else
            html += QStringLiteral("PREVIEW (not sent)<br>");
        html += QString::fromStdString(l.date.toString());
        html += QStringLiteral("</td></tr></table><hr>");
        html += QStringLiteral("<p style=\"font-size: 12pt; font-weight: bold;\">%1</p>")
                    .arg(esc(l.title));
        html += bodyHtml(l.text);
    }
    html += QStringLiteral("</body></html>");
    return html.toStdString();
}

Result<void> writeLettersPdf(const std::filesystem::path& path,
                             const std::vector<LetterPage>& letters,
                             const std::function<bool(std::size_t, std::size_t)>& progress) {
    ensureApplication();
    if (letters.empty())
        return Error{"there is no letter to write"};
    if (progress && !progress(0, letters.size()))
        return Error{"cancelled: no PDF was written", ErrorKind::Cancelled};
    QSaveFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            fmt::format("cannot write {}: {}", path.string(), file.errorString().toStdString()),
            ErrorKind::Storage};
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 18, 20, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(QString::fromStdString(letters.front().title));
        writer.setCreator(QStringLiteral("RecoveryDesk"));
        QTextDocument doc;
        doc.setHtml(QString::fromStdString(letterDocumentHtml(letters)));
        doc.print(&writer);
    }
    if (progress && !progress(letters.size(), letters.size())) {
        file.cancelWriting();
        return Error{"cancelled: no PDF was written", ErrorKind::Cancelled};
    }
    if (!file.commit())
        return Error{
            fmt::format("cannot write {}: {}", path.string(), file.errorString().toStdString()),
            ErrorKind::Storage};
    return {};
}

} // namespace rd::pdf
