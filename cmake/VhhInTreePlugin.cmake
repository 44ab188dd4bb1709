# vhh_add_tested_plugin(<short> OUTPUT_NAME <plugin.name>
#                       CORE_SOURCES <files...> PLUGIN_SOURCES <files...> TESTS <files...>
#                       [TEST_LIBS <libraries...>])
# The usual shape of a plugin in the vhh tree (plugins/<kind>/<name>/), in three targets:
#   vhh_<short>_core    static library with the plugin's logic (CORE_SOURCES): linked with the
#                       SDK, hidden visibility, its folder on the include path of its users;
#   vhh_plugin_<short>  the plugin module <plugin.name> (PLUGIN_SOURCES, usually plugin.cpp with
#                       VHH_PLUGIN) built by vhh_add_plugin and linked with the core library;
#   vhh_<short>_tests   gtest executable (TESTS) linked with the core library, gtest_main and
#                       TEST_LIBS; ctest discovers its tests.
# Callers may add to these targets afterwards (e.g. compile definitions for test data).
# For the vhh tree only: plugins built out of tree use vhh_add_plugin from cmake/VhhPlugin.cmake.
function(vhh_add_tested_plugin short)
  cmake_parse_arguments(ARG "" "OUTPUT_NAME" "CORE_SOURCES;PLUGIN_SOURCES;TESTS;TEST_LIBS" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "vhh_add_tested_plugin(${short}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required OUTPUT_NAME CORE_SOURCES PLUGIN_SOURCES TESTS)
    if(NOT ARG_${required})
      message(FATAL_ERROR "vhh_add_tested_plugin(${short}): ${required} is required")
    endif()
  endforeach()

  set(core vhh_${short}_core)
  add_library(${core} STATIC ${ARG_CORE_SOURCES})
  target_link_libraries(${core} PUBLIC vhh::sdk)
  target_include_directories(${core} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  set_target_properties(${core} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)

  vhh_add_plugin(vhh_plugin_${short} OUTPUT_NAME ${ARG_OUTPUT_NAME} SOURCES ${ARG_PLUGIN_SOURCES})
  target_link_libraries(vhh_plugin_${short} PRIVATE ${core})

  add_executable(vhh_${short}_tests ${ARG_TESTS})
  target_link_libraries(vhh_${short}_tests PRIVATE ${core} GTest::gtest_main ${ARG_TEST_LIBS})
  vhh_unit_tests(vhh_${short}_tests)
endfunction()
