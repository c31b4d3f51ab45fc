#pragma once

#include "desk_session.h"
#include "models/timeline_model.h"
#include "services/case_service.h"

#include <QWidget>
#include <optional>

class QPushButton;
class QTableView;

namespace rd::ui {

// The case file's first tab: everything that happened on the case, newest first, with who
// did it and why, at the institution's local time; and the
// button that corrects the selected contact or note (the page opens the form).
class TimelineTab : public QWidget {
    Q_OBJECT
public:
    explicit TimelineTab(const DeskSession& session, QWidget* parent = nullptr);

    // With the client's counselling sessions and the loan's referrals, when read.
    void setFile(const services::CaseFile& file, const CounsellingHistory& counselling = {});
    // Whether the signed-in user works the case (and so may correct its entries).
    void setCorrectable(bool allowed);
    TimelineModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    // The selected entry, when there is one.
    std::optional<TimelineEntry> selectedEntry() const;

signals:
    void correctRequested();

private:
    void updateButton();

    const DeskSession& session_;
    TimelineModel* model_;
    QTableView* view_;
    QPushButton* correct_;
    bool allowed_ = false;
};

} // namespace rd::ui
