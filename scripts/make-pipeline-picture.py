#!/usr/bin/env python3
"""Draws the pipeline picture of the DocC landing pages: the data's path through the modules,
data → fit → history → scene → frame → palette → GIF and the other outputs, each stage in its
module's colour. Writes docs/pipeline.png and copies it into every module's DocC catalog.

    python3 scripts/make-pipeline-picture.py      (needs Pillow and fonts-dejavu-core)
"""
import os
import shutil

from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
# Okabe–Ito colours, one per module.
MODULES = {"GMM": "#0072B2", "GMMRender": "#009E73", "GMMGIF": "#D55E00", "GMMAnimation": "#CC79A7"}
STAGES = [("data", "Dataset", "GMM"), ("fit", "GaussianMixture", "GMM"), ("history", "FitHistory", "GMM"),
          ("scene", "SceneBuilder", "GMMRender"), ("frame", "FrameRenderer", "GMMRender"),
          ("timeline", "Animation", "GMMAnimation"), ("palette", "GIFWriter", "GMMGIF")]
OUTPUTS = ["GIF", "PNG/SVG/PDF frames", "PDF deck", "HTML player", "MP4/WebM"]

scale = 2
W, H = 1400 * scale, 270 * scale
image = Image.new("RGB", (W, H), "white")
draw = ImageDraw.Draw(image)
big, small, tiny = (ImageFont.truetype(BOLD, 22 * scale), ImageFont.truetype(FONT, 16 * scale),
                    ImageFont.truetype(FONT, 15 * scale))
box_w, box_h, gap, y = 168 * scale, 86 * scale, 26 * scale, 40 * scale
x = 20 * scale
centres = []
for name, swift, module in STAGES:
    colour = MODULES[module]
    draw.rounded_rectangle([x, y, x + box_w, y + box_h], radius=12 * scale, outline=colour, width=3 * scale,
                           fill="#ffffff")
    draw.text((x + box_w / 2, y + 28 * scale), name, font=big, fill="#1d1d1f", anchor="mm")
    draw.text((x + box_w / 2, y + 60 * scale), swift, font=small, fill=colour, anchor="mm")
    centres.append((x, x + box_w))
    x += box_w + gap
for (a0, a1), (b0, _) in zip(centres, centres[1:]):
    mid = y + box_h / 2
    draw.line([a1 + 3 * scale, mid, b0 - 6 * scale, mid], fill="#5f6368", width=3 * scale)
    draw.polygon([(b0 - 2 * scale, mid), (b0 - 12 * scale, mid - 6 * scale), (b0 - 12 * scale, mid + 6 * scale)],
                 fill="#5f6368")
# The outputs, fed by the animation.
ox = centres[5][0] + box_w / 2
oy = y + box_h + 50 * scale
draw.line([ox, y + box_h + 3 * scale, ox, oy - 16 * scale], fill="#5f6368", width=3 * scale)
label = "every output: " + " · ".join(OUTPUTS)
draw.text((W - 20 * scale, oy), label, font=small, fill=MODULES["GMMAnimation"], anchor="rm")
# The key: which module holds which stage.
kx, ky = 20 * scale, H - 45 * scale
for module, colour in MODULES.items():
    draw.rounded_rectangle([kx, ky, kx + 22 * scale, ky + 22 * scale], radius=5 * scale, outline=colour,
                           width=3 * scale)
    draw.text((kx + 30 * scale, ky + 11 * scale), module, font=tiny, fill="#1d1d1f", anchor="lm")
    kx += 200 * scale
draw.text((kx + 20 * scale, ky + 11 * scale), "pure Swift: GMM · C at the edge: GMMRender (Cairo), GMMGIF (giflib)",
          font=tiny, fill="#5f6368", anchor="lm")
image = image.resize((W // scale, H // scale), Image.LANCZOS)
out = os.path.join(ROOT, "docs", "pipeline.png")
image.save(out, optimize=True)
for module in ["GMM", "GMMRender", "GMMGIF", "GMMAnimation", "GMMFiles", "GMMImage", "GMMColor"]:
    resources = os.path.join(ROOT, "Sources", module, f"{module}.docc", "Resources")
    os.makedirs(resources, exist_ok=True)
    shutil.copyfile(out, os.path.join(resources, "pipeline.png"))
print(out)
