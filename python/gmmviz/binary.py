"""Finding and running the gmmviz binary; its failures become ``GmmvizError``."""
import os
import shutil
import subprocess

INSTALL_HINT = ("install it with `make install` in a clone of the gmmviz repository "
                "(PREFIX=~/.local puts it in ~/.local/bin), or set the GMMVIZ environment "
                "variable to the binary's path, e.g. GMMVIZ=/path/to/gmmviz/.build/release/gmmviz")


class GmmvizError(RuntimeError):
    """The gmmviz binary failed; ``message`` is its one-line diagnostic, ``command`` what ran."""

    def __init__(self, message, command=None, returncode=None):
        super().__init__(message)
        self.message = message
        self.command = command
        self.returncode = returncode


class GmmvizNotFound(GmmvizError, FileNotFoundError):
    """No gmmviz binary in GMMVIZ or on PATH."""


def find_binary():
    """The path of the gmmviz binary: $GMMVIZ if set, else `gmmviz` on PATH."""
    configured = os.environ.get("GMMVIZ")
    if configured:
        path = shutil.which(configured) or (configured if os.access(configured, os.X_OK) else None)
        if path is None or os.path.isdir(path):
            raise GmmvizNotFound(f"GMMVIZ is set to {configured!r}, which is not an executable "
                                 f"file; {INSTALL_HINT}")
        return path
    path = shutil.which("gmmviz")
    if path is None:
        raise GmmvizNotFound(f"the gmmviz binary is not on PATH; {INSTALL_HINT}")
    return path


def one_line(stderr):
    """The binary's diagnostic: its first non-empty line of standard error, without the
    'gmmviz: error: ' prefix.

    The CLI writes one line per failure (what was wrong, the value seen, the fix), then, for a
    usage error, the usage text; the first line is the message.
    """
    for line in stderr.splitlines():
        line = line.strip()
        for prefix in ("gmmviz: error: ", "Error: "):
            if line.startswith(prefix):
                line = line[len(prefix):]
        if line:
            return line
    return ""


def run(arguments, cwd=None):
    """Runs `gmmviz ARGUMENTS`; returns its standard output, raises GmmvizError on failure."""
    command = [find_binary(), *arguments]
    done = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        message = one_line(done.stderr) or f"gmmviz exited with status {done.returncode}"
        raise GmmvizError(message, command=command, returncode=done.returncode)
    return done.stdout
