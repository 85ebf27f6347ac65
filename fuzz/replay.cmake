# Included from tests/CMakeLists.txt: every libFuzzer target's seed corpus and crashers replay
# through fuzz/replay.c as ordinary tests (label fuzz), with the build's own sanitizers, and
# under valgrind when SW_VALGRIND is on. No clang or libFuzzer needed.
set(SW_FUZZ_DIR ${PROJECT_SOURCE_DIR}/fuzz)
file(GLOB SW_FUZZ_SOURCES CONFIGURE_DEPENDS ${SW_FUZZ_DIR}/fuzz_*.c)
foreach(src ${SW_FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" target ${name})
  add_executable(replay_${target} ${src} ${SW_FUZZ_DIR}/replay.c)
  target_link_libraries(replay_${target} PRIVATE stridewalk_core)
  set(inputs ${SW_FUZZ_DIR}/corpus/${target})
  if(EXISTS ${SW_FUZZ_DIR}/crashers/${target})
    list(APPEND inputs ${SW_FUZZ_DIR}/crashers/${target})
  endif()
  add_test(NAME fuzz_replay_${target} COMMAND replay_${target} ${inputs}
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  set_tests_properties(fuzz_replay_${target} PROPERTIES LABELS fuzz ENVIRONMENT "${SW_TEST_ENV}")
  if(SW_VALGRIND)
    add_test(NAME valgrind_fuzz_replay_${target}
      COMMAND valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
              --quiet $<TARGET_FILE:replay_${target}> ${inputs}
      WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
    set_tests_properties(valgrind_fuzz_replay_${target} PROPERTIES LABELS valgrind
                         ENVIRONMENT "${SW_TEST_ENV}")
  endif()
endforeach()
