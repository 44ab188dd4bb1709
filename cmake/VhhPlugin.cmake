# vhh_add_plugin(<target> OUTPUT_NAME <plugin.name> SOURCES <files...>)
# Builds a vhh plugin as a shared module: hidden visibility, no undefined symbols,
# placed where the host looks for plugins, installed beside the installed host.
function(vhh_add_plugin target)
  cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE vhh::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${ARG_OUTPUT_NAME}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${VHH_PLUGIN_OUTPUT_DIR})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  install(TARGETS ${target} LIBRARY DESTINATION lib/vhh/plugins)
endfunction()
