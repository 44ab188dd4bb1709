#!/usr/bin/python3
"""Dumps an .xlsx workbook to JSON on stdout, as an independent check of what vhh wrote.

Usage: read_workbook.py FILE.xlsx

Uses openpyxl only (run it with /usr/bin/python3, which has python3-openpyxl). The
workbook is loaded twice: once for formulas, once for the cached values that readers
which do not recalculate show.

Output (valid JSON, laid out so that every cell is on a line of its own):
{
  "properties": {"title": ..., "created": "YYYY-MM-DDTHH:MM:SS" or null},
  "sheets": [
    {"name": ..., "freeze_panes": "A2" or null, "auto_filter": "A1:C4" or null,
     "column_widths": {"A": 14.7, ...}, "charts": 0, "cells": [
      {"ref": "A1", "value": ..., "formula": "SUM(B2:B3)" (formula cells only, no '='),
       "type": "s"|"n"|"f"|"b"|..., "number_format": "General", "bold": true},
      ...
    ]}
  ]
}
Exits with status 2 and a message on stderr when the file cannot be read.
"""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def dumps(value):
    """Compact, ASCII-only JSON so that the output is stable across locales."""
    return json.dumps(value, ensure_ascii=True, separators=(", ", ": "))


def column_widths(ws):
    widths = {}
    for key, dim in sorted(ws.column_dimensions.items(), key=lambda kv: (kv[1].min or 0, kv[0])):
        if dim.width is None:
            continue
        first = dim.min or openpyxl.utils.column_index_from_string(key)
        last = dim.max or first
        for index in range(first, last + 1):
            widths[get_column_letter(index)] = dim.width
    return widths


def cell_record(cell, cached):
    record = {"ref": cell.coordinate}
    raw = cell.value
    if cell.data_type == "f":
        record["value"] = cached.value
        record["formula"] = raw[1:] if isinstance(raw, str) and raw.startswith("=") else str(raw)
    else:
        record["value"] = raw
    if not isinstance(record["value"], (str, int, float, bool, type(None))):
        record["value"] = str(record["value"])
    record["type"] = cell.data_type
    record["number_format"] = cell.number_format
    record["bold"] = bool(cell.font is not None and cell.font.b)
    return record


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: read_workbook.py FILE.xlsx\n")
        return 64
    path = argv[1]
    try:
        formulas = openpyxl.load_workbook(path, data_only=False)
        values = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # any reading problem is a failure of the file
        sys.stderr.write("%s: error: cannot read workbook: %s\n" % (path, exc))
        return 2

    props = formulas.properties
    out = sys.stdout
    out.write("{\n")
    out.write('  "properties": %s,\n' % dumps({
        "title": props.title,
        "created": props.created.strftime("%Y-%m-%dT%H:%M:%S") if props.created else None,
    }))
    out.write('  "sheets": [\n')
    for i, ws in enumerate(formulas.worksheets):
        cached_ws = values[ws.title]
        header = {
            "name": ws.title,
            "freeze_panes": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref if ws.auto_filter is not None else None,
            "column_widths": column_widths(ws),
            "charts": len(getattr(ws, "_charts", [])),
        }
        out.write("    " + dumps(header)[:-1] + ', "cells": [\n')
        records = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                records.append(cell_record(cell, cached_ws[cell.coordinate]))
        for j, record in enumerate(records):
            out.write("      " + dumps(record) + ("," if j + 1 < len(records) else "") + "\n")
        out.write("    ]}" + ("," if i + 1 < len(formulas.worksheets) else "") + "\n")
    out.write("  ]\n")
    out.write("}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
