#!/usr/bin/env python3
"""gmmviz's WebM and MP4 in a real browser's <video> element: Debian's chromium, headless, by Playwright.

Usage: test_video.py [--gmmviz PATH] [--screenshot PNG] [--rendered DIR]

Renders the demo three times: with --frames-dir and --out demo.webm, with --frames-dir and
--out demo.mp4, and as demo.gif, whose delays are the timeline (read back with Pillow). For each
video it writes a small page holding `<video muted playsinline>` with the file as its source,
loads the page from a file:// URL with the network blocked, and checks, one by one:
  - the video loads (loadedmetadata), is the frames' size or at most 1 px larger in each
    direction (padding to even dimensions), and its duration is the sum of the delays within
    10 ms, one tick of the clock the delays are counted in and so less than any frame's delay;
  - seeked to the middle of the first, a middle and the last frame's interval (so no check sits
    on a frame boundary), the video drawn onto a canvas and read back with getImageData matches
    the render's PNG frame at PSNR >= 34 dB, over the PNG's pixels (padding cropped), and is
    closer to it than to the PNGs of the frames before and after;
  - no console error and no network request.
WebM is always checked. MP4 is checked when the browser says it plays H.264 High
(canPlayType('video/mp4; codecs="avc1.640028"')), and reported as skipped with the reason
otherwise. Prints "video: N passed, M failed" (and a "video: K skipped" line when some were)
and exits non-zero on any failure.

With --rendered DIR no gmmviz is run: DIR must hold frames/, demo.gif and demo.webm (and
optionally demo.mp4) made elsewhere, which are checked the same way against frames/.

The browser gets --allow-file-access-from-files: a video from a file:// URL is otherwise
cross-origin to its own file:// page, and a canvas it is drawn on cannot be read back.
"""
import argparse
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

import numpy as np
from PIL import Image, ImageSequence
from playwright.sync_api import sync_playwright

from offline import OfflinePage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MIN_PSNR_DB = 34.0
DURATION_TOLERANCE_S = 0.010
H264_HIGH = 'video/mp4; codecs="avc1.640028"'
VP9 = 'video/webm; codecs="vp9"'

# Seeks the page's video to `t` seconds, waits for the seek to finish, draws the frame onto a
# canvas of the video's size and returns its RGBA bytes, base64-encoded (a JSON array of two
# million numbers would be slow to hand over).
SEEK_AND_READ = """async (t) => {
  const v = document.getElementById('video');
  await new Promise((ok, bad) => {
    v.onseeked = () => ok();
    v.onerror = () => bad(new Error('video error ' + (v.error && v.error.code)));
    v.currentTime = t;
  });
  const c = document.createElement('canvas');
  c.width = v.videoWidth;
  c.height = v.videoHeight;
  const g = c.getContext('2d', { willReadFrequently: true });
  g.drawImage(v, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  let s = '';
  for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
  return { width: c.width, height: c.height, currentTime: v.currentTime, rgba: btoa(s) };
}"""

# Resolves with the video's metadata once loadedmetadata has fired, or rejects on a media error.
METADATA = """() => new Promise((ok, bad) => {
  const v = document.getElementById('video');
  const done = () => ok({ duration: v.duration, width: v.videoWidth, height: v.videoHeight });
  if (v.error) bad(new Error('video error ' + v.error.code));
  else if (v.readyState >= 1) done();
  else {
    v.addEventListener('loadedmetadata', done, { once: true });
    v.addEventListener('error', () => bad(new Error('video error ' + (v.error && v.error.code))), { once: true });
  }
})"""


def gmmviz(binary, *args, cwd):
    r = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"gmmviz {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
    return r


def png_frames(directory):
    names = sorted(n for n in os.listdir(directory) if n.endswith(".png"))
    if not names:
        raise RuntimeError(f"no PNG frames in {directory}")
    return [np.asarray(Image.open(os.path.join(directory, n)).convert("RGB")) for n in names]


def psnr(a, b):
    mse = float(((a.astype(np.float64) - b.astype(np.float64)) ** 2).mean())
    return float("inf") if mse == 0 else 10 * np.log10(255 ** 2 / mse)


def timeline(gif_path, frames):
    """The GIF's frames as (start s, delay s, index of the first PNG it stands for).

    The GIF encoder merges a frame identical to the one before it into that frame's delay, so
    the GIF may have fewer frames than the PNGs: each PNG is lined up with the current GIF frame
    or the next one, whichever is closer (frames only move forward).
    """
    with Image.open(gif_path) as im:
        decoded = [(np.asarray(f.convert("RGB")), f.info["duration"] / 1000) for f in ImageSequence.Iterator(im)]
    first_png = [0] * len(decoded)
    if len(decoded) != len(frames):
        j = 0
        for i, png in enumerate(frames):
            if j + 1 < len(decoded) and psnr(png, decoded[j + 1][0]) > psnr(png, decoded[j][0]):
                j += 1
                first_png[j] = i
        if j != len(decoded) - 1:
            raise RuntimeError(f"{gif_path} has {len(decoded)} frames; only {j + 1} line up with the PNGs")
    else:
        first_png = list(range(len(frames)))
    out, start = [], 0.0
    for (_, delay), png in zip(decoded, first_png):
        out.append((start, delay, png))
        start += delay
    return out


class VideoPage:
    """A page holding one <video> of a local file, with its console messages and requests."""

    def __init__(self, browser, video_path, requests):
        directory = os.path.dirname(os.path.abspath(video_path))
        name = os.path.basename(video_path)
        page_path = os.path.join(directory, f"{name}.html")
        with open(page_path, "w") as f:
            f.write("<!doctype html>\n<meta charset=utf-8>\n<title>video</title>\n"
                    "<style>body { margin: 0; background: #888; } video { display: block; }</style>\n"
                    f'<video id="video" muted playsinline preload="auto" src="{name}"></video>\n')
        self.url = "file://" + page_path
        self.video_url = "file://" + os.path.join(directory, name)
        # Nothing may leave the page: any request but the page and its video is logged and aborted.
        allowed = {self.url, self.video_url}
        opened = OfflinePage(browser, self.url, lambda u: u in allowed, requests, (1100, 700))
        self.context, self.page, self.messages = opened.context, opened.page, opened.messages

    def can_play(self, mime):
        return self.page.evaluate("(t) => document.createElement('video').canPlayType(t)", mime)

    def metadata(self):
        return self.page.evaluate(METADATA)

    def frame_at(self, t):
        r = self.page.evaluate(SEEK_AND_READ, t)
        rgba = np.frombuffer(base64.b64decode(r["rgba"]), dtype=np.uint8).reshape(r["height"], r["width"], 4)
        return rgba[:, :, :3], r["currentTime"]

    def errors(self):
        return [m for m in self.messages if m[0] in ("error", "pageerror")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gmmviz", default=os.path.join(ROOT, ".build/debug/gmmviz"))
    parser.add_argument("--screenshot", help="also save a screenshot of the WebM page, seeked to a middle frame, here")
    parser.add_argument("--rendered", help="check frames/, demo.gif, demo.webm and demo.mp4 in this directory "
                                           "instead of rendering them")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="gmmviz-video-")
    if args.rendered:
        for name in os.listdir(args.rendered):
            source = os.path.join(args.rendered, name)
            (shutil.copytree if os.path.isdir(source) else shutil.copyfile)(source, os.path.join(work, name))
        frame_dirs = {"webm": "frames", "mp4": "frames"}
    else:
        binary = os.path.abspath(args.gmmviz)
        gmmviz(binary, "render", "--frames-dir", "frames", "--out", "demo.webm", "-q", cwd=work)
        gmmviz(binary, "render", "--frames-dir", "frames-mp4", "--out", "demo.mp4", "-q", cwd=work)
        gmmviz(binary, "render", "--out", "demo.gif", "-q", cwd=work)
        frame_dirs = {"webm": "frames", "mp4": "frames-mp4"}

    results, skipped, requests = [], [], []

    def check(name, body):
        try:
            body()
            results.append((name, None))
            print(f"  ok    {name}")
        except Exception as e:  # a failed check is reported and the others still run
            results.append((name, e))
            print(f"  FAIL  {name}: {e}")
            traceback.print_exc(limit=2, file=sys.stdout)

    def skip(name, reason):
        skipped.append((name, reason))
        print(f"  skip  {name}: {reason}")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--allow-file-access-from-files"])

        def video_checks(kind, label, mime):
            path = os.path.join(work, f"demo.{kind}")
            if not os.path.exists(path):
                if kind == "webm":
                    check(f"{label}: the file exists", lambda: _exists(path))
                else:
                    skip(f"{label}: every check", f"{os.path.basename(path)} was not given")
                return
            frames = png_frames(os.path.join(work, frame_dirs[kind]))
            steps = timeline(os.path.join(work, "demo.gif"), frames)
            total = sum(delay for _, delay, _ in steps)
            height, width, _ = frames[0].shape
            vp = VideoPage(browser, path, requests)
            verdict = vp.can_play(mime)
            if verdict == "":
                skip(f"{label}: every check", f"this chromium's canPlayType('{mime}') is empty")
                vp.context.close()
                return

            def loads_with_the_timelines_duration():
                m = vp.metadata()
                assert m["width"] in (width, width + 1) and m["height"] in (height, height + 1), \
                    f"video is {m['width']}x{m['height']}, the frames {width}x{height}"
                assert abs(m["duration"] - total) <= DURATION_TOLERANCE_S, \
                    f"duration {m['duration']:.3f} s, the delays sum to {total:.3f} s"

            def frame_matches(index):
                def body():
                    start, delay, png = steps[index]
                    shown, at = vp.frame_at(start + delay / 2)
                    assert shown.shape[0] - height in (0, 1) and shown.shape[1] - width in (0, 1), \
                        f"canvas {shown.shape[1]}x{shown.shape[0]}, the frames {width}x{height}"
                    shown = shown[:height, :width]
                    db = psnr(shown, frames[png])
                    assert db >= MIN_PSNR_DB, f"PSNR {db:.2f} dB at {at:.3f} s against frame_{png:04d}.png"
                    # Neighbouring frames can be within a few dB of each other, so the drawn frame
                    # must also be closer to its own PNG than to the frames shown before and after.
                    for other in (index - 1, index + 1):
                        if 0 <= other < len(steps):
                            them = steps[other][2]
                            their_db = psnr(shown, frames[them])
                            assert their_db < db, (f"at {at:.3f} s the canvas is closer to frame_{them:04d}.png "
                                                   f"({their_db:.2f} dB) than to frame_{png:04d}.png ({db:.2f} dB)")
                    print(f"        frame_{png:04d}.png at {at:.3f} s: PSNR {db:.2f} dB")
                return body

            check(f"{label}: loads; {width}x{height} (+ padding); duration {total:.2f} s within 10 ms",
                  loads_with_the_timelines_duration)
            for index in (0, len(steps) // 2, len(steps) - 1):
                start, delay, png = steps[index]
                check(f"{label}: at {start + delay / 2:.3f} s the canvas matches frame_{png:04d}.png, "
                      f"PSNR >= {MIN_PSNR_DB:.0f} dB and nearest of its neighbours", frame_matches(index))
            if kind == "webm" and args.screenshot:
                start, delay, _ = steps[len(steps) // 2]
                vp.frame_at(start + delay / 2)
                vp.page.screenshot(path=args.screenshot, full_page=True)
            check(f"{label}: no console error", lambda: _no_errors(vp))
            vp.context.close()

        video_checks("webm", "WebM (VP9)", VP9)
        video_checks("mp4", "MP4 (H.264 High)", H264_HIGH)
        check("no network request", lambda: _no_requests(requests))
        browser.close()

    failed = sum(1 for _, e in results if e is not None)
    print(f"video: {len(results) - failed} passed, {failed} failed")
    if skipped:
        print(f"video: {len(skipped)} skipped ({'; '.join(f'{n}: {r}' for n, r in skipped)})")
    if failed == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"video: files kept in {work}")
    return 1 if failed else 0


def _exists(path):
    assert os.path.exists(path), f"{path} was not made"


def _no_errors(vp):
    assert not vp.errors(), f"console errors: {vp.errors()}"


def _no_requests(requests):
    assert requests == [], f"requests: {requests}"


if __name__ == "__main__":
    sys.exit(main())
