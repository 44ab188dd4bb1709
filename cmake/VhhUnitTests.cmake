# vhh_unit_tests(<target>): registers a gtest executable of the vhh tree with ctest.
# Normally every test case is a ctest test of its own (gtest_discover_tests): a failure names its
# case and `ctest -j` spreads the cases over the cores. In the sanitizer build (VHH_SANITIZE) the
# executable is one ctest test that runs all its cases: there every process start costs ~0,4 s of
# ASan set-up, which ~650 separate cases made into minutes of the CI pass for the same code run.
function(vhh_unit_tests target)
  if(VHH_SANITIZE)
    add_test(NAME ${target} COMMAND ${target})
  else()
    gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST)
  endif()
endfunction()
