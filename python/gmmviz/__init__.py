"""Record scikit-learn Gaussian mixtures one EM step at a time and animate them with gmmviz.

``record(model, X)`` runs a ``GaussianMixture`` exactly as configured and keeps every step as a
gmmviz history (docs/history-schema.md). ``animate(X, ...)`` renders a fit through the ``gmmviz``
binary into an object that shows itself in Jupyter and saves to any format the CLI writes.
"""
from .binary import GmmvizError, GmmvizNotFound, find_binary
from .history import History, record
from .animation import Animation, animate, cli_options

__all__ = ["record", "History", "animate", "Animation", "cli_options",
           "GmmvizError", "GmmvizNotFound", "find_binary"]
