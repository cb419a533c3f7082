"""``animate``: a fit rendered by the gmmviz binary, shown inline in Jupyter, saved to any format."""
import base64
import html
import os
import tempfile

import numpy as np

from . import binary
from .history import History, record

# Options that animate() itself passes to `gmmviz render`.
_MANAGED = {"data": "X", "out": "Animation.save(path)", "history_in": "model=",
            "history": "record(model, X)", "quiet": "nothing (always on)"}


def _number(v):
    return repr(float(v)) if isinstance(v, (float, np.floating)) else str(v)


def _flat(v):
    """The numbers of a nested list, row-major, each keeping its own type (so 0 stays "0")."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return [x for item in v for x in _flat(item)]
    return [v]


def _value(name, v):
    """One option's value as the CLI spells it (see cli_options)."""
    if isinstance(v, str):
        return v
    if name == "size":
        w, h = v
        return f"{int(w)}x{int(h)}"
    if isinstance(v, (list, tuple, np.ndarray)):
        items = list(v)
        if items and all(isinstance(i, (list, tuple, np.ndarray)) for i in items):
            return ";".join(",".join(_number(x) for x in _flat(i)) for i in items)
        return ",".join(_number(x) for x in items)
    return _number(v)


def cli_options(options):
    """``gmmviz render`` arguments for keyword options.

    A name's underscores become dashes (``max_iter=50`` → ``--max-iter 50``); ``k`` is
    ``--components``; ``True`` passes a flag (``equal_aspect=True`` → ``--equal-aspect``) and
    ``False`` or ``None`` leaves the option out; ``size=(800, 480)`` → ``--size 800x480``; a list
    of points or matrices joins numbers with ',' and items with ';' (``means=[(-5, -5), (0, 5)]``
    → ``--means "-5,-5;0,5"``, one row-major matrix per component for ``covariances``); a flat
    list joins with ',' (``weights=[0.5, 0.5]``, ``bounds=(-8, 8, -8, 8)``); anything else is
    written as it prints (``steps="em"`` → ``--steps em``).
    """
    arguments = []
    for name, v in options.items():
        if v is None or v is False:
            continue
        flag = "--components" if name == "k" else "--" + name.replace("_", "-")
        if v is True:
            arguments.append(flag)
        else:
            arguments += [flag, _value(name, v)]
    return arguments


def _write_csv(X, path):
    """Writes X as CSV with a header: a DataFrame's column names, else x,y (x1, x2, … for D ≠ 2).
    Returns the header's names."""
    columns = getattr(X, "columns", None)
    values = np.asarray(X, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    if values.ndim != 2:
        raise ValueError(f"X must be N × D (samples × features), got shape {values.shape}")
    d = values.shape[1]
    if columns is not None:
        names = [str(c) for c in columns]
    else:
        names = ["x", "y"] if d == 2 else [f"x{i + 1}" for i in range(d)]
    for name in names:
        if any(c in name for c in ',"\n\r'):
            raise ValueError(f"column name {name!r} holds a comma, quote or line break, which "
                             "the CSV header cannot carry; rename the column")
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        np.savetxt(f, values, delimiter=",", fmt="%.17g")
    return names


class Animation:
    """A fit rendered by `gmmviz render`; shows itself in Jupyter.

    Its output carries the HTML player (text/html, in an iframe, so its page and scripts stay its
    own) and the animated GIF (image/gif), for viewers that drop HTML and scripts. ``save(path)`` renders again to any format the CLI writes, by extension.
    """

    def __init__(self, arguments, workdir, history=None, size=(1000, 600)):
        self.arguments = arguments          # `gmmviz render` arguments without --out, whose
                                            # files are relative to the working directory
        self.history = history
        self._workdir = workdir             # TemporaryDirectory holding the CSV and renders
        self._size = size
        self._html = None
        self._gif = None

    def save(self, path):
        """Renders to ``path`` (.gif, .html, .mp4, .webm, .pdf, .png …, as the CLI does)."""
        binary.run(["render", *self.arguments, "--out", os.path.abspath(os.fspath(path))],
                   cwd=self._workdir.name)
        return path

    def _render(self, name):
        path = os.path.join(self._workdir.name, name)
        if not os.path.exists(path):
            self.save(path)
        with open(path, "rb") as f:
            return f.read()

    @property
    def html(self):
        """The standalone player page, as text."""
        if self._html is None:
            self._html = self._render("player.html").decode("utf-8")
        return self._html

    @property
    def gif(self):
        """The animated GIF, as bytes."""
        if self._gif is None:
            self._gif = self._render("animation.gif")
        return self._gif

    def image(self):
        """The animated GIF alone, as an object Jupyter shows inline (image/gif)."""
        return _GIF(self.gif)

    def _repr_html_(self):
        w, h = self._size
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" width="{w + 60}" '
                f'height="{h + 400}" style="border: none" title="gmmviz player"></iframe>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self._repr_html_(),
                "image/gif": base64.b64encode(self.gif).decode("ascii"),
                "text/plain": repr(self)}

    def __repr__(self):
        return f"<gmmviz.Animation: gmmviz render {' '.join(self.arguments)}>"


class _GIF:
    """GIF bytes that Jupyter shows as an image."""

    def __init__(self, data):
        self.data = data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"image/gif": base64.b64encode(self.data).decode("ascii"),
                "text/plain": f"<GIF, {len(self.data)} bytes>"}


def animate(X, k=None, model=None, **options):
    """Renders an EM fit of ``X`` with the gmmviz binary and returns an :class:`Animation`.

    ``X``: N × D numpy array or pandas DataFrame (its column names become the CSV header, so
    the axes are named). Either ``k`` (gmmviz fits K components itself; ``means=`` etc. set its
    start) or ``model``, a scikit-learn ``GaussianMixture`` that is fitted by :func:`record` and
    drawn from its history. Other keyword options are `gmmviz render` options, mapped by
    :func:`cli_options` (``steps="em"``, ``size=(800, 480)``, ``theme="dark"`` …). The player is
    rendered at once, so a bad option raises ``GmmvizError`` here.
    """
    if k is not None and model is not None:
        raise TypeError("animate() takes k or model, not both: a model brings its own "
                        "n_components")
    for name, instead in _MANAGED.items():
        if name in options:
            raise TypeError(f"animate() sets --{name.replace('_', '-')} itself; use {instead}")
    workdir = tempfile.TemporaryDirectory(prefix="gmmviz-")
    data = os.path.join(workdir.name, "data.csv")
    _write_csv(X, data)
    arguments = ["--data", "data.csv"]    # relative, so the player's caption reads data.csv
    history = None
    if model is not None:
        history = record(model, X)
        history.save(os.path.join(workdir.name, "history.json"))
        arguments += ["--history-in", "history.json"]
    arguments += cli_options({"k": k, **options}) + ["--quiet"]
    size = options.get("size") or (1000, 600)
    if isinstance(size, str):
        size = tuple(int(s) for s in size.lower().split("x"))
    animation = Animation(arguments, workdir, history=history, size=size)
    animation.html
    return animation
