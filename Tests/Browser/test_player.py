#!/usr/bin/env python3
"""The HTML player in a real browser: Debian's chromium, driven headless by Playwright.

Usage: test_player.py [--gmmviz PATH] [--screenshot PNG]

Renders the demo as a player (and its PNG frames and history), then loads the page from a
file:// URL with the network blocked and checks, one by one: no console error; → steps to
iteration 1, the readout says so and the displayed frame equals frame_0001.png pixel for pixel
at device scale 1; the clicker's keys; play and pause; in an E/M player every frame's readout is
the label that frame was drawn with (the PDF deck's page label and the header text on that page)
and the title shows once; a `chromium --headless --screenshot` taken at load shows the first
frame, pixel for pixel, before any script has painted; a clicked data point shows the
responsibilities the history gives (recomputed here with numpy); and a page made from a CSV
whose header is HTML and a title containing </script> runs no injected script and shows that
text literally. No check may cause a network request. Prints "browser: N passed, M failed"
and exits non-zero on any failure.
"""
import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback

import numpy as np
from PIL import Image
from playwright.sync_api import sync_playwright

from offline import OfflinePage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def gmmviz(binary, *args, cwd):
    r = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"gmmviz {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
    return r


def page_labels(pdf):
    """The page labels of a PDF from its /PageLabels number tree, in page order. A prefix /P is
    a literal or UTF-16BE hex string; a label ending in a number is written, as Cairo does, as
    the prefix and a decimal page number /S /D /St n."""
    text = pdf.decode("latin-1")
    body = text[text.index("/Nums [") + 7:]
    body = body[:body.index("]")]
    labels = {}
    for page, entry in re.findall(r"(\d+)\s*<<((?:[^<>]|<[0-9A-Fa-f]*>)*)>>", body):
        label = ""
        prefix = re.search(r"/P\s*(?:<([0-9A-Fa-f]*)>|\(([^)]*)\))", entry)
        if prefix:
            label = bytes.fromhex(prefix.group(1)).decode("utf-16") if prefix.group(1) is not None else prefix.group(2)
        start = re.search(r"/S\s*/D(?:\s*/St\s*(\d+))?", entry)
        if start:
            label += start.group(1) or "1"
        labels[int(page)] = label
    return [labels[i] for i in sorted(labels)]


def page_text(pdf_path, page):
    """The text drawn on one page of a PDF, as pdftotext reads it."""
    r = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf_path, "-"],
                       capture_output=True, text=True, check=True)
    return r.stdout


def responsibilities(snapshot, x):
    """N × K responsibilities of the rows of x under one history snapshot, in log space."""
    logs = []
    for w, mu, cov in zip(snapshot["weights"], snapshot["means"], snapshot["covariances"]):
        mu, cov = np.asarray(mu), np.asarray(cov)
        chol = np.linalg.cholesky(cov)
        z = np.linalg.solve(chol, (x - mu).T)
        logdet = 2 * np.log(np.diag(chol)).sum()
        logs.append(np.log(w) - 0.5 * ((z ** 2).sum(axis=0) + logdet + len(mu) * np.log(2 * np.pi)))
    logs = np.stack(logs, axis=1)
    logs -= logs.max(axis=1, keepdims=True)
    p = np.exp(logs)
    return p / p.sum(axis=1, keepdims=True)


class Page:
    """One loaded player page with its console messages and every network request it made."""

    def __init__(self, browser, path, requests):
        self.url = "file://" + os.path.abspath(path)
        # Nothing may leave the page: any request but the page's own file (and its data: images)
        # is logged and aborted.
        opened = OfflinePage(browser, self.url, lambda u: u == self.url or u.startswith("data:"), requests, (1100, 1000))
        self.context, self.page, self.messages = opened.context, opened.page, opened.messages
        self.page.wait_for_selector("body[data-ready=true]")

    def text(self, selector):
        return self.page.locator(selector).inner_text()

    def frame_pixels(self):
        png = self.page.locator("#screen").screenshot()
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    def frame_number(self):
        return int(self.text("#frame-no").split("/")[0])

    def errors(self):
        return [m for m in self.messages if m[0] in ("error", "pageerror")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gmmviz", default=os.path.join(ROOT, ".build/debug/gmmviz"))
    parser.add_argument("--screenshot", help="also save a screenshot of the player here")
    args = parser.parse_args()
    binary = os.path.abspath(args.gmmviz)

    work = tempfile.mkdtemp(prefix="gmmviz-browser-")
    gmmviz(binary, "render", "--out", "lecture.html", "--frames-dir", "frames", "--history", "history.json", "-q", cwd=work)
    gmmviz(binary, "generate", "--out", "demo.csv", cwd=work)
    gmmviz(binary, "render", "--steps", "em", "--max-iter", "6", "--out", "em.html", "--frames-dir", "em-frames", "-q", cwd=work)
    gmmviz(binary, "render", "--steps", "em", "--max-iter", "6", "--out", "em.pdf", "-q", cwd=work)
    history = json.load(open(os.path.join(work, "history.json")))
    data = np.loadtxt(os.path.join(work, "demo.csv"), delimiter=",", skiprows=1)
    title = 'Lecture </script><script>window.__pwned = "title"</script> & <b>bold</b>'
    header = '<img src=x onerror=window.__pwned=1>'
    with open(os.path.join(work, "hostile.csv"), "w") as f:
        f.write(header + ",y\n")
        for row in data[:60]:
            f.write(f"{row[0]},{row[1]}\n")
    gmmviz(binary, "render", "--data", "hostile.csv", "-k", "2", "--max-iter", "5", "--bounds", "auto",
           "--size", "640x400", "--title", title, "--out", "hostile.html", "-q", cwd=work)

    results = []
    requests = []

    def check(name, body):
        try:
            body()
            results.append((name, None))
            print(f"  ok    {name}")
        except Exception as e:  # a failed check is reported and the others still run
            results.append((name, e))
            print(f"  FAIL  {name}: {e}")
            traceback.print_exc(limit=2, file=sys.stdout)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        player = Page(browser, os.path.join(work, "lecture.html"), requests)
        page = player.page
        n = history["iterations"]

        def loads_cleanly():
            assert not player.errors(), f"console errors: {player.errors()}"
            assert player.text("#step") == f"iteration 0 of {n} · initial model", player.text("#step")
            frames = page.evaluate("JSON.parse(document.getElementById('gmmviz-data').textContent).frames.length")
            assert frames == len(os.listdir(os.path.join(work, "frames"))), f"{frames} frames embedded"

        def arrow_steps_to_frame_1():
            page.keyboard.press("ArrowRight")
            assert player.text("#step") == f"iteration 1 of {n}", player.text("#step")
            expected_ll = ("%.5f" % history["snapshots"][1]["log_likelihood"]).replace("-", "\u2212")
            assert player.text("#ll") == expected_ll, (player.text("#ll"), expected_ll)
            shown = player.frame_pixels()
            reference = np.asarray(Image.open(os.path.join(work, "frames/frame_0001.png")).convert("RGB"))
            assert shown.shape == reference.shape, (shown.shape, reference.shape)
            differing = int((shown != reference).any(axis=2).sum())
            assert differing == 0, f"{differing} pixels differ from frame_0001.png"

        def every_frame_matches_backwards():
            # From the end back to the start: each frame is rebuilt from the last whole frame
            # before it and the patches after that, and must still be exactly its PNG.
            page.keyboard.press("End")
            for i in range(n, -1, -1):
                assert player.frame_number() == i + 1, player.text("#frame-no")
                reference = np.asarray(Image.open(os.path.join(work, f"frames/frame_{i:04d}.png")).convert("RGB"))
                differing = int((player.frame_pixels() != reference).any(axis=2).sum())
                assert differing == 0, f"frame {i}: {differing} pixels differ from its PNG"
                page.keyboard.press("ArrowLeft")

        def em_player_frames_and_toggle():
            em = Page(browser, os.path.join(work, "em.html"), requests)
            count = len(os.listdir(os.path.join(work, "em-frames")))
            em.page.keyboard.press("End")
            for i in range(count - 1, -1, -1):
                reference = np.asarray(Image.open(os.path.join(work, f"em-frames/frame_{i:04d}.png")).convert("RGB"))
                differing = int((em.frame_pixels() != reference).any(axis=2).sum())
                assert differing == 0, f"E/M frame {i}: {differing} pixels differ from its PNG"
                em.page.keyboard.press("ArrowLeft")
            # With the E/M toggle off, → moves by whole iterations: M-step to M-step.
            assert em.page.locator("#em-toggle").is_visible()
            em.page.keyboard.press("Home")
            em.page.keyboard.press("ArrowRight")
            assert em.text("#step").startswith("iteration 1 of ") and em.text("#step").endswith(" · E-step"), em.text("#step")
            em.page.click("#em")                       # off: back from E-step 1 to the initial model
            assert em.frame_number() == 1, em.text("#readout")
            em.page.keyboard.press("ArrowRight")
            assert em.text("#step").startswith("iteration 1 of ") and em.text("#step").endswith(" · M-step"), em.text("#readout")
            em.page.keyboard.press("ArrowRight")
            assert em.text("#step").startswith("iteration 2 of ") and em.text("#step").endswith(" · M-step"), em.text("#readout")
            assert not em.errors(), f"console errors: {em.errors()}"
            em.context.close()

        def em_readout_is_the_frames_label():
            # The deck of the same run labels each page with what its header draws; the player's
            # readout for each frame must say exactly that.
            deck = os.path.join(work, "em.pdf")
            labels = page_labels(open(deck, "rb").read())
            em = Page(browser, os.path.join(work, "em.html"), requests)
            count = len(os.listdir(os.path.join(work, "em-frames")))
            assert len(labels) == count, (len(labels), count)
            steps = set()
            em.page.keyboard.press("Home")
            for i in range(count):
                assert em.frame_number() == i + 1, em.text("#frame-no")
                readout = em.text("#step")
                assert readout == labels[i], f"frame {i}: the readout says {readout!r}, the deck's page {labels[i]!r}"
                drawn = " ".join(page_text(deck, i + 1).split())
                assert readout in drawn, f"frame {i}: {readout!r} is not the header drawn: {drawn[:160]!r}"
                steps.add(readout.rsplit(" · ", 1)[-1])
                em.page.keyboard.press("ArrowRight")
            assert {"E-step", "M-step", "initial model"} <= steps, steps
            # The title shows once: drawn in the frames, not repeated above them.
            title = "GMM visualization"
            assert title in " ".join(page_text(deck, 1).split())
            assert title not in em.page.locator("body").inner_text(), "the page repeats the frames' title"
            assert em.page.locator("h1").count() == 0
            assert em.page.title() == title, em.page.title()
            assert not em.errors(), f"console errors: {em.errors()}"
            em.context.close()

        def clicker_keys():
            page.keyboard.press("End")
            assert player.frame_number() == n + 1, player.text("#frame-no")
            page.keyboard.press("PageUp")
            assert player.frame_number() == n, player.text("#frame-no")
            page.keyboard.press("Home")
            assert player.frame_number() == 1, player.text("#frame-no")
            page.keyboard.press("PageDown")
            assert player.frame_number() == 2 and player.text("#step") == f"iteration 1 of {n}"

        def plays_and_pauses():
            page.keyboard.press("Home")
            page.select_option("#speed", "4")
            page.keyboard.press("Space")
            assert page.get_attribute("body", "data-playing") == "true"
            # Polled from here: the page's policy forbids the eval behind wait_for_function.
            deadline = time.time() + 10
            while player.frame_number() < 4 and time.time() < deadline:
                time.sleep(0.05)
            assert player.frame_number() >= 4, "the player did not advance while playing"
            page.click("#play")
            assert page.get_attribute("body", "data-playing") == "false"
            stopped = player.frame_number()
            time.sleep(1.0)
            assert player.frame_number() == stopped, "the player moved while paused"
            assert 4 <= stopped <= n + 1
            page.select_option("#speed", "1")

        def click_shows_history_responsibilities():
            page.keyboard.press("Home")
            page.keyboard.press("ArrowRight")          # iteration 1: responsibilities still mixed
            info = page.evaluate("JSON.parse(document.getElementById('gmmviz-data').textContent)")
            px = np.asarray(info["points"], dtype=float).reshape(-1, 2) / 10
            inside = px[:, 0] > 0
            # The most isolated drawn point, so the click cannot pick a neighbour.
            d = np.sqrt(((px[:, None, :] - px[None, :, :]) ** 2).sum(axis=2)) + np.eye(len(px)) * 1e9
            d[:, ~inside] = 1e9
            isolation = np.where(inside, d.min(axis=1), -1)
            # Of the points at least 6 px from any other, the one whose responsibilities are
            # most evenly split at iteration 1, so the values checked are not all 0 and 1.
            mixed = responsibilities(history["snapshots"][1], data).max(axis=1)
            candidates = np.flatnonzero(isolation >= 6)
            target = int(candidates[np.argmin(mixed[candidates])]) if len(candidates) else int(np.argmax(isolation))
            box = page.locator("#screen").bounding_box()
            page.mouse.click(box["x"] + px[target, 0], box["y"] + px[target, 1])
            note = player.text("#point-note")
            assert note.startswith(f"Point {target + 1} of {len(px)}"), note
            shown = [float(t) for t in page.locator("#resp-body td.value").all_inner_texts()]
            expected = responsibilities(history["snapshots"][1], data[target:target + 1])[0]
            assert len(shown) == len(expected), (shown, expected)
            assert np.allclose(shown, expected, atol=6e-4), (shown, expected.tolist())
            # Stepping on updates the panel to the next frame's responsibilities.
            page.keyboard.press("ArrowRight")
            shown2 = [float(t) for t in page.locator("#resp-body td.value").all_inner_texts()]
            expected2 = responsibilities(history["snapshots"][2], data[target:target + 1])[0]
            assert np.allclose(shown2, expected2, atol=6e-4), (shown2, expected2.tolist())
            if args.screenshot:
                page.keyboard.press("ArrowLeft")
                page.screenshot(path=args.screenshot, full_page=True)

        def user_text_stays_text():
            hostile = Page(browser, os.path.join(work, "hostile.html"), requests)
            hp = hostile.page
            assert hp.evaluate("window.__pwned === undefined"), "an injected script ran"
            # The frames draw the title, so the page shows it only as the window's title.
            assert hp.locator("#title").count() == 0, "the title is shown twice"
            assert hp.title() == title, hp.title()
            assert header in hostile.text("#source"), hostile.text("#source")
            assert hp.locator("img").count() == hp.locator("#sources > img").count(), "the header became an element"
            assert hp.locator("b").count() == 0, "the title became markup"
            assert not hostile.errors(), f"console errors: {hostile.errors()}"
            hostile.context.close()

        def headless_screenshot_shows_the_first_frame():
            # chromium --headless --screenshot fires at the load event, before a page that paints
            # only from its script has painted: the first frame must already be there.
            shot = os.path.join(work, "at-load.png")
            subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--window-size=1100,1000", f"--screenshot={shot}", player.url],
                           capture_output=True, timeout=120, check=True)
            box = page.locator("#screen").bounding_box()
            reference = np.asarray(Image.open(os.path.join(work, "frames/frame_0000.png")).convert("RGB")).astype(int)
            h, w = reference.shape[:2]
            x, y = round(box["x"]), round(box["y"])
            shown = np.asarray(Image.open(shot).convert("RGB")).astype(int)[y:y + h, x:x + w]
            assert shown.shape == reference.shape, f"the screenshot holds {shown.shape} at ({x}, {y}), not the frame's {reference.shape}"
            worst = np.abs(shown - reference).max()
            assert worst <= 2, f"at load the stage differs from frame_0000.png by up to {worst} levels"

        def no_network_request():
            assert requests == [], f"requests: {requests}"

        for name, body in [("loads with no console error", loads_cleanly),
                           ("→ steps to iteration 1, the frame equals frame_0001.png", arrow_steps_to_frame_1),
                           ("Home, End, Page Up, Page Down", clicker_keys),
                           ("stepping back from the end, every frame equals its PNG", every_frame_matches_backwards),
                           ("an E/M player: every frame equals its PNG; the E/M toggle", em_player_frames_and_toggle),
                           ("an E/M player's readout is each frame's label; the title shows once", em_readout_is_the_frames_label),
                           ("plays and pauses", plays_and_pauses),
                           ("a clicked point shows the history's responsibilities", click_shows_history_responsibilities),
                           ("HTML in a CSV header and </script> in a title stay text", user_text_stays_text),
                           ("a headless screenshot taken at load shows the first frame", headless_screenshot_shows_the_first_frame),
                           ("no console error after all checks", lambda: loads_cleanly_after(player)),
                           ("no network request", no_network_request)]:
            check(name, body)
        browser.close()

    failed = sum(1 for _, e in results if e is not None)
    print(f"browser: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def loads_cleanly_after(player):
    assert not player.errors(), f"console errors: {player.errors()}"


if __name__ == "__main__":
    sys.exit(main())
