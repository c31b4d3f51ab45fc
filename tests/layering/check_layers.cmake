# The layering rule of docs/architecture.md, checked by ctest (test "layering"):
#   cmake -DSOURCE_DIR=... -DLINKS_FILE=... -P check_layers.cmake
# Fails, naming the file and line, when a source under src/ includes a header its layer must
# not see, or when a target links a layer it must not (LINKS_FILE is written at configure
# time from the targets' LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES).
cmake_minimum_required(VERSION 3.25)

set(violations "")

# check_includes(FOLDER REGEX WHY [EXCEPT file...]): every #include line of the folder's
# sources matching REGEX is a violation.
function(check_includes folder regex why)
  cmake_parse_arguments(C "" "" "EXCEPT" ${ARGN})
  file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
  foreach(f IN LISTS files)
    get_filename_component(name "${f}" NAME)
    if(name IN_LIST C_EXCEPT)
      continue()
    endif()
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(line MATCHES "${regex}")
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
        string(STRIP "${line}" line)
        list(APPEND violations "${rel}: ${line}: ${why}")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(qt "#[ \t]*include[ \t]*<Q")
set(sqlite "sqlite3\\.h")
set(storage "\"storage/")

# The engine: standard C++ and fmt only.
check_includes(src/core "${qt}|${sqlite}|\"(storage|services|ui|app|cli|csv|demo)/"
  "src/core is pure C++ (no Qt, no SQLite, no other layer)")
# Storage: SQLite, no Qt, nothing above it.
check_includes(src/storage "${qt}|\"(services|ui|app|cli)/" "src/storage sees only core and csv")
# Services: storage only in their .cpp files and their two private headers.
check_includes(src/services "${qt}|\"(ui|app|cli)/" "src/services sees no face")
file(GLOB service_headers "${SOURCE_DIR}/src/services/*.h")
foreach(h IN LISTS service_headers)
  get_filename_component(name "${h}" NAME)
  if(name STREQUAL "case_access.h" OR name STREQUAL "service_edge.h")
    continue()
  endif()
  file(STRINGS "${h}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "${storage}|${sqlite}")
      string(STRIP "${line}" line)
      list(APPEND violations
           "src/services/${name}: ${line}: a service header speaks in core types, never storage's")
    endif()
  endforeach()
endforeach()
# The faces: services and core only.
set(private_services "\"services/(case_access|service_edge)\\.h\"")
foreach(face src/ui src/app src/cli)
  check_includes(${face} "${storage}|${sqlite}|${private_services}"
    "${face} reaches the data through the services only")
endforeach()
check_includes(src/cli "${qt}|\"(ui|app)/" "the command line has no GUI")
check_includes(src/ui "\"(cli|app)/" "the GUI library does not use the composition roots")

# Links.
file(STRINGS "${LINKS_FILE}" link_lines)
foreach(entry IN LISTS link_lines)
  if(NOT entry MATCHES "^([^=]+)=(.*)$")
    continue()
  endif()
  set(target "${CMAKE_MATCH_1}")
  set(libs "${CMAKE_MATCH_2}")
  set(forbidden "")
  if(target STREQUAL "rd_core")
    set(forbidden "rd_storage|rd_services|rd_ui|SQLite|Qt6")
  elseif(target STREQUAL "rd_storage")
    set(forbidden "rd_services|rd_ui|Qt6")
  elseif(target STREQUAL "rd_services.interface")
    # Storage may appear only as a private, link-only dependency of the static library.
    string(REGEX REPLACE "\\$<LINK_ONLY:[^>]*>" "" libs "${libs}")
    set(forbidden "rd_storage|SQLite|Qt6")
  elseif(target STREQUAL "rd_ui" OR target STREQUAL "recoverydesk" OR
         target STREQUAL "rd_cli_commands" OR target STREQUAL "recoverydesk-cli")
    set(forbidden "rd_storage|SQLite")
  endif()
  if(forbidden AND libs MATCHES "(^|;)(${forbidden})")
    string(REPLACE ";" ", " shown "${libs}")
    list(APPEND violations "${target} links ${CMAKE_MATCH_2} (links: ${shown})")
  endif()
endforeach()

if(violations)
  list(LENGTH violations count)
  string(REPLACE ";" "\n  " text "${violations}")
  message(FATAL_ERROR "${count} layering violation(s) (docs/architecture.md):\n  ${text}")
endif()
message(STATUS "layering: every include and link follows docs/architecture.md")
