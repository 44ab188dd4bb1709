# vhh_add_plugin(<target> OUTPUT_NAME <plugin.name> SOURCES <files...>)
# Builds a vhh plugin as a shared module: hidden visibility, no undefined symbols, linked
# with the SDK, placed in VHH_PLUGIN_OUTPUT_DIR (default: <build>/plugins) and installed
# into lib/vhh/plugins, where an installed vhh finds it. Used in the vhh tree and, through
# find_package(vhh-sdk), by plugins built out of tree.
function(vhh_add_plugin target)
  cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES" ${ARGN})
  if(NOT ARG_OUTPUT_NAME)
    message(FATAL_ERROR "vhh_add_plugin(${target}): OUTPUT_NAME <plugin.name> is required")
  endif()
  if(DEFINED VHH_PLUGIN_OUTPUT_DIR)
    set(out_dir ${VHH_PLUGIN_OUTPUT_DIR})
  else()
    set(out_dir ${CMAKE_BINARY_DIR}/plugins)
  endif()
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE vhh::sdk)
  target_compile_features(${target} PRIVATE cxx_std_17)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${ARG_OUTPUT_NAME}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON
    LIBRARY_OUTPUT_DIRECTORY ${out_dir})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  install(TARGETS ${target} LIBRARY DESTINATION lib/vhh/plugins)
endfunction()

# vhh_add_plugin_test(<target> SOURCES <files...> [LIBS <libraries...>])
# Builds a gtest executable for a plugin's unit tests, linked with the test kit (vhh::testing:
# vhh/testing.h; vhh::testing_render: vhh/testing_render.h; vhh::testing_region:
# vhh/testing_region.h), gtest_main and LIBS (usually the plugin's core library), and registers its
# tests with ctest. In the vhh tree and, through find_package(vhh-sdk), out of tree.
function(vhh_add_plugin_test target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "vhh_add_plugin_test(${target}): SOURCES is required")
  endif()
  if(NOT TARGET GTest::gtest_main)
    find_package(GTest REQUIRED)
  endif()
  include(GoogleTest)
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE vhh::testing vhh::testing_render vhh::testing_region ${ARG_LIBS}
                        GTest::gtest_main)
  target_compile_features(${target} PRIVATE cxx_std_17)
  gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST)
endfunction()
