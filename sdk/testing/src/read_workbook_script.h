// The test kit's xlsx reader (tests/tools/read_workbook.py), compiled in; not installed.
#pragma once

namespace vhh::testing::detail {

/// The text of tests/tools/read_workbook.py (openpyxl; run with /usr/bin/python3).
const char *read_workbook_script();

}  // namespace vhh::testing::detail
