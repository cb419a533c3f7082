"""examples/em-demo.ipynb runs in a real Jupyter kernel and its outputs hold pictures and HTML."""
import base64
import os
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "em-demo.ipynb"


def test_example_notebook_executes_with_pictures_and_player(gmmviz_binary, tmp_path, monkeypatch):
    monkeypatch.setenv("GMMVIZ", os.path.abspath(gmmviz_binary))   # the kernel inherits it
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "the committed notebook should carry no outputs"
    NotebookClient(nb, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    data = [o.data for o in outputs if "data" in o]
    pictures = [base64.b64decode(d.get("image/gif") or d["image/png"])
                for d in data if "image/gif" in d or "image/png" in d]
    assert pictures and all(p[:6] == b"GIF89a" or p[:8] == b"\x89PNG\r\n\x1a\n" for p in pictures)
    players = [d["text/html"] for d in data if "gmmviz player" in d.get("text/html", "")]
    assert len(players) >= 2                          # the player and the E/M player
    assert (tmp_path / "em-demo.gif").read_bytes()[:6] == b"GIF89a"
