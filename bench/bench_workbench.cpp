// The plan workbench (issue 9): opening a case's three options (an arrangement, a reschedule
// and a settlement, each worked out by PlanService::draft, the arrangement's split proposed
// by arrangementFor) in the offscreen GUI, against the case file of the same loan read in
// the same run (what the case file page reads before the button is pressed); its parts:
// the widgets built, the options worked out (against the case file), and the dialog shown
// and painted (against an empty dialog of the same size shown and painted). Target: the
// workbench opens in under 100 ms (p95).
// Never writes to DB: it works on a copy in WORKDIR (the copy's cases are recomputed as of
// AS_OF, as the desk's first start does).
// Run: QT_QPA_PLATFORM=offscreen bench_workbench DB AS_OF [WORKDIR] (DB: a demo database,
// e.g. made by `recoverydesk-cli --db DB demo --loans 100000 --as-of 2026-11-27`)
// Prints one line per measure, `BENCH {"measure":...}` (JSON), then a markdown table.
#include "bench_support.h"
#include "desk_session.h"
#include "dialogs/plan_workbench/plan_workbench_dialog.h"
#include "services/call_list_service.h"
#include "services/case_service.h"
#include "services/desk_services.h"
#include "services/plan_service.h"
#include "services/user_service.h"

#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

using namespace rd;
namespace fs = std::filesystem;
using namespace rd::bench;

namespace {} // namespace

int main(int argc, char** argv) try {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_workbench DB AS_OF [WORKDIR]\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const fs::path work = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path();
    // The dialog keeps its geometry in QSettings: here in WORKDIR, not the user's own.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QString::fromStdString(work.string()));
    const auto asOf = Date::parse(argv[2]);
    if (!asOf)
        throw std::runtime_error("AS_OF is not a date");
    const fs::path copy = work / "bench_workbench.db";
    copyDatabase(argv[1], copy);
    const Clock clock = ui::fixedLocalClock(*asOf, 10 * 60 + 30);
    auto opened = services::Services::open(copy, {}, clock);
    if (!opened)
        throw std::runtime_error(opened.error().message);
    services::Services& all = **opened;
    if (auto r = all.cases().recompute(localOperator(), *asOf); !r)
        throw std::runtime_error(r.error().message);
    const ui::DeskServices s = ui::deskServices(all);

    // The officer with the longest call list, and the loans on it.
    std::optional<User> officer;
    std::vector<std::string> loans;
    for (const auto& u : all.users().list(localOperator()).value()) {
        if (u.user.role != Role::Officer || u.user.disabled)
            continue;
        auto list = all.callList().forOfficer(u.user, u.user.username, *asOf);
        if (list && list->items.size() > loans.size()) {
            officer = u.user;
            loans.clear();
            for (const auto& item : list->items)
                loans.push_back(item.entry.loanId);
        }
    }
    if (!officer || loans.empty())
        throw std::runtime_error("no officer has a call list");
    const int runs = std::min<int>(static_cast<int>(loans.size()), 60);
    ui::DeskSession session;
    session.user = *officer;
    session.businessDate = *asOf;
    session.clock = clock;

    std::vector<double> caseFiles, blanks, workbenches, builds, loads, shows;
    const auto ms = [](SteadyClock::duration d) {
        return std::chrono::duration<double, std::milli>(d).count();
    };
    int opened_ = 0;
    for (int i = 0; i < runs; ++i) {
        const std::string& loan = loans[static_cast<std::size_t>(i)];
        std::optional<services::CaseFile> file;
        caseFiles.push_back(timeMs([&] {
            auto f = all.cases().caseFile(*officer, loan, *asOf);
            if (!f)
                throw std::runtime_error("case file: " + f.error().message);
            file = std::move(*f);
        }));
        session.currency = file->currency;
        // The floor of a window on screen: an empty dialog of the workbench's size shown and
        // painted.
        blanks.push_back(timeMs([&] {
            QDialog blank;
            blank.resize(1340, 720);
            blank.show();
            QApplication::processEvents();
            blank.hide();
        }));
        const auto start = SteadyClock::now();
        {
            ui::PlanWorkbenchDialog dialog(s, session, *file);
            const auto built = SteadyClock::now();
            if (!dialog.load())
                throw std::runtime_error("workbench: " + dialog.error()->message);
            const auto loaded = SteadyClock::now();
            dialog.show();
            QApplication::processEvents();
            dialog.hide();
            const auto shown = SteadyClock::now();
            opened_ += dialog.option(PlanKind::Reschedule)->model()->rowCount() > 0;
            builds.push_back(ms(built - start));
            loads.push_back(ms(loaded - built));
            shows.push_back(ms(shown - loaded));
        }
        workbenches.push_back(ms(SteadyClock::now() - start));
    }
    const Stats floor = statsOf(caseFiles), bench = statsOf(workbenches);
    const double ratio = bench.median / floor.median;
    const bool met = bench.p95 < 100.0;
    std::printf("BENCH {\"measure\":\"case_file\",\"runs\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,"
                "\"min_ms\":%.3f,\"max_ms\":%.3f,\"floor_median_ms\":null,\"ratio\":null,"
                "\"target\":null,\"target_on\":\"median\",\"met\":null}\n",
                floor.n, floor.median, floor.p95, floor.min, floor.max);
    std::printf("BENCH {\"measure\":\"plan_workbench\",\"runs\":%d,\"median_ms\":%.3f,"
                "\"p95_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"floor_median_ms\":%.4f,"
                "\"ratio\":%.1f,\"target\":\"< 100 ms\",\"target_on\":\"p95\",\"met\":%s}\n",
                bench.n, bench.median, bench.p95, bench.min, bench.max, floor.median, ratio,
                met ? "true" : "false");
    std::printf("\n| measure | median ms | p95 ms | max ms | floor (median ms) | ratio | target | "
                "met |\n|---|---|---|---|---|---|---|---|\n");
    std::printf("| case file (%d loans) | %.3f | %.3f | %.3f |  |  |  |  |\n", floor.n,
                floor.median, floor.p95, floor.max);
    std::printf("| plan workbench opened, three options (%d loans, %d with a reschedule) | %.3f "
                "| %.3f | %.3f | %.3f (case file) | %.1f | p95 < 100 ms | %s |\n",
                bench.n, opened_, bench.median, bench.p95, bench.max, floor.median, ratio,
                met ? "yes" : "**no**");
    const Stats blank = statsOf(blanks);
    std::printf("| empty dialog of the same size shown (%d) | %.3f | %.3f | %.3f |  |  |  |  |\n",
                blank.n, blank.median, blank.p95, blank.max);
    for (const auto& [what, v] :
         {std::pair{"widgets built", builds}, {"options worked out (load)", loads}}) {
        const Stats part = statsOf(v);
        std::printf("| - of which %s | %.3f | %.3f | %.3f | %.3f (case file) | %.1f |  |  |\n",
                    what, part.median, part.p95, part.max, floor.median,
                    part.median / floor.median);
    }
    const Stats shown = statsOf(shows);
    std::printf("| - of which shown and painted | %.3f | %.3f | %.3f | %.3f (empty dialog) | %.1f "
                "|  |  |\n",
                shown.median, shown.p95, shown.max, blank.median, shown.median / blank.median);
    opened->reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::path file = copy;
        file += suffix;
        fs::remove(file);
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_workbench: %s\n", e.what());
    return 1;
}
