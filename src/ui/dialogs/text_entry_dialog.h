#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace rd::ui {

// A text the desk must have before it goes on: a note, the reason of a reversal, a
// supervisor's comment. Save stays disabled, with `missing` said under the field, until
// there is some text; Ctrl+Enter saves; nothing closes the dialog with an empty text.
// `details` (rich text) says what the text is for, e.g. the receipt being reversed.
class TextEntryDialog : public QDialog {
    Q_OBJECT
public:
    struct Form {
        QString title;
        QString details;  // above the field
        QString label;    // the field's label
        QString missing;  // "Write the reason for the reversal."
        QString saveText; // the save button ("Save", "Reverse payment", ...)
        QString initial;  // a correction starts from the original
    };
    explicit TextEntryDialog(Form form, QWidget* parent = nullptr);

    QString text() const; // trimmed
    QString problem() const;
    QPlainTextEdit* edit() const { return edit_; }

private:
    void validate();

    Form form_;
    QPlainTextEdit* edit_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

} // namespace rd::ui
