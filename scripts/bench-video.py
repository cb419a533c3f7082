#!/usr/bin/env python3
"""Size and quality of gmmviz's MP4 and WebM against matplotlib's FFMpegWriter on the same PNG frames.

    scripts/bench-video.py FRAMES_DIR --gif GMMVIZ.gif [--mp4 GMMVIZ.mp4] [--webm GMMVIZ.webm] [--keep DIR] [--json]

    # the demo, as `make demo` renders it:
    gmmviz render --frames-dir output/frames --out output/comb.gif
    gmmviz render --out output/comb.mp4 && gmmviz render --out output/comb.webm
    scripts/bench-video.py output/frames --gif output/comb.gif --mp4 output/comb.mp4 --webm output/comb.webm

The frames are FRAMES_DIR/*.png (sorted by name, all the same size); their delays are those of
gmmviz's GIF of the same render (a GIF frame merged from identical PNGs is lined up with them
as in bench-gif.py, and its delay split evenly among them).

matplotlib's videos are made with `animation.FFMpegWriter()` at its defaults: fps 5, the
codec and bitrate of matplotlibrc (h264 with ffmpeg's own default quality, crf 23, and
yuv420p, which matplotlib adds for h264), RGBA frames on a pipe. For .webm matplotlib leaves
the codec to ffmpeg (VP9). The figure is exactly the frame's pixel size (figsize = size / dpi)
and holds the PNG as a `figimage` at (0, 0), so each saved frame is the PNG pixel for pixel.
The writer's fps is kept rather than raised to the 100 Hz of the GIF's delays: each PNG is
grabbed for the 1/5 s ticks from round(start * 5) to round(end * 5) of its interval, at least
once, so its start is within 0.1 s of the timeline's and the total length matches to 0.1 s,
as a matplotlib user with these defaults would get. Fewer grabs also give matplotlib's file
its smallest size, so the size comparison does not favour gmmviz.

PSNR is over all pixels of all PNG frames: each PNG is compared with the frame the video shows
at the middle of that PNG's interval in that video (frame times from ffprobe, frames decoded
by ffmpeg to rgb24, padding cropped).

Prints one line per file (bytes and PSNR), the ratios of gmmviz's size to matplotlib's and
to the GIF's, and the size and quality targets with PASS or FAIL:
  MP4 <= 75 % of the GIF; MP4 no larger than matplotlib's at no lower PSNR; PSNR >= 36 dB.
The WebM's figures against matplotlib's are printed for reference, without a target.
Exit status 0 when all checks pass, 1 otherwise, 2 on usage or tool errors.

Benchmark-only: needs ffmpeg/ffprobe, matplotlib, Pillow and numpy.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageSequence

MATPLOTLIB_FPS = 5   # FFMpegWriter's default


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message):
    print(f"bench-video: {message}", file=sys.stderr)
    sys.exit(2)


def load_frames(directory):
    names = sorted(n for n in os.listdir(directory) if n.lower().endswith(".png"))
    if not names:
        fail(f"no .png files in {directory}")
    frames = [np.asarray(Image.open(os.path.join(directory, n)).convert("RGB")) for n in names]
    for n, f in zip(names, frames):
        if f.shape != frames[0].shape:
            fail(f"{n} is {f.shape[1]}x{f.shape[0]}, the first frame is {frames[0].shape[1]}x{frames[0].shape[0]}")
    return frames


def squared_error(a, b):
    d = a.astype(np.float64) - b.astype(np.float64)
    return float((d * d).sum())


def png_delays(gif_path, frames):
    """Each PNG's delay in seconds, from the GIF of the same frames.

    A GIF frame merged from identical PNGs lines up with each of them (the current GIF frame or
    the next, whichever is closer; frames only move forward), and its delay is shared evenly.
    """
    with Image.open(gif_path) as im:
        gif = [(np.asarray(f.convert("RGB")), f.info["duration"] / 1000) for f in ImageSequence.Iterator(im)]
    if len(gif) == len(frames):
        return [d for _, d in gif]
    owner, j = [], 0
    for png in frames:
        if j + 1 < len(gif) and squared_error(png, gif[j + 1][0]) < squared_error(png, gif[j][0]):
            j += 1
        owner.append(j)
    if j != len(gif) - 1:
        fail(f"{gif_path} has {len(gif)} frames; only {j + 1} line up with the PNGs")
    return [gif[o][1] / owner.count(o) for o in owner]


def matplotlib_video(frames, delays, out):
    """Writes `out` with FFMpegWriter at its defaults; returns each PNG's (start, end) in the file."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.animation import FFMpegWriter

    height, width, _ = frames[0].shape
    dpi = 100
    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    image = fig.figimage(frames[0], xo=0, yo=0, origin="upper")
    writer = FFMpegWriter()
    fps = writer.fps
    intervals, start, tick = [], 0.0, 0
    with writer.saving(fig, out, dpi=dpi):
        for frame, delay in zip(frames, delays):
            image.set_data(frame)
            grabs = max(1, round((start + delay) * fps) - tick)
            for _ in range(grabs):
                writer.grab_frame()
            intervals.append((tick / fps, (tick + grabs) / fps))
            tick += grabs
            start += delay
    plt.close(fig)
    return intervals


def frame_times(path):
    r = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                        "frame=best_effort_timestamp_time", "-of", "csv=p=0", path], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"ffprobe {path} failed: {r.stderr.strip()}")
    return [float(t.strip().strip(",")) for t in r.stdout.split() if t.strip().strip(",")]


def video_size(path):
    r = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
                        "-of", "json", path], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"ffprobe {path} failed: {r.stderr.strip()}")
    stream = json.loads(r.stdout)["streams"][0]
    return stream["width"], stream["height"]


def psnr(frames, intervals, path):
    """PSNR of `path` against the PNGs, each compared with the frame shown mid-interval."""
    times = frame_times(path)
    width, height = video_size(path)
    h, w, _ = frames[0].shape
    if width - w not in (0, 1) or height - h not in (0, 1):
        fail(f"{path} is {width}x{height}, the frames {w}x{h}")
    # The decoded frame on screen at each PNG's middle: the last one starting at or before it.
    shown = [max(0, int(np.searchsorted(times, (a + b) / 2, side="right")) - 1) for a, b in intervals]
    proc = subprocess.Popen(["ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-fps_mode", "passthrough",
                             "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], stdout=subprocess.PIPE)
    size = width * height * 3
    squared, k = 0.0, 0
    while True:
        raw = proc.stdout.read(size)
        if len(raw) < size:
            break
        decoded = np.frombuffer(raw, np.uint8).reshape(height, width, 3)[:h, :w]
        for i, s in enumerate(shown):
            if s == k:
                squared += squared_error(frames[i], decoded)
        k += 1
    if proc.wait() != 0:
        fail(f"ffmpeg could not decode {path}")
    if k != len(times) or max(shown) >= k:
        fail(f"{path}: ffmpeg decoded {k} frames, ffprobe listed {len(times)}")
    mse = squared / (len(frames) * frames[0].size)
    return float("inf") if mse == 0 else float(10 * np.log10(255 ** 2 / mse))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("frames", help="Directory of PNG frames, in name order.")
    parser.add_argument("--gif", required=True, help="gmmviz's GIF of these frames: the delays, and the size compared.")
    parser.add_argument("--mp4", help="gmmviz's MP4 of these frames.")
    parser.add_argument("--webm", help="gmmviz's WebM of these frames.")
    parser.add_argument("--keep", help="Directory to keep matplotlib's videos in.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    if not (args.mp4 or args.webm):
        parser.error("give --mp4, --webm or both")
    for tool in ("ffmpeg", "ffprobe"):
        if shutil.which(tool) is None:
            fail(f"{tool} is not installed (apt-get install ffmpeg)")

    frames = load_frames(args.frames)
    delays = png_delays(args.gif, frames)
    starts = np.concatenate([[0.0], np.cumsum(delays)])
    timeline = list(zip(starts[:-1], starts[1:]))
    gif_bytes = os.path.getsize(args.gif)
    height, width, _ = frames[0].shape
    log(f"bench-video: {len(frames)} frames of {width}x{height} from {args.frames}, {starts[-1]:.2f} s")

    work = tempfile.mkdtemp(prefix="bench-video-")
    out_dir = args.keep or work
    os.makedirs(out_dir, exist_ok=True)
    result = {"frames": len(frames), "width": width, "height": height, "seconds": float(starts[-1]),
              "gif_bytes": gif_bytes, "matplotlib_fps": MATPLOTLIB_FPS}
    checks = {}
    try:
        for kind, ours in (("mp4", args.mp4), ("webm", args.webm)):
            if not ours:
                continue
            theirs = os.path.join(out_dir, f"matplotlib.{kind}")
            log(f"bench-video: matplotlib FFMpegWriter -> {theirs}")
            intervals = matplotlib_video(frames, delays, theirs)
            figures = {
                "gmmviz_bytes": os.path.getsize(ours), "gmmviz_psnr_db": psnr(frames, timeline, ours),
                "matplotlib_bytes": os.path.getsize(theirs), "matplotlib_psnr_db": psnr(frames, intervals, theirs),
            }
            figures["gmmviz_vs_matplotlib"] = figures["gmmviz_bytes"] / figures["matplotlib_bytes"]
            figures["gmmviz_vs_gif"] = figures["gmmviz_bytes"] / gif_bytes
            result[kind] = figures
            name = kind.upper() if kind == "mp4" else "WebM"
            if kind == "mp4":
                checks["MP4 <= 75% of the GIF"] = bool(figures["gmmviz_vs_gif"] <= 0.75)
            if kind == "mp4":
                checks[f"{name} no larger than matplotlib's at no lower PSNR"] = bool(
                    figures["gmmviz_bytes"] <= figures["matplotlib_bytes"]
                    and figures["gmmviz_psnr_db"] >= figures["matplotlib_psnr_db"])
            checks[f"{name} PSNR >= 36 dB"] = bool(figures["gmmviz_psnr_db"] >= 36)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        result["checks"] = checks
        print(json.dumps(result, indent=2))
    else:
        print(f"frames                {len(frames)} of {width}x{height}, {starts[-1]:.2f} s (delays of the GIF); "
              f"matplotlib at {MATPLOTLIB_FPS} fps")
        print(f"gmmviz GIF            {gif_bytes:>12,} bytes")
        for kind in ("mp4", "webm"):
            if kind not in result:
                continue
            f, name = result[kind], ("MP4 " if kind == "mp4" else "WebM")
            print(f"matplotlib {name}       {f['matplotlib_bytes']:>12,} bytes   PSNR {f['matplotlib_psnr_db']:6.2f} dB")
            print(f"gmmviz {name}           {f['gmmviz_bytes']:>12,} bytes   PSNR {f['gmmviz_psnr_db']:6.2f} dB")
            print(f"gmmviz {name} / matplotlib {f['gmmviz_vs_matplotlib']:9.1%}")
            print(f"gmmviz {name} / GIF        {f['gmmviz_vs_gif']:9.1%}")
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'}  {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
