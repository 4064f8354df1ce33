# tests/tests.cmake — registers tests by convention so adding one never means editing CMake:
# tests/unit/test_*.c (C unit tests), tests/e2e/*.sh (headless drills), tests/ui/*.sh (Xvfb).
file(GLOB unit_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${unit_tests})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  # Link exactly the engine modules the test includes ("sim/world.h" -> yq_sim), so a unit test of
  # one module builds while another module is mid-change.
  file(STRINGS ${src} includes REGEX "^#include \"(sim|script|score|store|ui|report|app|lang|class)/")
  set(libs yq_sim)
  foreach(line ${includes})
    string(REGEX REPLACE "^#include \"([a-z]+)/.*" "yq_\\1" lib "${line}")
    list(APPEND libs ${lib})
  endforeach()
  list(REMOVE_DUPLICATES libs)
  target_link_libraries(${name} PRIVATE ${libs})
  target_compile_definitions(${name} PRIVATE YQ_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  add_test(NAME unit/${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
endforeach()

foreach(kind e2e ui)
  file(GLOB scripts CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/${kind}/*.sh)
  list(FILTER scripts EXCLUDE REGEX "/lib\\.sh$")
  foreach(script ${scripts})
    get_filename_component(name ${script} NAME_WE)
    add_test(NAME ${kind}/${name} COMMAND bash ${script} $<TARGET_FILE:yqdrill> ${CMAKE_SOURCE_DIR})
    set_tests_properties(${kind}/${name} PROPERTIES
      TIMEOUT 300 LABELS ${kind}
      ENVIRONMENT "YQ_TEST_TMP=${CMAKE_BINARY_DIR}/testtmp")
  endforeach()
endforeach()
# The live classroom's tests start brokers: also labelled class.
set_tests_properties(e2e/live_class e2e/live_controls e2e/live_host_restart e2e/live_observers e2e/live_press e2e/live_station_restart e2e/live_team e2e/live_team_broker e2e/live_team_controls e2e/live_team_restart PROPERTIES LABELS "e2e;class")
set_tests_properties(ui/class_station ui/host_window ui/live_press_view ui/team_seat ui/team_seat_restart PROPERTIES LABELS "ui;class")
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/testtmp)
