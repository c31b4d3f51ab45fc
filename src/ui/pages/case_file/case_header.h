#pragma once

#include "services/case_service.h"

#include <QFrame>

class QLabel;

namespace rd::ui {

// The top of the case file: who (the client and how to reach them), how much and how late
// (the loan's position), and what next (the case, its officer, the latest promise, pending
// requests and early-warning signs).
class CaseHeader : public QFrame {
    Q_OBJECT
public:
    explicit CaseHeader(QWidget* parent = nullptr);

    void setFile(const services::CaseFile& file);
    QLabel* clientLabel() const { return client_; }
    QLabel* loanLabel() const { return loan_; }
    QLabel* nextLabel() const { return next_; }

private:
    QLabel* client_;
    QLabel* loan_;
    QLabel* next_;
};

} // namespace rd::ui
