#!/usr/bin/env python3
"""CSV files as pandas and Python's csv module write them, for the CSV reader's tests.

Writes into Tests/GMMTests/Fixtures/csv/:
  unquoted.csv             the values with plain names and no quote anywhere (numpy.savetxt)
  expected.json            the column names and the values, row-major, as the reader must give
  pandas-quote-all.csv     DataFrame.to_csv(quoting=csv.QUOTE_ALL): every cell quoted
  pandas-minimal.csv       DataFrame.to_csv() (QUOTE_MINIMAL): only the names that need it
  csv-minimal.csv          csv.writer, QUOTE_MINIMAL, CRLF line ends (the module's default)
  csv-nonnumeric.csv       csv.writer, QUOTE_NONNUMERIC: names quoted, numbers not
  csv-quote-all-labels.csv csv.writer, QUOTE_ALL, with a text column whose cells hold commas,
                           quotes and line breaks (a label column, which the reader leaves out)

The names hold a comma, quotes, a line break and a letter outside ASCII; the values are
doubles of 17 significant digits, integers, negative zero and exponents.

    scripts/make-csv-fixtures.py       (needs numpy and pandas; output is committed)
"""
import csv
import json
import os

import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "GMMTests", "Fixtures", "csv")
NAMES = ["width, mm", 'say "hi"', "two\nlines", "t (°C)"]
ROWS = 25


def values():
    rng = np.random.default_rng(4180)
    v = rng.standard_normal((ROWS, len(NAMES))) * np.array([1.0, 1e-3, 1e5, 7.0])
    v[0] = [1.0, -0.0, 2.5e-300, 12345678901234567.0]
    v[1] = [0.1, 100.0, -3.0, 1e21]
    return v


def main():
    os.makedirs(OUT, exist_ok=True)
    v = values()
    # repr() is the shortest text that reads back to the same double.
    rows = [[repr(float(x)) for x in row] for row in v]
    path = lambda name: os.path.join(OUT, name)

    with open(path("unquoted.csv"), "w", newline="") as f:
        f.write(",".join(f"c{i}" for i in range(len(NAMES))) + "\n")
        f.writelines(",".join(r) + "\n" for r in rows)
    with open(path("expected.json"), "w") as f:
        json.dump({"names": NAMES, "values": [float(x) for x in v.flatten()]}, f, indent=1)
        f.write("\n")

    frame = pd.DataFrame(v, columns=NAMES)
    frame.to_csv(path("pandas-quote-all.csv"), index=False, quoting=csv.QUOTE_ALL, float_format=None)
    frame.to_csv(path("pandas-minimal.csv"), index=False)

    with open(path("csv-minimal.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(NAMES)
        w.writerows(rows)
    with open(path("csv-nonnumeric.csv"), "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
        w.writerow(NAMES)
        w.writerows([[float(x) for x in row] for row in v])
    labels = ['a, b', 'say "x"', "line\nbreak", "", '"', "plain"]
    with open(path("csv-quote-all-labels.csv"), "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(NAMES[:2] + ["label"] + NAMES[2:])
        for i, r in enumerate(rows):
            w.writerow(r[:2] + [labels[i % len(labels)]] + r[2:])

    # The files must read back as written, through the writers' own readers.
    for name in ["pandas-quote-all.csv", "pandas-minimal.csv", "csv-minimal.csv", "csv-nonnumeric.csv"]:
        back = pd.read_csv(path(name))
        assert list(back.columns) == NAMES, (name, list(back.columns))
        assert np.array_equal(back.to_numpy(), v), name


if __name__ == "__main__":
    main()
