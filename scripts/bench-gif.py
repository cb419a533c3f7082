#!/usr/bin/env python3
"""Size and quality benchmark of gmmviz's GIF encoder on a directory of PNG frames.

    scripts/bench-gif.py FRAMES_DIR [--delay CS] [--encoder CMD | --gif GMMVIZ.gif] [--keep DIR] [--json]

    # the demo, as `make demo` renders it:
    gmmviz render --frames-dir output/frames --out output/comb.gif
    scripts/bench-gif.py output/frames --gif output/comb.gif

For the frames FRAMES_DIR/*.png (sorted by name, all the same size) it
  a. makes the GIF Pillow makes with save(save_all=True, loop=0);
  b. makes gmmviz's GIF: the frames are dumped as raw RGB files and passed to
     the encoder command, called as
         CMD --width W --height H --delay CS --output OUT.gif -- FRAME.rgb ...
     which must print one JSON object of figures (`gmmviz-bench encode-raw`'s
     report) on standard output; or, with --gif, takes the GIF gmmviz already made of them;
  c. runs `gifsicle -O3` on gmmviz's GIF;
  d. decodes gmmviz's GIF (Pillow, composited frames), lines its frames up with the PNGs
     (a frame merged from identical PNGs stands for each of them), and computes the PSNR
     against the PNG frames;
then prints sizes, ratios, and the checks the encoder is held to:
  size   gmmviz <= 50 % of Pillow, and <= 102 % of gifsicle -O3 of gmmviz's GIF;
  quality PSNR >= 40 dB.
Exit status 0 when all checks pass, 1 otherwise, 2 on usage or tool errors.

Benchmark-only: needs Pillow, numpy and gifsicle; the encoder itself needs none of them.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageSequence

DEFAULT_ENCODER = ".build/release/gmmviz-bench encode-raw"


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_frames(directory):
    names = sorted(n for n in os.listdir(directory) if n.lower().endswith(".png"))
    if not names:
        raise SystemExit(f"bench-gif: no .png files in {directory}")
    paths = [os.path.join(directory, n) for n in names]
    with Image.open(paths[0]) as first:
        size = first.size
    for p in paths:
        with Image.open(p) as im:
            if im.size != size:
                raise SystemExit(f"bench-gif: {p} is {im.size[0]}x{im.size[1]}, the first frame is {size[0]}x{size[1]}")
    return paths, size


def rgb(path):
    with Image.open(path) as im:
        return im.convert("RGB")


def pillow_gif(paths, delay, out):
    frames = [rgb(p) for p in paths]
    frames[0].save(out, save_all=True, append_images=frames[1:], loop=0, duration=delay * 10)
    return os.path.getsize(out)


def gmmviz_gif(paths, size, delay, encoder, work, out):
    raws = []
    for i, p in enumerate(paths):
        raw = os.path.join(work, f"frame-{i:05d}.rgb")
        with open(raw, "wb") as f:
            f.write(rgb(p).tobytes())
        raws.append(raw)
    cmd = shlex.split(encoder) + ["--width", str(size[0]), "--height", str(size[1]),
                                  "--delay", str(delay), "--output", out, "--"] + raws
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench-gif: encoder failed ({result.returncode}): {result.stderr.strip()}")
    for r in raws:
        os.remove(r)
    try:
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        figures = {}
    return os.path.getsize(out), figures


def gifsicle_o3(src, out):
    subprocess.run(["gifsicle", "-O3", src, "-o", out], check=True)
    return os.path.getsize(out)


def decoded_frames(gif_path):
    with Image.open(gif_path) as im:
        return [np.asarray(frame.convert("RGB"), dtype=np.int16) for frame in ImageSequence.Iterator(im)]


def squared_error(a, b):
    d = (a - b).astype(np.float64)
    return float((d * d).sum())


def psnr(paths, gif_path):
    """PSNR of the GIF's frames against the PNGs, over all pixels of all PNG frames.

    The encoder merges a frame identical to the previous one into its delay, so the GIF may
    have fewer frames; each PNG is compared with the current GIF frame or the next one,
    whichever is closer (frames only move forward), and every GIF frame must be used.
    """
    frames = decoded_frames(gif_path)
    squared, count, j = 0.0, 0, 0
    for path in paths:
        source = np.asarray(rgb(path), dtype=np.int16)
        here = squared_error(source, frames[j])
        if j + 1 < len(frames):
            ahead = squared_error(source, frames[j + 1])
            if ahead < here:
                j, here = j + 1, ahead
        squared += here
        count += source.size
    if j != len(frames) - 1:
        raise SystemExit(f"bench-gif: {gif_path} has {len(frames)} frames; only {j + 1} line up with the PNGs")
    mse = squared / count
    return float("inf") if mse == 0 else float(10 * np.log10(255 ** 2 / mse))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("frames", help="Directory of PNG frames, encoded in name order.")
    parser.add_argument("--delay", type=int, default=10, help="Delay of every frame in 1/100 s.")
    parser.add_argument("--encoder", default=os.environ.get("GMMVIZ_GIF_ENCODER", DEFAULT_ENCODER),
                        help="Command that encodes raw RGB frames (see the module doc).")
    parser.add_argument("--gif", help="gmmviz's GIF of these frames, instead of running --encoder.")
    parser.add_argument("--keep", help="Directory to keep the three GIFs in.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    if shutil.which("gifsicle") is None:
        raise SystemExit("bench-gif: gifsicle is not installed (apt-get install gifsicle)")

    paths, size = load_frames(args.frames)
    work = tempfile.mkdtemp(prefix="bench-gif-")
    out_dir = args.keep or work
    os.makedirs(out_dir, exist_ok=True)
    try:
        log(f"bench-gif: {len(paths)} frames of {size[0]}x{size[1]} from {args.frames}")
        ours = os.path.join(out_dir, "gmmviz.gif")
        pillow = os.path.join(out_dir, "pillow.gif")
        optimised = os.path.join(out_dir, "gmmviz-gifsicle-O3.gif")
        if args.gif:
            shutil.copyfile(args.gif, ours)
            ours_size, figures = os.path.getsize(ours), {}
        else:
            ours_size, figures = gmmviz_gif(paths, size, args.delay, args.encoder, work, ours)
        pillow_size = pillow_gif(paths, args.delay, pillow)
        gifsicle_size = gifsicle_o3(ours, optimised)
        quality = psnr(paths, ours)
        pillow_quality = psnr(paths, pillow)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    result = {
        "frames": len(paths), "width": size[0], "height": size[1],
        "gmmviz_bytes": ours_size, "pillow_bytes": pillow_size, "gifsicle_O3_bytes": gifsicle_size,
        "gmmviz_vs_pillow": ours_size / pillow_size, "gmmviz_vs_gifsicle_O3": ours_size / gifsicle_size,
        "gmmviz_psnr_db": quality, "pillow_psnr_db": pillow_quality, "encoder": figures,
    }
    checks = {
        "size <= 50% of Pillow": bool(result["gmmviz_vs_pillow"] <= 0.50),
        "size <= 102% of gifsicle -O3": bool(result["gmmviz_vs_gifsicle_O3"] <= 1.02),
        "PSNR >= 40 dB": bool(quality >= 40),
    }
    if args.json:
        result["checks"] = checks
        print(json.dumps(result, indent=2))
    else:
        print(f"frames              {len(paths)} of {size[0]}x{size[1]}, delay {args.delay}/100 s")
        print(f"Pillow GIF          {pillow_size:>12,} bytes   PSNR {pillow_quality:6.2f} dB")
        print(f"gmmviz GIF          {ours_size:>12,} bytes   PSNR {quality:6.2f} dB")
        print(f"gifsicle -O3 of it  {gifsicle_size:>12,} bytes")
        print(f"gmmviz / Pillow     {result['gmmviz_vs_pillow']:12.1%}")
        print(f"gmmviz / gifsicle   {result['gmmviz_vs_gifsicle_O3']:12.1%}")
        if figures:
            print(f"encoder per frame   {figures.get('frame_ms', float('nan')):.2f} ms "
                  f"(quantise {figures.get('quantize_ms', float('nan')):.2f}, "
                  f"encode {figures.get('encode_ms', float('nan')):.2f}); "
                  f"palette {figures.get('palette_ms', float('nan')):.0f} ms; "
                  f"peak RSS {figures.get('peak_rss_kib')} KiB")
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'}  {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
