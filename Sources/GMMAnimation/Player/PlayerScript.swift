/// The player page's one inline style sheet and one inline script. Both are fixed text: what
/// varies from file to file (frames, labels, responsibilities) is data in a JSON block, so the
/// Content-Security-Policy can allow exactly these two by their hashes and nothing else.
enum PlayerScript {
    static let style = """
    :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #5f6368; --line: #d0d4d9; --accent: #0b57d0; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #15171a; --muted: #a0a4aa; --line: #3c4043; --accent: #8ab4f8; } }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/20px system-ui, "DejaVu Sans", sans-serif; }
    main { padding: 16px; max-width: max-content; }
    h1 { font-size: 20px; line-height: 28px; margin: 0; font-weight: 600; }
    h2 { font-size: 15px; line-height: 20px; margin: 0 0 4px; font-weight: 600; }
    p { margin: 4px 0; }
    .muted { color: var(--muted); }
    .stage { position: relative; display: inline-block; line-height: 0; margin: 12px 0 8px; cursor: crosshair; border: 1px solid var(--line); }
    .stage canvas { display: block; position: absolute; top: 0; left: 0; visibility: hidden; }
    .stage canvas.live { visibility: visible; }
    #sources img { display: none; }
    #sources img:first-child { display: block; }
    #marker { position: absolute; width: 18px; height: 18px; margin: -9px 0 0 -9px; border: 2px solid var(--accent); border-radius: 50%; box-shadow: 0 0 0 2px var(--bg); pointer-events: none; }
    #marker[hidden] { display: none; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .controls button { font: inherit; min-width: 44px; height: 32px; padding: 0 10px; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: var(--fg); cursor: pointer; }
    .controls button:hover { border-color: var(--accent); }
    .controls button:focus-visible, .controls input:focus-visible, .controls select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
    #play { min-width: 72px; font-weight: 600; }
    #scrub { flex: 1 1 240px; min-width: 160px; }
    .controls label { display: inline-flex; align-items: center; gap: 4px; }
    .controls select { font: inherit; height: 32px; }
    #readout { font-variant-numeric: tabular-nums; margin-top: 10px; }
    #readout strong { font-weight: 600; }
    .panel { margin-top: 10px; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; max-width: 520px; }
    #resp { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    #resp td { padding: 2px 8px 2px 0; }
    #resp .value { text-align: right; min-width: 4em; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
    .bar { display: inline-block; height: 10px; border-radius: 2px; }
    kbd { font: 13px/16px ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
    """

    static let script = """
    (function () {
      "use strict";
      var $ = function (id) { return document.getElementById(id); };
      var data = JSON.parse($("gmmviz-data").textContent);
      var frames = data.frames, n = frames.length, K = data.colors.length;
      var sources = document.querySelectorAll("#sources img");
      var screen = $("screen"), pen = screen.getContext("2d", { alpha: false });
      var current = 0, drawn = -1, playing = false, timer = null, selected = -1;
      var tables = [], lastWhole = [];
      for (var w = 0, i0 = 0; i0 < n; i0++) { if (frames[i0].d === null) { w = i0; } lastWhole[i0] = w; }
      screen.style.width = data.width + "px";
      screen.style.height = data.height + "px";

      // A frame is a whole image, or patches over the frame before it: rectangles stacked top
      // to bottom in one image, each drawn 1:1 at its place, so the canvas holds exactly the
      // pixels of the PNG frame.
      function paint(i) {
        var f = frames[i];
        if (f.img < 0) { return; }
        var image = sources[f.img];
        if (f.d === null) { pen.drawImage(image, 0, 0); return; }
        for (var k = 0, y = 0; k < f.d.length; k++) {
          var r = f.d[k];
          pen.drawImage(image, 0, y, r[2], r[3], r[0], r[1], r[2], r[3]);
          y += r[3];
        }
      }

      function draw(i) {
        var start = drawn >= lastWhole[i] && drawn <= i ? drawn + 1 : lastWhole[i];
        for (var j = start; j <= i; j++) { paint(j); }
        drawn = i;
      }

      // Responsibilities come from gmmviz as little-endian 16-bit integers, value × 10000.
      function table(index) {
        if (tables[index]) { return tables[index]; }
        var bytes = atob(data.tables[index]), values = new Uint16Array(bytes.length / 2);
        for (var i = 0; i < values.length; i++) { values[i] = bytes.charCodeAt(2 * i) | (bytes.charCodeAt(2 * i + 1) << 8); }
        tables[index] = values;
        return values;
      }

      // Stepping visits real states of the fit, not tweens; without E/M it skips E-steps.
      function stop(i) {
        var f = frames[i];
        return f.key && !(f.e && !$("em").checked);
      }

      function show(i) {
        i = Math.max(0, Math.min(n - 1, i));
        draw(i);
        current = i;
        var f = frames[i];
        screen.setAttribute("aria-label", "Frame " + (i + 1) + ": " + f.label);
        $("scrub").value = String(i);
        $("step").textContent = f.label;
        $("ll").textContent = f.ll;
        $("frame-no").textContent = (i + 1) + " / " + n;
        showPoint();
      }

      function step(direction) {
        var i = current + direction;
        while (i >= 0 && i < n && !stop(i)) { i += direction; }
        if (i >= 0 && i < n) { show(i); }
      }

      function speed() { return Number($("speed").value) || 1; }

      function setPlaying(on) {
        playing = on;
        clearTimeout(timer);
        timer = null;
        $("play").textContent = on ? "Pause" : "Play";
        $("play").setAttribute("aria-pressed", on ? "true" : "false");
        document.body.setAttribute("data-playing", on ? "true" : "false");
        if (on) { schedule(); }
      }

      function schedule() {
        timer = setTimeout(tick, frames[current].delay * 10 / speed());
      }

      function tick() {
        if (!playing) { return; }
        var i = current + 1;
        while (i < n && frames[i].e && !$("em").checked) { i++; }
        if (i >= n) { setPlaying(false); return; }
        show(i);
        if (i === n - 1) { setPlaying(false); } else { schedule(); }
      }

      function togglePlay() {
        if (!playing && current === n - 1) { show(0); }
        setPlaying(!playing);
      }

      function showPoint() {
        var body = $("resp-body");
        if (selected < 0 || !data.points) { return; }
        var t = table(frames[current].r);
        while (body.firstChild) { body.removeChild(body.firstChild); }
        for (var k = 0; k < K; k++) {
          var value = t[selected * K + k] / 10000;
          var row = document.createElement("tr");
          var name = document.createElement("td");
          var swatch = document.createElement("span");
          swatch.className = "swatch";
          swatch.style.background = data.colors[k];
          name.appendChild(swatch);
          name.appendChild(document.createTextNode("component " + (k + 1)));
          var cell = document.createElement("td");
          cell.className = "value";
          cell.textContent = value.toFixed(3);
          var barCell = document.createElement("td");
          var bar = document.createElement("span");
          bar.className = "bar";
          bar.style.width = Math.round(value * 160) + "px";
          bar.style.background = data.colors[k];
          barCell.appendChild(bar);
          row.appendChild(name); row.appendChild(cell); row.appendChild(barCell);
          body.appendChild(row);
        }
        $("point-note").textContent = "Point " + (selected + 1) + " of " + data.count + ": " + data.axes[0] + " = " +
          data.coords[2 * selected] + ", " + data.axes[1] + " = " + data.coords[2 * selected + 1] +
          " — responsibilities at " + frames[current].label + ":";
        var marker = $("marker");
        marker.style.left = (data.points[2 * selected] / 10 * scaleX()) + "px";
        marker.style.top = (data.points[2 * selected + 1] / 10 * scaleY()) + "px";
        marker.hidden = false;
      }

      function scaleX() { return screen.getBoundingClientRect().width / data.width; }
      function scaleY() { return screen.getBoundingClientRect().height / data.height; }

      $("stage").addEventListener("click", function (event) {
        if (!data.points) { return; }
        var box = screen.getBoundingClientRect();
        var x = (event.clientX - box.left) / scaleX(), y = (event.clientY - box.top) / scaleY();
        var best = -1, bestDistance = data.pickRadius * data.pickRadius;
        for (var i = 0; i < data.count; i++) {
          var dx = data.points[2 * i] / 10 - x, dy = data.points[2 * i + 1] / 10 - y;
          var d = dx * dx + dy * dy;
          if (d <= bestDistance) { best = i; bestDistance = d; }
        }
        if (best < 0) { return; }
        selected = best;
        showPoint();
      });

      function buttonAction(id, action) {
        $(id).addEventListener("click", function (event) {
          action();
          // Give the keys back to the page, so Space does not also press this button again.
          event.currentTarget.blur();
        });
      }
      buttonAction("first", function () { setPlaying(false); show(0); });
      buttonAction("prev", function () { setPlaying(false); step(-1); });
      buttonAction("play", togglePlay);
      buttonAction("next", function () { setPlaying(false); step(1); });
      buttonAction("last", function () { setPlaying(false); show(n - 1); });
      $("scrub").addEventListener("input", function () { setPlaying(false); show(Number($("scrub").value)); });
      $("em").addEventListener("change", function (event) {
        if (!stop(current)) { step(-1); }
        event.currentTarget.blur();
      });

      document.addEventListener("keydown", function (event) {
        var target = event.target || {};
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        // The scrub bar and the speed menu move with the arrows themselves.
        var ownArrows = target.tagName === "SELECT" || (target.tagName === "INPUT" && target.type === "range");
        if (ownArrows && event.key !== " " && event.key !== "PageUp" && event.key !== "PageDown") { return; }
        switch (event.key) {
          case "ArrowRight": case "PageDown": setPlaying(false); step(1); break;
          case "ArrowLeft": case "PageUp": setPlaying(false); step(-1); break;
          case " ": case "Spacebar": togglePlay(); break;
          case "Home": setPlaying(false); show(0); break;
          case "End": setPlaying(false); show(n - 1); break;
          default: return;
        }
        event.preventDefault();
      });

      if (data.em) { $("em-toggle").hidden = false; }
      $("scrub").max = String(n - 1);
      // Frames are drawn only once every embedded image is decoded.
      // Until then the canvas, opaque black once it has a context, stays hidden over the first
      // image, which the style sheet shows in its place.
      Promise.all(Array.prototype.map.call(sources, function (image) { return image.decode(); })).then(function () {
        show(0);
        screen.classList.add("live");
        setPlaying(false);
        document.body.setAttribute("data-ready", "true");
      }, function (error) {
        $("point-note").textContent = "The frames could not be decoded: " + error;
      });
    })();
    """
}
