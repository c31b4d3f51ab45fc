#include "dialog_keys.h"

#include <QDialog>
#include <QPushButton>
#include <QShortcut>

namespace rd::ui {

void addSaveShortcut(QDialog* dialog, QDialogButtonBox* buttons, bool label) {
    QPushButton* save = nullptr;
    for (auto* b : buttons->buttons())
        if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            save = qobject_cast<QPushButton*>(b);
    if (!save)
        return;
    save->setDefault(true);
    if (label && !save->text().contains(QStringLiteral("Ctrl+")))
        save->setText(QObject::tr("%1 (Ctrl+Enter)").arg(save->text()));
    for (const int key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), dialog);
        shortcut->setContext(Qt::WindowShortcut);
        QObject::connect(shortcut, &QShortcut::activated, save, [save] {
            if (save->isEnabled() && save->isVisible())
                save->click();
        });
    }
}

} // namespace rd::ui
