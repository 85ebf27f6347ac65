# Included at the end of tests/CMakeLists.txt (reliability): helper programs for the
# shell tests, and the fuzz corpora replayed as ordinary tests.
#   sw_dbcheck  integrity checks and lock holding without the sqlite3 shell (tools/dbcheck.c)
#   sw_saver    committed changes through app.h, printing "saved ..." after each (tools/saver.c)
# Every cli_* and e2e_* test finds them through $SW_DBCHECK and $SW_SAVER.
add_executable(sw_dbcheck ${CMAKE_CURRENT_SOURCE_DIR}/tools/dbcheck.c)
target_link_libraries(sw_dbcheck PRIVATE PkgConfig::SQLITE3)
add_executable(sw_saver ${CMAKE_CURRENT_SOURCE_DIR}/tools/saver.c)
target_link_libraries(sw_saver PRIVATE stridewalk_core)

get_property(sw_all_tests DIRECTORY PROPERTY TESTS)
foreach(t ${sw_all_tests})
  if(t MATCHES "^(cli|e2e)_")
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT
      "SW_DBCHECK=$<TARGET_FILE:sw_dbcheck>" "SW_SAVER=$<TARGET_FILE:sw_saver>")
  endif()
endforeach()

include(${PROJECT_SOURCE_DIR}/fuzz/replay.cmake)

# The real binary under valgrind: subcommands, the headless UI and the error paths.
if(SW_VALGRIND)
  add_test(NAME valgrind_cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tools/valgrind_cli.sh
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  set_tests_properties(valgrind_cli PROPERTIES LABELS valgrind TIMEOUT 1200
                       ENVIRONMENT "${SW_TEST_ENV}")
endif()
