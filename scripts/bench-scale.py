#!/usr/bin/env python3
"""How reading, fitting and rendering scale with N, on this machine (release build).

    python3 scripts/bench-scale.py [--sizes 1e6 1e7 1e8] [--work DIR]

For each N: writes N samples of five Gaussian blobs in two dimensions with `gmmviz generate`
(in DIR, default a temporary directory; 10^8 samples are a 3.8 GB file, so give a DIR with room,
outside the repository), then runs, each as its own process under /usr/bin/time:

  csv     gmmviz-bench csv FILE 1                  reading alone
  fit     gmmviz fit -k 5 --seed 1 --history H      the CLI's whole fit (read, start, EM)
  render  gmmviz render -k 5 --seed 1 --out G.gif   the same fit, then every frame as a GIF
          (and with --frames the PNG frames too)

both with --tol 0 --max-iter 10, so that every N does the same work (ten EM iterations, eleven
frames) and time per sample compares like with like,

and `gmmviz-bench frame-cost`, which times one EM iteration, one E-step and the drawing of one
density frame in one process. It prints wall time and peak resident memory of each step against
the data's own size (N x 2 doubles), the render's time per frame, (render - fit) / frames,
against one E-step plus the drawing of a frame, and each step's time per sample against the
first size's (1.0 is linear).

Targets checked (printed as ok / OVER):
  fit peak <= 1.5 x data + 100 MB; render peak <= fit peak + 200 MB;
  render per frame <= 1.5 x (E-step + drawing); time per sample <= 1.3 x the first size's.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GMMVIZ = os.path.join(ROOT, ".build/release/gmmviz")
BENCH = os.path.join(ROOT, ".build/release/gmmviz-bench")
MEANS = "0,0;6,0;3,5;-4,4;2,-6"
MB = 1e6
# The same work at every N: ten EM iterations, eleven frames.
FIXED = ["-k", "5", "--seed", "1", "--tol", "0", "--max-iter", "10"]


def timed(argv):
    """Runs argv under /usr/bin/time: (wall seconds, peak RSS bytes, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        out = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %M"] + argv,
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        wall, kib = open(t.name).read().split()[-2:]
    return float(wall), int(kib) * 1024, out


def write_blobs(path, n):
    """N samples of the five blobs: `gmmviz generate` writes at most 10^7 per blob, so larger N
    is written in parts of different seeds, each part's header but the first dropped."""
    per_blob = n // 5
    parts = -(-per_blob // 10_000_000)
    with open(path, "wb") as out:
        for part in range(parts):
            count = per_blob // parts + (1 if part < per_blob % parts else 0)
            piece = path + f".part{part}"
            subprocess.run([GMMVIZ, "generate", "--means", MEANS, "--count", str(count), "--seed", str(1 + part),
                            "--out", piece], check=True)
            with open(piece, "rb") as f:
                if part > 0:
                    f.readline()
                shutil.copyfileobj(f, out, 1 << 24)
            os.remove(piece)


def verdict(ok):
    return "ok" if ok else "OVER"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", nargs="+", default=["1e6", "1e7"])
    p.add_argument("--work", default=None)
    p.add_argument("--frames", action="store_true", help="also write the PNG frames")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="gmmviz-scale-")
    os.makedirs(work, exist_ok=True)
    first = None
    try:
        for size in a.sizes:
            n = int(float(size))
            csv = os.path.join(work, f"blobs-{n}.csv")
            write_blobs(csv, n)
            data = n * 2 * 8
            label = f"N = {n:.0e}".replace("e+0", "e")
            print(f"== {label}: {os.path.getsize(csv) / MB:.0f} MB of CSV, {data / MB:.0f} MB as doubles")

            read_s, read_rss, _ = timed([BENCH, "csv", csv, "1"])
            print(f"{label} csv read: {read_s:.2f} s, peak {read_rss / MB:.0f} MB ({read_rss / data:.2f}x data)")

            history = os.path.join(work, "history.json")
            fit_s, fit_rss, _ = timed([GMMVIZ, "fit", "--data", csv] + FIXED + ["--history", history])
            iterations = len(json.load(open(history))["snapshots"]) - 1
            fit_target = 1.5 * data + 100 * MB
            print(f"{label} fit: {fit_s:.2f} s, {iterations} iterations, peak {fit_rss / MB:.0f} MB "
                  f"= {fit_rss / data:.2f}x data (target <= {fit_target / MB:.0f} MB: {verdict(fit_rss <= fit_target)})")

            gif = os.path.join(work, "render.gif")
            frames_dir = os.path.join(work, "frames")
            shutil.rmtree(frames_dir, ignore_errors=True)
            argv = [GMMVIZ, "render", "--data", csv] + FIXED + ["--out", gif, "--quiet"]
            if a.frames:
                argv += ["--frames-dir", frames_dir]
            render_s, render_rss, _ = timed(argv)
            frames = iterations + 1
            per_frame = max(0.0, render_s - fit_s) / frames
            cost = json.loads(subprocess.run([BENCH, "frame-cost", csv, history, "3"], check=True,
                                             stdout=subprocess.PIPE, text=True).stdout)
            reference = cost["e_step_seconds"] + cost["draw_seconds"]
            print(f"{label} render: {render_s:.2f} s for {frames} frames, peak {render_rss / MB:.0f} MB "
                  f"= fit + {(render_rss - fit_rss) / MB:.0f} MB (target <= fit + 200 MB: "
                  f"{verdict(render_rss <= fit_rss + 200 * MB)})")
            print(f"{label} per frame: {per_frame * 1000:.0f} ms = (render - fit) / frames, against one E-step "
                  f"{cost['e_step_seconds'] * 1000:.0f} ms + drawing {cost['draw_seconds'] * 1000:.0f} ms "
                  f"= {reference * 1000:.0f} ms: {per_frame / reference:.2f}x (target <= 1.5x: "
                  f"{verdict(per_frame <= 1.5 * reference)}); fit per iteration {cost['iteration_seconds'] * 1000:.0f} ms, "
                  f"one frame drawn alone {cost['frame_seconds'] * 1000:.0f} ms")
            times = {"csv read": read_s, "fit": fit_s, "render": render_s}
            if first is None:
                first = (n, times)
            else:
                n0, t0 = first
                ratios = ", ".join(f"{k} {(times[k] / n) / (t0[k] / n0):.2f}x" for k in times)
                print(f"{label} time per sample against N = {n0:.0e}: {ratios} (target <= 1.3x)".replace("e+0", "e"))
            os.remove(csv)
    finally:
        if a.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
