#include "error_text.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace rd::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("rd::ui::ErrorText", text);
}

} // namespace

QString hintText(Hint hint, const Error& error) {
    switch (hint) {
    case Hint::None:
        return {};
    case Hint::GiveText:
        return tr("Type the text of the note in the note box.");
    case Hint::GiveComment:
        return tr("Type your comment in the comment box.");
    case Hint::GiveReason:
        return tr("Type the reason.");
    case Hint::GiveReference:
        return tr("Type it in the Reference box.");
    case Hint::GivePromiseBoth:
        return tr("Fill in both the promised amount and the promise date.");
    case Hint::GiveBranch:
        return tr("Tick at least one branch.");
    case Hint::FirstUserIsAdmin:
        return tr("Create the first user as an administrator.");
    case Hint::ActAsAdmin:
        return tr("Sign in as an administrator and add users on the Admin page.");
    case Hint::ListUsers:
        return tr("Choose one of the people the form lists (the Admin page lists every user).");
    case Hint::ShowCase:
        return tr("Choose the entry on the case's Timeline tab.");
    case Hint::Recompute:
        return tr("Cases are opened by the update that runs when RecoveryDesk starts and after "
                  "an import: wait for it to end (see the status bar), then refresh with F5.");
    case Hint::RequestLegal:
        return tr("Use Change stage... to file a request for a supervisor's approval.");
    case Hint::AssessFeasibility:
        return tr("Record a feasibility assessment first: Assess feasibility on the Legal and costs tab of the case file (Ctrl+Shift+F).");
    case Hint::ListReceipts:
        return tr("The Desk receipts tab of the case file lists the loan's receipts.");
    case Hint::CreateDatabase:
        return tr("Check the file given with --db: RecoveryDesk creates a new database when "
                  "the file does not exist.");
    case Hint::MigrateDatabase:
        return tr("RecoveryDesk brings the file up to date when it opens it: start it again, or "
                  "restore the backup copy made before the update.");
    case Hint::CheckDatabasePath:
        return tr("Check the file given with --db, and that you may read and write it.");
    case Hint::RebuildCache:
        return tr("Ask your administrator to rebuild the ledger cache.");
    case Hint::SetCurrency:
        return tr("The portfolio's currency is set by its first import: import files in that "
                  "currency.");
    case Hint::ConfirmOverpayment:
        return tr("Check the amount; take it only if the client really hands over that much.");
    case Hint::ReopenDay:
        return tr("Ask a supervisor to reopen the day on the End of day page.");
    case Hint::Retry:
        // The service's message already says that nothing was saved.
        if (QString::fromStdString(error.message).contains(QLatin1String("nothing was saved")))
            return tr("Free disk space or close the program that holds the database file, then "
                      "try again.");
        return tr("Nothing was saved: free disk space or close the program that holds the "
                  "database file, then try again.");
    }
    return {};
}

QString errorText(const Error& error) {
    QString text = QString::fromStdString(error.message).trimmed();
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
        if (!text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?') &&
            !text.endsWith(u':'))
            text += u'.';
    }
    const QString hint = hintText(error.hint, error);
    if (!hint.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + hint;
    return text;
}

QString reportError(QWidget* parent, const Error& error) {
    const QString text = errorText(error);
    if (error.kind == ErrorKind::Storage) {
        QMessageBox box(QMessageBox::Critical, tr("Nothing was saved"), text, QMessageBox::Ok,
                        parent);
        box.setObjectName(QStringLiteral("storageFailure"));
        box.exec();
    }
    return text;
}

} // namespace rd::ui
