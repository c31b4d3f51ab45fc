# Precompiled headers for the targets whose sources spend most of their compile time in the
# same big headers: Qt Widgets (about 60% of a page's compile) and Catch2's single header
# (about 1 s a test file). Measured in docs/performance.md ("Build time"); CI builds from
# scratch on two cores within a time budget, so this is worth its few lines.
# RD_PCH=OFF builds without them (e.g. to check that every file includes what it uses).
option(RD_PCH "Use precompiled headers for the Qt and test targets" ON)

set(rd_pch_std <algorithm> <functional> <map> <memory> <optional> <string> <vector>)
set(rd_pch_qt
  <QAbstractTableModel> <QApplication> <QComboBox> <QCoreApplication> <QDateTime> <QDialog>
  <QDialogButtonBox> <QFormLayout> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit>
  <QMessageBox> <QPlainTextEdit> <QPushButton> <QSettings> <QSortFilterProxyModel> <QString>
  <QStringList> <QTableView> <QTimeZone> <QVBoxLayout> <QWidget>)

# rd_precompile(TARGET [QT] [CATCH]): the standard headers, plus Qt Widgets and/or Catch2.
function(rd_precompile target)
  if(NOT RD_PCH)
    return()
  endif()
  cmake_parse_arguments(P "QT;CATCH" "" "" ${ARGN})
  set(headers ${rd_pch_std})
  if(P_QT)
    list(APPEND headers ${rd_pch_qt})
  endif()
  if(P_CATCH)
    list(APPEND headers <catch2/catch.hpp>)
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
