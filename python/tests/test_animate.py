"""animate() through the real binary: the notebook bundle, saving, and the binary's errors."""
import base64

import numpy as np
import pandas as pd
import pytest
from sklearn.mixture import GaussianMixture

import gmmviz

SMALL = dict(size=(320, 200), max_frames=6)
GIF_MAGIC, PNG_MAGIC = b"GIF89a", b"\x89PNG\r\n\x1a\n"


def picture(bundle):
    data = bundle.get("image/gif") or bundle.get("image/png")
    assert data, f"no image/gif or image/png in {sorted(bundle)}"
    raw = base64.b64decode(data)
    assert raw.startswith(GIF_MAGIC) or raw.startswith(PNG_MAGIC)
    return raw


def test_animate_numpy_array(blobs, gmmviz_binary):
    a = gmmviz.animate(blobs, k=3, means=[(-5, -5), (0, -5), (0, 5)], **SMALL)
    bundle = a._repr_mimebundle_()
    assert "<iframe" in bundle["text/html"] and "srcdoc=" in bundle["text/html"]
    assert a.html.startswith("<!DOCTYPE html>")
    assert picture(bundle).startswith(GIF_MAGIC)


def test_animate_dataframe_names_the_axes(blobs, gmmviz_binary):
    frame = pd.DataFrame(blobs, columns=["eruption_minutes", "waiting_minutes"])
    a = gmmviz.animate(frame, model=GaussianMixture(3, random_state=0), steps="em", **SMALL)
    assert "eruption_minutes" in a.html and "waiting_minutes" in a.html
    assert "eruption_minutes" in a._repr_mimebundle_()["text/html"]
    picture(a._repr_mimebundle_())
    assert a.history.data["iterations"] == a.history.model.n_iter_


def test_save_writes_the_format_of_the_extension(blobs, gmmviz_binary, tmp_path):
    a = gmmviz.animate(blobs, k=2, **SMALL)
    gif, page = a.save(tmp_path / "fit.gif"), a.save(tmp_path / "fit.html")
    assert gif.read_bytes().startswith(GIF_MAGIC)
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_cli_options_mapping():
    assert gmmviz.cli_options({"k": 3, "steps": "em", "size": (800, 480), "max_iter": 50,
                               "equal_aspect": True, "no_grid": False, "title": None,
                               "means": [(-5, -5), (0, 5.5)], "weights": [0.25, 0.75]}) == [
        "--components", "3", "--steps", "em", "--size", "800x480", "--max-iter", "50",
        "--equal-aspect", "--means", "-5,-5;0,5.5", "--weights", "0.25,0.75"]


def test_missing_binary_says_how_to_install(blobs, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("GMMVIZ", raising=False)
    with pytest.raises(gmmviz.GmmvizNotFound, match="make install.*GMMVIZ"):
        gmmviz.animate(blobs, k=3)
    monkeypatch.setenv("GMMVIZ", str(tmp_path / "nowhere" / "gmmviz"))
    with pytest.raises(gmmviz.GmmvizError, match="GMMVIZ is set to .*nowhere"):
        gmmviz.animate(blobs, k=3)


def test_bad_option_carries_the_binary_message(blobs, gmmviz_binary):
    with pytest.raises(gmmviz.GmmvizError) as caught:
        gmmviz.animate(blobs, k=3, size="10")
    assert "--size" in caught.value.message and "\n" not in caught.value.message
    assert caught.value.returncode != 0
    with pytest.raises(gmmviz.GmmvizError, match="Unknown option '--no-such-option'"):
        gmmviz.animate(blobs, k=3, no_such_option=True)


def test_nan_in_data_carries_the_binary_message(blobs, gmmviz_binary):
    X = blobs.copy()
    X[4, 1] = np.nan
    with pytest.raises(gmmviz.GmmvizError, match=r'"nan" is not a finite number') as caught:
        gmmviz.animate(X, k=3)
    assert ":6, column 2" in caught.value.message       # the header is line 1, row 5 line 6
    assert "\n" not in caught.value.message
