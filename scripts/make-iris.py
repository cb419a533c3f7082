#!/usr/bin/env python3
"""Writes assets/data/iris.csv: scikit-learn's copy of Fisher's iris measurements (150 flowers,
4 columns in cm) with a header, for the pairs and PCA views. The species is left out: gmmviz
fits the measurements alone, and the three species are what a K = 3 fit should find.

    python3 scripts/make-iris.py          (needs scikit-learn; run by hand, output committed)
"""
import csv
import os

from sklearn.datasets import load_iris


def main():
    iris = load_iris()
    names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    out = os.path.join(os.path.dirname(__file__), "..", "assets", "data", "iris.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for row in iris.data:
            w.writerow([f"{v:g}" for v in row])
    print(f"wrote {os.path.normpath(out)}: {len(iris.data)} rows × {len(names)} columns")


if __name__ == "__main__":
    main()
