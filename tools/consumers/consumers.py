#!/usr/bin/env python3
"""Check Accord's exports with the programs that consume them (not with our own parsers).

Run by tools/consumers/check.sh inside its virtual environment (networkx, Pillow). Subcommands:

  timeline  TimelineJS3 (from npm) renders the exported JSON in headless Chromium
  svg       headless Chromium opens an SVG figure as a page
  gexf      networkx reads the GEXF (and the GraphML, by another route) and counts

Each prints one line per check, "PASS ..." or "FAIL ...", and exits 0 only if all passed.
The expected counts come from what `accord export` printed ("Contains: 12 parties, 9 ties,
7 events."), never from the file under test.
"""

import argparse
import functools
import html
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM_TIMEOUT_S = 240


class Checks:
    """Collects PASS/FAIL lines for one subject (a file)."""

    def __init__(self, subject):
        self.subject = subject
        self.failures = 0

    def ok(self, what):
        print(f"PASS {self.subject}: {what}", flush=True)

    def fail(self, what, detail=None):
        self.failures += 1
        print(f"FAIL {self.subject}: {what}", flush=True)
        if detail:
            for line in str(detail).rstrip().splitlines()[:40]:
                print(f"     | {line}", flush=True)

    def check(self, cond, what, detail=None):
        if cond:
            self.ok(what)
        else:
            self.fail(what, detail)
        return cond

    def exit_code(self):
        return 1 if self.failures else 0


# ---------------------------------------------------------------- the expected counts


def read_summary(path):
    """The 'Contains: …' line `accord export` printed for this file."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if line.startswith("Contains:"):
            return line
    raise SystemExit(f"FAIL no 'Contains:' line in accord's output {path}:\n{text}")


def count_in(summary, noun):
    m = re.search(r"(\d+) " + noun + r"\b", summary.split("Left out:")[0])
    if not m:
        raise SystemExit(f"FAIL accord's summary does not say how many {noun}: {summary!r}")
    return int(m.group(1))


# ---------------------------------------------------------------- headless Chromium


def chromium_command(chromium, profile, extra, url, budget_ms):
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",  # as root (CI) Chromium refuses to start with its sandbox
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--mute-audio",
        f"--user-data-dir={profile}",
        # nothing but this machine: a page that needs the network shows it by failing here
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--window-size=1280,800",
        f"--virtual-time-budget={budget_ms}",
    ]
    return cmd + extra + [url]


def run_chromium(chromium, url, screenshot, budget_ms):
    """Dump the DOM of `url` and take a screenshot of it. Returns (dom, stderr)."""
    with tempfile.TemporaryDirectory(prefix="accord-chromium-") as profile:
        dom_run = subprocess.run(
            chromium_command(chromium, profile, ["--dump-dom"], url, budget_ms),
            capture_output=True,
            timeout=CHROMIUM_TIMEOUT_S,
        )
    with tempfile.TemporaryDirectory(prefix="accord-chromium-") as profile:
        shot_run = subprocess.run(
            chromium_command(chromium, profile, [f"--screenshot={screenshot}"], url, budget_ms),
            capture_output=True,
            timeout=CHROMIUM_TIMEOUT_S,
        )
    err = dom_run.stderr.decode("utf-8", "replace") + shot_run.stderr.decode("utf-8", "replace")
    if dom_run.returncode != 0 or shot_run.returncode != 0:
        err = f"chromium exited {dom_run.returncode} (dump-dom) / {shot_run.returncode} (screenshot)\n" + err
    return dom_run.stdout.decode("utf-8", "replace"), err, dom_run.returncode == 0 and shot_run.returncode == 0


def ink(png):
    """Share of the screenshot's pixels that differ from its background (most common colour)."""
    from PIL import Image

    with Image.open(png) as im:
        im = im.convert("RGB")
        w, h = im.size
        colours = im.getcolors(maxcolors=w * h)
    colours.sort(reverse=True)
    bg = colours[0][1]
    total = w * h
    differ = sum(n for n, c in colours if max(abs(a - b) for a, b in zip(c, bg)) > 24)
    return differ / total, len(colours), bg


class Dom(html.parser.HTMLParser):
    """Counts elements by class and keeps the text under chosen classes."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, keep_text_of=()):
        super().__init__(convert_charrefs=True)
        self.classes = {}
        self.keep = set(keep_text_of)
        self.stack = []  # (tag, kept class or None, hidden)
        self.texts = {k: [] for k in self.keep}
        self.hidden_texts = {k: [] for k in self.keep}
        self.tags = {}
        self.script_json = {}
        self._script_id = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        cls = (a.get("class") or "").split()
        for c in cls:
            self.classes[c] = self.classes.get(c, 0) + 1
        hidden = "display: none" in (a.get("style") or "").replace("display:none", "display: none")
        kept = next((c for c in cls if c in self.keep), None)
        if tag == "script" and a.get("type") == "application/json":
            self._script_id = a.get("id")
            self.script_json[self._script_id] = ""
        if tag not in self.VOID:
            self.stack.append((tag, kept, hidden))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_id = None
        while self.stack:
            t, _, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self._script_id is not None:
            self.script_json[self._script_id] += data
            return
        hidden = any(h for _, _, h in self.stack)
        for _, kept, _ in self.stack:
            if kept:
                (self.hidden_texts if hidden else self.texts)[kept].append(data)


# ---------------------------------------------------------------- TimelineJS

TIMELINE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Accord export in TimelineJS {version}</title>
<link rel="stylesheet" href="/timelinejs/css/timeline.css">
<script src="/timelinejs/js/timeline.js"></script>
<style>html, body {{ margin: 0; height: 100%; }} #timeline-embed {{ width: 100%; height: 800px; }}</style>
</head>
<body>
<div id="timeline-embed"></div>
<script type="application/json" id="consumer-report">{{}}</script>
<script>
(function () {{
  var report = {{ state: "started", js_errors: [], console_errors: [], console_warnings: [] }};
  function save() {{
    document.getElementById("consumer-report").textContent = JSON.stringify(report);
    document.body.setAttribute("data-consumer-state", report.state);
  }}
  window.addEventListener("error", function (e) {{
    report.js_errors.push(String(e.message) + " at " + e.filename + ":" + e.lineno); save();
  }});
  window.addEventListener("unhandledrejection", function (e) {{
    report.js_errors.push("unhandled rejection: " + e.reason); save();
  }});
  var error = console.error, warn = console.warn;
  console.error = function () {{
    report.console_errors.push(Array.prototype.map.call(arguments, String).join(" ")); save();
    return error.apply(console, arguments);
  }};
  console.warn = function () {{
    report.console_warnings.push(Array.prototype.map.call(arguments, String).join(" ")); save();
    return warn.apply(console, arguments);
  }};
  save();
  if (typeof TL === "undefined" || !TL.Timeline) {{
    report.js_errors.push("TimelineJS did not load (no TL.Timeline)"); save(); return;
  }}
  try {{
    // The JSON is read by TimelineJS itself, from a URL, as an embed reads a published file.
    var timeline = new TL.Timeline("timeline-embed", {data_url}, {{
      script_path: new URL("/timelinejs/js/", location.href).href, language: "en", hash_bookmark: false,
      start_at_slide: Number(new URLSearchParams(location.search).get("slide") || 0)
    }});
    function config() {{
      var c = timeline.config;
      if (c) {{
        report.config_events = c.events ? c.events.length : null;
        report.config_title = !!c.title;
        report.config_errors = (c.messages.errors || []).map(function (e) {{
          return e && e.message_key ? e.message_key + (e.detail ? " [" + e.detail + "]" : "") : String(e);
        }});
        report.config_warnings = (c.messages.warnings || []).map(String);
      }}
    }}
    timeline.on("dataloaded", function () {{ report.state = "dataloaded"; config(); save(); }});
    timeline.on("ready", function () {{ report.state = "ready"; config(); save(); }});
    setTimeout(function () {{ config(); save(); }}, 3000);
  }} catch (e) {{
    report.js_errors.push("new TL.Timeline threw: " + e); save();
  }}
}})();
</script>
</body>
</html>
"""

# What TimelineJS says when it cannot use a file (its en messages), looked for in the page text.
TL_ERROR_WORDS = ("Error", "Unable to load", "Unable to read", "Network error", "could not be", "Invalid")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):  # keep the report readable
        pass


def serve(root):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_timeline(a):
    c = Checks(a.name)
    expected = count_in(read_summary(a.summary), "events") if a.summary else None
    dist = Path(a.timelinejs) / "dist"
    version = json.loads((Path(a.timelinejs) / "package.json").read_text())["version"]
    out_dir = Path(a.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / f"{a.name}.png"
    if png.exists():
        png.unlink()

    with tempfile.TemporaryDirectory(prefix="accord-timelinejs-") as root:
        root = Path(root)
        os.symlink(dist.resolve(), root / "timelinejs")
        shutil.copyfile(a.json, root / "timeline.json")
        (root / "index.html").write_text(
            TIMELINE_PAGE.format(version=version, data_url=json.dumps("/timeline.json")), encoding="utf-8"
        )
        shutil.copyfile(root / "index.html", out_dir / f"{a.name}.html.txt")  # for whoever reads the report
        server = serve(root)
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
            dom, err, ran = run_chromium(a.chromium, url, png, a.budget_ms)
            # and the first event's slide, to see an event's text as TimelineJS shows it
            png1 = out_dir / f"{a.name}-slide1.png"
            if png1.exists():
                png1.unlink()
            dom1, err1, ran1 = run_chromium(a.chromium, url + "?slide=1", png1, a.budget_ms)
        finally:
            server.shutdown()
            server.server_close()
    (out_dir / f"{a.name}.dom.html").write_text(dom, encoding="utf-8")

    if not c.check(ran and dom.strip(), "headless Chromium ran and dumped the page", err[-3000:]):
        return c.exit_code()

    d = Dom(keep_text_of=("tl-message-full", "tl-message-content", "tl-timeline"))
    d.feed(dom)
    try:
        report = json.loads(d.script_json.get("consumer-report") or "{}")
    except ValueError:
        report = {}

    msg = " ".join(d.texts["tl-message-full"]).strip()
    errors = report.get("config_errors") or []
    c.check(
        report.get("state") == "ready",
        f"TimelineJS {version} loaded the JSON and fired 'ready' (state: {report.get('state')!r})",
        "\n".join(errors + [f"message box: {msg}"] if msg else errors) or None,
    )
    c.check(not errors, "TimelineJS logged no configuration error", "\n".join(errors))
    c.check(
        not msg,
        "no TimelineJS message box (error) is showing",
        f"the .tl-message box says: {msg}",
    )
    words = [w for w in TL_ERROR_WORDS if w in msg]
    if words:
        c.fail(f"TimelineJS's message contains {words}", msg)
    js = report.get("js_errors", []) + report.get("console_errors", [])
    c.check(not js, "no JavaScript error and no console.error on the page", "\n".join(js))

    slides = d.classes.get("tl-slide", 0)
    title_slides = d.classes.get("tl-slide-titleslide", 0)
    markers = d.classes.get("tl-timemarker", 0)
    c.check(slides > 0, f"the page has .tl-slide elements ({slides}, {title_slides} title)")
    if expected is not None:
        c.check(
            slides - title_slides == expected,
            f"one event slide per event accord says it exported ({slides - title_slides} slides, accord: {expected})",
        )
        c.check(
            markers == expected,
            f"one marker on the time navigator per event ({markers}, accord: {expected})",
        )
    try:
        in_file = len(json.loads(Path(a.json).read_text(encoding="utf-8"))["events"])
    except (ValueError, KeyError, TypeError):
        in_file = None
    if in_file is not None and report.get("config_events") is not None:
        c.check(
            report["config_events"] == in_file,
            f"TimelineJS took every event of the file ({report['config_events']} of {in_file})",
            "TimelineJS drops an event without a start_date ('Missing start date, skipping event')",
        )
    if expected is not None:
        if report.get("config_events") is not None:
            c.check(
                report["config_events"] == expected,
                f"TimelineJS kept every event (config has {report['config_events']}, accord: {expected})",
                "TimelineJS drops an event it cannot date ('Missing start date, skipping event')",
            )

    if c.check(png.exists(), f"screenshot {png}", err[-3000:]):
        share, ncolours, bg = ink(png)
        c.check(
            share > 0.01 and ncolours > 8,
            f"the screenshot is not blank ({share:.1%} of pixels differ from the background {bg}, {ncolours} colours)",
        )

    d1 = Dom(keep_text_of=("tl-message-full",))
    d1.feed(dom1)
    try:
        state1 = json.loads(d1.script_json.get("consumer-report") or "{}").get("state")
    except ValueError:
        state1 = None
    c.check(ran1 and state1 == "ready", f"opened at the first event (?slide=1), TimelineJS is ready (state: {state1!r})", err1[-3000:])
    if c.check(png1.exists(), f"screenshot {png1}", err1[-3000:]):
        share, ncolours, bg = ink(png1)
        c.check(
            share > 0.01 and ncolours > 8,
            f"the first event's screenshot is not blank ({share:.1%} of pixels differ from the background {bg})",
        )
    return c.exit_code()


# ---------------------------------------------------------------- SVG figures


def check_svg(a):
    c = Checks(a.name)
    out_dir = Path(a.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / f"{a.name}.png"
    if png.exists():
        png.unlink()
    url = Path(a.svg).resolve().as_uri()
    dom, err, ran = run_chromium(a.chromium, url, png, a.budget_ms)
    (out_dir / f"{a.name}.dom.xml").write_text(dom, encoding="utf-8")
    if not c.check(ran and dom.strip(), "headless Chromium ran and dumped the page", err[-3000:]):
        return c.exit_code()
    d = Dom(keep_text_of=())
    d.feed(dom)
    parse_error = "This page contains the following errors" in dom or d.tags.get("parsererror", 0)
    detail = None
    if parse_error:
        m = re.search(r"<parsererror.*?</parsererror>", dom, re.S)
        text = re.sub(r"<[^>]+>", " ", m.group(0) if m else dom[:2000])
        detail = html.unescape(re.sub(r"\s+", " ", text)).strip()
        line = re.search(r"line (\d+)", detail)
        if line:
            n = int(line.group(1))
            lines = Path(a.svg).read_text(encoding="utf-8", errors="replace").splitlines()
            snippet = "\n".join(f"{i + 1:6}: {lines[i][:200]}" for i in range(max(0, n - 3), min(len(lines), n + 2)))
            detail += "\n" + snippet
    c.check(not parse_error, "Chromium parsed the SVG as XML (no 'This page contains the following errors')", detail)
    c.check(d.tags.get("svg", 0) >= 1, "the document is an <svg>")
    if c.check(png.exists(), f"screenshot {png}", err[-3000:]):
        share, ncolours, bg = ink(png)
        c.check(
            share > 0.005 and ncolours > 4,
            f"the screenshot is not blank ({share:.1%} of pixels differ from the background {bg}, {ncolours} colours)",
        )
    return c.exit_code()


# ---------------------------------------------------------------- GEXF


def check_gexf(a):
    import networkx as nx

    c = Checks(a.name)
    summary = read_summary(a.summary)
    nodes, edges = count_in(summary, "parties"), count_in(summary, "ties")
    print(f"     accord said: {summary}")
    try:
        g = nx.read_gexf(a.gexf)
    except Exception as e:  # any failure to read is the finding
        import traceback

        c.fail(f"networkx {nx.__version__} read_gexf failed: {type(e).__name__}: {e}", traceback.format_exc())
        return c.exit_code()
    c.ok(f"networkx {nx.__version__} read the GEXF ({type(g).__name__}, {g.graph.get('mode', '?')} mode)")
    c.check(
        g.number_of_nodes() == nodes,
        f"node count {g.number_of_nodes()} == accord's {nodes} parties",
    )
    c.check(
        g.number_of_edges() == edges,
        f"edge count {g.number_of_edges()} == accord's {edges} ties",
    )
    unlabelled = [n for n, d in g.nodes(data=True) if not d.get("label")]
    c.check(not unlabelled, "every node has a label", f"no label: {unlabelled[:10]}")
    if a.graphml:
        try:
            h = nx.read_graphml(a.graphml)
        except Exception as e:
            c.fail(f"networkx read_graphml failed: {type(e).__name__}: {e}")
            return c.exit_code()
        c.check(
            (h.number_of_nodes(), h.number_of_edges()) == (nodes, edges),
            f"the GraphML export, read by networkx, has the same counts ({h.number_of_nodes()} nodes, {h.number_of_edges()} edges)",
        )

        def labels(graph):
            return sorted(str(d.get("label", n)) for n, d in graph.nodes(data=True))

        def ties(graph):
            lab = {n: str(d.get("label", n)) for n, d in graph.nodes(data=True)}
            return sorted(tuple(sorted((lab[u], lab[v]))) for u, v in graph.edges())

        lg, lh = labels(g), labels(h)
        c.check(lg == lh, "GEXF and GraphML name the same parties", f"only in GEXF: {sorted(set(lg) - set(lh))[:10]}\nonly in GraphML: {sorted(set(lh) - set(lg))[:10]}")
        tg, th = ties(g), ties(h)
        c.check(tg == th, "GEXF and GraphML tie the same pairs", f"only in GEXF: {sorted(set(tg) - set(th))[:10]}\nonly in GraphML: {sorted(set(th) - set(tg))[:10]}")
    return c.exit_code()


# ---------------------------------------------------------------- versions


def versions(a):
    import networkx
    import PIL

    print(f"networkx {networkx.__version__}, Pillow {PIL.__version__}, Python {sys.version.split()[0]}")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    t = sub.add_parser("timeline")
    t.add_argument("--json", required=True)
    t.add_argument("--summary", help="accord export's output, for the number of events")
    t.add_argument("--timelinejs", required=True, help="the installed @knight-lab/timelinejs package folder")
    t.add_argument("--chromium", required=True)
    t.add_argument("--out-dir", required=True)
    t.add_argument("--name", required=True)
    t.add_argument("--budget-ms", type=int, default=15000)
    t.set_defaults(func=check_timeline)

    s = sub.add_parser("svg")
    s.add_argument("--svg", required=True)
    s.add_argument("--chromium", required=True)
    s.add_argument("--out-dir", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--budget-ms", type=int, default=5000)
    s.set_defaults(func=check_svg)

    g = sub.add_parser("gexf")
    g.add_argument("--gexf", required=True)
    g.add_argument("--graphml")
    g.add_argument("--summary", required=True, help="accord export's output, for the numbers of parties and ties")
    g.add_argument("--name", required=True)
    g.set_defaults(func=check_gexf)

    v = sub.add_parser("versions")
    v.set_defaults(func=versions)

    a = p.parse_args()
    try:
        sys.exit(a.func(a))
    except subprocess.TimeoutExpired as e:
        print(f"FAIL {getattr(a, 'name', a.cmd)}: headless Chromium did not finish in {e.timeout} s", flush=True)
        sys.exit(1)
    except OSError as e:
        print(f"FAIL {getattr(a, 'name', a.cmd)}: could not run a consumer: {e}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
