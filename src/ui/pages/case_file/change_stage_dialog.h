#pragma once

#include "core/case_stage.h"
#include "services/case_service.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace rd::ui {

// The new stage of a case and why: the stages it is not in, the one the DPD suggests
// preselected. A move to legal by anyone but a supervisor becomes a request (the page's
// changeStage decides).
class ChangeStageDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangeStageDialog(const services::CaseFile& file, QWidget* parent = nullptr);

    CaseStage stage() const;
    QString note() const;
    // Why OK is disabled (legal without a reason), or empty.
    QString problem() const;

private:
    void validate();

    QComboBox* stages_;
    QPlainTextEdit* note_;
    QLabel* problem_;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace rd::ui
