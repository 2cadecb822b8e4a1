#!/usr/bin/env python3
"""The measuring half of scripts/bench-console.sh; run that script, not this file.

Drives the facilitator's console and participant screens in a private tmux server (which the shell
script started, with a placeholder session that keeps it up, and kills on every way out) and
prints figures. It asserts nothing about time: a step that times out is reported as such.

Usage: bench-console.py BIN SOCKET WORK SESSION-DIR   (knobs come from the environment)
"""
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time

BIN, SOCKET, WORK, SESSION = sys.argv[1:5]
ENV = os.environ
N = int(ENV.get("N", "10000"))
SWITCHES = int(ENV.get("SWITCHES", "30"))
IDLE_SECONDS = float(ENV.get("IDLE_SECONDS", "10"))
ARRIVAL_SECONDS = float(ENV.get("ARRIVAL_SECONDS", "30"))
ARRIVALS_PER_SECOND = float(ENV.get("ARRIVALS_PER_SECOND", "2"))
JOINERS = int(ENV.get("JOINERS", "50"))
READ_SECONDS = float(ENV.get("READ_SECONDS", "60"))
PAGES = int(ENV.get("PAGES", "15"))  # PageDown + PageUp pairs in the report view
COLUMNS, ROWS = (int(v) for v in ENV.get("CONSOLE_SIZE", "100x30").split("x"))
TIMEOUT = float(ENV.get("STEP_TIMEOUT", "30"))  # seconds one step may take before it counts as timed out
CLOCK_TICK = os.sysconf("SC_CLK_TCK")

# The facilitator console's footer (the bottom lines, drawn last) lists the keys that act on the
# view; one of them names it. The footer takes two lines when its keys do not fit in one.
HELP = {
    "1": "p answer for someone",
    "2": "+/- dots",
    "3": "Tab next view",
    "4": "↑↓ PgUp PgDn scroll",
    "5": "a add",
}
VIEW_NAMES = {"1": "dashboard", "2": "agenda", "3": "results", "4": "report", "5": "goals"}
RESULT_VIEWS = ["Heat map", "Ranked gaps", "Disagreements", "Perception gaps"]
HIDDEN = "Results are hidden until you reveal them"

table = []  # (figure, value) rows of the final summary


def note(text):
    print(text, flush=True)


def summary(figure, value):
    table.append((figure, value))


def stop_on_term(*_):
    sys.exit(143)


signal.signal(signal.SIGTERM, stop_on_term)


# ----------------------------------------------------------------------------------------------
# tmux: one control-mode client (no fork per command), attached to the placeholder session.

class Tmux:
    def __init__(self, socket):
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]
        self.client = subprocess.Popen(self.base + ["-C", "attach-session", "-t", "placeholder"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        self.out = self.client.stdout
        self.buffer = b""
        if self.command("display-message -p ready") != ["ready"]:
            raise RuntimeError("the tmux control client is out of step")

    def _line(self):
        while b"\n" not in self.buffer:
            chunk = os.read(self.out.fileno(), 65536)
            if not chunk:
                raise RuntimeError("the tmux control client went away")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def command(self, text):
        """Runs one tmux command; returns its output lines (raises on %error)."""
        self.client.stdin.write(text.encode() + b"\n")
        # Skip notifications (%output, %session-changed, ...) and blocks this client did not ask
        # for (the attach's own, flags 0): ours carry flags 1.
        while True:
            line = self._line()
            parts = line.split()
            if line.startswith(b"%begin ") and len(parts) >= 4 and parts[3] == b"1":
                number = parts[2]
                break
        lines = []
        while True:
            line = self._line()
            parts = line.split()
            if line.startswith((b"%end ", b"%error ")) and len(parts) >= 3 and parts[2] == number:
                if line.startswith(b"%error"):
                    raise RuntimeError(f"tmux {text!r}: " + b"\n".join(lines).decode(errors="replace"))
                return [l.decode(errors="replace") for l in lines]
            lines.append(line)

    def capture(self, target, escapes=False):
        return self.command(f"capture-pane -p {'-e ' if escapes else ''}-t {target}")

    def keys(self, target, *keys):
        self.command(f"send-keys -t {target} " + " ".join(keys))

    def run(self, *args):
        return subprocess.run(self.base + list(args), capture_output=True, text=True)

    def close(self):
        try:
            self.client.stdin.close()
            self.client.wait(timeout=5)
        except Exception:
            self.client.kill()


def shquote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def new_session(name, width, height, command, pidfile):
    """A tmux session running `command`; its process id (the shell writes it before exec)."""
    try:
        os.unlink(pidfile)
    except FileNotFoundError:
        pass
    wrapper = f"echo $$ > {shquote(pidfile)}; exec {command}"
    # Not through the control client: tmux's own command parser would have to unquote the command.
    done = tmux.run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "-e", "LANG=C.UTF-8",
                    "-e", "LC_ALL=C.UTF-8", f"sh -c {shquote(wrapper)}; echo EXITED rc=$?; sleep 600")
    if done.returncode != 0:
        raise RuntimeError(f"tmux new-session {name}: {done.stderr.strip()}")
    start = time.perf_counter()
    while True:
        try:
            with open(pidfile) as f:
                text = f.read().strip()
            if text:
                return int(text)
        except FileNotFoundError:
            pass
        if time.perf_counter() - start > TIMEOUT:
            raise RuntimeError(f"{name}: no process id within {TIMEOUT} s")
        time.sleep(0.002)


def wait_for(predicate, target, timeout=TIMEOUT, interval=0.002, escapes=False):
    """Polls the pane until predicate(lines) holds; seconds waited, or None on timeout."""
    start = time.perf_counter()
    while True:
        lines = tmux.capture(target, escapes=escapes)
        if predicate(lines):
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            return None
        time.sleep(interval)


# ----------------------------------------------------------------------------------------------
# Screen markers

def footer(lines):
    """The last two lines with text: the footer, and what stands above it when it has one line."""
    filled = [line for line in lines if line.strip()]
    return " ".join(filled[-2:])


def shows_view(key):
    # The report view offers no scrolling before the reveal; it says the results are hidden.
    if key == "4":
        return lambda lines: HELP["4"] in footer(lines) or (len(lines) > 3 and HIDDEN in lines[3])
    return lambda lines: HELP[key] in footer(lines)


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def reversed_text(line):
    """The text drawn in reverse video on a line captured with escapes."""
    out, reverse, position = [], False, 0
    for match in SGR.finditer(line):
        if reverse:
            out.append(line[position:match.start()])
        params = [p for p in re.split("[;:]", match.group(1))] or ["0"]
        i = 0
        while i < len(params):
            p = params[i] or "0"
            if p in ("38", "48", "58"):  # extended colours: skip their arguments
                i += 3 if i + 1 < len(params) and params[i + 1] == "5" else 5
                continue
            if p == "0":
                reverse = False
            elif p == "7":
                reverse = True
            elif p == "27":
                reverse = False
            i += 1
        position = match.end()
    if reverse:
        out.append(line[position:])
    return "".join(out)


def shows_result_view(index):
    """The results view with result tab `index` selected (reverse video on line 3), drawn to the end."""
    def predicate(lines):
        return len(lines) > 3 and RESULT_VIEWS[index] in reversed_text(lines[3]) and HELP["3"] in SGR.sub("", footer(lines))
    return predicate


def department_total(lines):
    """The dashboard's per-department counts ("E-commerce: 2503, 1950 done"), summed; None if not shown."""
    counts = [int(m.group(1)) for line in lines for m in [re.search(r": (\d+), \d+ done\s", line + " ")] if m]
    return sum(counts) if counts else None


# ----------------------------------------------------------------------------------------------
# Statistics

def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    rank = p / 100 * (len(values) - 1)
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def spread(values):
    """'p50 / p99 / max ms (n)' of seconds; timeouts (None) counted apart."""
    done = [v for v in values if v is not None]
    lost = len(values) - len(done)
    if not done:
        return f"all {lost} timed out"
    text = f"p50 {ms(percentile(done, 50))} / p99 {ms(percentile(done, 99))} / max {ms(max(done))} ms (n={len(done)})"
    return text + (f", {lost} timed out (> {TIMEOUT:.0f} s)" if lost else "")


# ----------------------------------------------------------------------------------------------
# /proc

def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of the whole line)


def io(pid):
    values = {}
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            key, value = line.split(":")
            values[key] = int(value)
    return values


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def idle_sample(pid, seconds):
    """CPU (% of one core), read syscalls and bytes read by `pid` over `seconds`."""
    ticks, before, start = cpu_ticks(pid), io(pid), time.perf_counter()
    time.sleep(seconds)
    elapsed = time.perf_counter() - start
    after = io(pid)
    cpu = (cpu_ticks(pid) - ticks) / CLOCK_TICK / elapsed * 100
    per_minute = 60 / elapsed
    return cpu, (after["syscr"] - before["syscr"]) * per_minute, (after["rchar"] - before["rchar"]) * per_minute


# ----------------------------------------------------------------------------------------------
# The measurements

def baseline():
    """tmux's own round trip: a key echoed by a process (cat, the tty in raw mode), and capture-pane alone."""
    new_session("echo", 80, 24, "sh -c 'stty raw -echo; exec cat'", f"{WORK}/pid-echo")
    wait_for(lambda lines: True, "echo")
    rounds, captures = [], []
    for i in range(max(30, SWITCHES)):
        start = time.perf_counter()
        tmux.capture("echo")
        captures.append(time.perf_counter() - start)
    for i in range(max(30, SWITCHES)):
        start = time.perf_counter()
        tmux.keys("echo", "x")
        while "\n".join(tmux.capture("echo")).count("x") < i + 1:
            if time.perf_counter() - start > TIMEOUT:
                break
            time.sleep(0.002)
        rounds.append(time.perf_counter() - start)
    tmux.command("kill-session -t echo")
    note(f"  tmux round trip, send-keys to cat echoing it (raw tty): {spread(rounds)}")
    note(f"  capture-pane alone: {spread(captures)}")
    summary("tmux baseline: key echoed by cat (raw tty)", spread(rounds))
    summary("tmux baseline: capture-pane alone", spread(captures))
    return percentile(rounds, 50)


# The switching round: each step a key and what the screen shows once it took effect.
SWITCH_ROUND = [("2", "2", shows_view("2")), ("3", "3", shows_result_view(0))] + [
    ("Tab", f"3/{RESULT_VIEWS[(i + 1) % 4]}", shows_result_view((i + 1) % 4)) for i in range(4)] + [
    ("4", "4", shows_view("4")), ("5", "5", shows_view("5")), ("1", "1", shows_view("1"))]


def label(step):
    if "/" in step:
        return "results: Tab → " + step.split("/", 1)[1]
    return f"{step} {VIEW_NAMES[step]}"


def switching(target, minimum, until=None):
    """Runs whole switching rounds until at least `minimum` switches, and on until `until` if given.

    The console starts each round on the dashboard; after a timed-out step it is put back there
    and the round starts again."""
    by_step, every, position = {}, [], 0
    while True:
        if position == 0 and len(every) >= minimum and (until is None or time.perf_counter() >= until):
            break
        key, step, predicate = SWITCH_ROUND[position]
        start = time.perf_counter()
        tmux.keys(target, key)
        waited = wait_for(predicate, target, escapes=step.startswith("3"))
        seconds = None if waited is None else time.perf_counter() - start
        every.append(seconds)
        by_step.setdefault(step, []).append(seconds)
        position = (position + 1) % len(SWITCH_ROUND)
        if seconds is None:
            tmux.keys(target, "Escape", "3")  # back to the heat map, then to the dashboard
            wait_for(shows_view("3"), target)
            for _ in range(4):
                if wait_for(shows_result_view(0), target, timeout=1, escapes=True) is not None:
                    break
                tmux.keys(target, "Tab")
            tmux.keys(target, "1")
            wait_for(shows_view("1"), target)
            position = 0
    return every, by_step


def show_switching(title, every, by_step, base):
    note(f"  {title}: {spread(every)}")
    for key, step, _ in SWITCH_ROUND:
        values = by_step.get(step, [])
        done = [v for v in values if v is not None]
        if done:
            note(f"    to {label(step):34} p50 {ms(percentile(done, 50)):>8}  max {ms(max(done)):>8} ms"
                 + (f"  ({len(values) - len(done)} timed out)" if len(done) < len(values) else ""))
    done = [v for v in every if v is not None]
    if done:
        summary(title, spread(every))
        summary(f"  … less tmux's round trip (p50 {ms(base)} ms)",
                f"p50 {ms(max(0.0, percentile(done, 50) - base))} / p99 {ms(max(0.0, percentile(done, 99) - base))} ms")
        slowest = max(by_step, key=lambda s: statistics.median([v for v in by_step[s] if v is not None] or [0]))
        summary("  slowest switch (median)", f"to {label(slowest)}: {ms(statistics.median([v for v in by_step[slowest] if v is not None] or [0]))} ms")


def settled(target, quiet=0.3):
    """The pane's text once it has not changed for `quiet` seconds."""
    lines, since = tmux.capture(target), time.perf_counter()
    while time.perf_counter() - since < quiet:
        time.sleep(0.01)
        now = tmux.capture(target)
        if now != lines:
            lines, since = now, time.perf_counter()
    return lines


def paging(target, count):
    """PageDown and PageUp in the report view, alternately: time until the page shows in full.

    ncurses may scroll the terminal first and draw the new lines after, so "the text changed" is
    not enough: each key waits for the whole page as it was seen once it settled."""
    tmux.keys(target, "4")
    wait_for(shows_view("4"), target)
    # Just after the reveal the text report may still be being laid out in the background.
    wait_for(lambda lines: not any("Laying out the report" in line for line in lines), target)
    top = settled(target)
    tmux.keys(target, "NPage")
    if wait_for(lambda lines: lines != top, target) is None:
        return [None], [None]
    second = settled(target)
    tmux.keys(target, "PPage")
    wait_for(lambda lines: lines == top, target)
    down, up = [], []
    for i in range(count * 2):
        key, expected = ("NPage", second) if i % 2 == 0 else ("PPage", top)
        start = time.perf_counter()
        tmux.keys(target, key)
        waited = wait_for(lambda lines: lines == expected, target)
        (down if key == "NPage" else up).append(None if waited is None else time.perf_counter() - start)
    return down, up


def idle(pid, target, keys, title):
    results = {}
    for key in keys:
        tmux.keys(target, key)
        wait_for(shows_view(key), target)
        time.sleep(1.5)  # let the view settle: a reload (every second) and a redraw (every half second)
        cpu, reads, read_bytes = idle_sample(pid, IDLE_SECONDS)
        results[key] = (cpu, reads, read_bytes)
        note(f"  {title}, {key} {VIEW_NAMES[key]:9}: CPU {cpu:5.1f}% of a core · {reads:8.0f} read syscalls/min"
             f" · {read_bytes / 2**20:8.1f} MiB read/min · RSS {rss_mib(pid):.0f} MiB")
    summary(f"idle CPU, {title} (% of a core; 1 2 3 4 5)", "  ".join(f"{VIEW_NAMES[k]} {results[k][0]:.1f}" for k in keys))
    summary(f"idle reads/min, {title} (1 2 3 4 5)", "  ".join(f"{results[k][1]:.0f}" for k in keys))
    return results


def arrivals(pid, target):
    """A writer adds participants at a steady rate; the dashboard must show them; views switch meanwhile."""
    interval = 1 / ARRIVALS_PER_SECOND
    written = []  # perf_counter times at which a new participant's file was in place
    failures = []
    stop = threading.Event()

    def writer():
        start = time.perf_counter()
        k = 0
        while not stop.is_set():  # until the switching is done: at least ARRIVAL_SECONDS
            due = start + k * interval
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            done = subprocess.run([BIN, "simulate", SESSION, "--participants", "1", "--no-fsync"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            # The file is renamed into place just before the process exits: its exit is when it appeared.
            if done.returncode == 0:
                written.append(time.perf_counter())
            else:
                failures.append(done.stderr.strip())
            k += 1

    tmux.keys(target, "1")
    wait_for(shows_view("1"), target)
    first = department_total(tmux.capture(target))
    thread = threading.Thread(target=writer, daemon=True)
    cpu_before, io_before, began = cpu_ticks(pid), io(pid), time.perf_counter()
    thread.start()
    # First half: watch the dashboard's counts and note when each arrival is counted.
    seen, shown = first, []
    half = began + ARRIVAL_SECONDS / 2
    while time.perf_counter() < half:
        total = department_total(tmux.capture(target))
        now = time.perf_counter()
        if total is not None and total > seen:
            shown += [now] * (total - seen)
            seen = total
        time.sleep(0.005)
    # Second half: switch views while participants keep arriving.
    every, by_step = switching(target, SWITCHES, until=began + ARRIVAL_SECONDS)
    stop.set()
    thread.join()
    elapsed = time.perf_counter() - began
    cpu = (cpu_ticks(pid) - cpu_before) / CLOCK_TICK / elapsed * 100
    reads = (io(pid)["syscr"] - io_before["syscr"]) * 60 / elapsed
    # Last: every arrival must reach the dashboard.
    tmux.keys(target, "1")
    wait_for(shows_view("1"), target)
    settled = wait_for(lambda lines: (department_total(lines) or 0) >= first + len(written), target, interval=0.005)
    delays = [shown_at - written_at for written_at, shown_at in zip(written, shown)]
    note(f"  {len(written)} participants added in {elapsed:.1f} s ({len(failures)} writes failed"
         + (f": {failures[0]}" if failures else "") + f"); console CPU meanwhile {cpu:.1f}% of a core, {reads:.0f} read syscalls/min")
    note(f"  file in place → counted on the dashboard ({len(delays)} arrivals in the first half): {spread(delays)}")
    show_switching("view switch while participants arrive", every, by_step, base_round)
    if settled is None:
        note(f"  the dashboard did not reach {first + len(written)} participants within {TIMEOUT:.0f} s")
    summary(f"arrival → dashboard count ({ARRIVALS_PER_SECOND:g}/s)", spread(delays))
    summary("console CPU while participants arrive", f"{cpu:.1f}% of a core")


def timings(session, n):
    """status --json against report --format json and text: best of 3 wall time, and peak memory."""
    measure = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "reference", "measure.py")
    subprocess.run(f"cat {shquote(session)}/participants/*.json > /dev/null", shell=True)  # warm the page cache
    for title, args in [("status --json", ["status", session, "--json"]),
                        ("report --format json", ["report", session, "--format", "json"]),
                        ("report --format text", ["report", session, "--format", "text"])]:
        runs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, measure, f"{WORK}/timing.out", BIN, *args], capture_output=True, text=True)
            if out.returncode != 0:
                runs = None
                note(f"  {title}: failed: {out.stderr.strip()}")
                break
            seconds, peak = (float(v) for v in out.stdout.split())
            runs.append((seconds, peak))
        if runs:
            best = min(runs)
            size = os.path.getsize(f"{WORK}/timing.out")
            text = f"{best[0]:.3f} s, peak {max(p for _, p in runs):.0f} MiB, output {size / 2**20:.1f} MiB"
            note(f"  {n} participants, {title:22} {text}")
            summary(f"{title} at {n}", text)


def joiners(session):
    """JOINERS participant processes at 80×24, each on its overview: their file reads over READ_SECONDS."""
    with open(os.path.join(session, "session.json")) as f:
        settings = json.load(f)
    # Every module not shared is a department (docs/session-format.md).
    departments = [m["id"] for m in settings["modules"] if m["id"] not in settings.get("shared_modules", [])]
    pids, launches = [], []
    for i in range(JOINERS):
        department = departments[i % len(departments)]
        start = time.perf_counter()
        pid = new_session(f"j{i}", 80, 24, f"{shquote(BIN)} join {shquote(session)} --name {shquote(f'P {i}')} "
                          f"--department {department} --lang en", f"{WORK}/pid-j{i}")
        waited = wait_for(lambda lines: any("Your questions" in line for line in lines), f"j{i}", interval=0.01)
        if waited is None:
            note(f"  participant {i}: no overview within {TIMEOUT:.0f} s; the pane shows:")
            note("\n".join(tmux.capture(f"j{i}")))
            launches.append(None)
        else:
            launches.append(time.perf_counter() - start)
        pids.append(pid)
    note(f"  {JOINERS} participants started one after another: launch to overview {spread(launches)}")
    time.sleep(2)  # let the last one settle
    before = {pid: io(pid) for pid in pids}
    cpu_before = {pid: cpu_ticks(pid) for pid in pids}
    start = time.perf_counter()
    time.sleep(READ_SECONDS)
    elapsed = time.perf_counter() - start
    after = {pid: io(pid) for pid in pids}
    per_minute = 60 / elapsed
    syscr = sum(after[p]["syscr"] - before[p]["syscr"] for p in pids) * per_minute
    rchar = sum(after[p]["rchar"] - before[p]["rchar"] for p in pids) * per_minute
    read_bytes = sum(after[p]["read_bytes"] - before[p]["read_bytes"] for p in pids) * per_minute
    cpu = sum(cpu_ticks(p) - cpu_before[p] for p in pids) / CLOCK_TICK / elapsed * 100
    rss = sum(rss_mib(p) for p in pids)
    note(f"  over {elapsed:.0f} s: {syscr:.0f} read syscalls/min, {rchar / 2**20:.1f} MiB read/min (rchar; "
         f"{read_bytes / 2**20:.1f} MiB/min from disk), {syscr / JOINERS:.0f} syscalls/min each; "
         f"CPU {cpu:.1f}% of a core in all; RSS {rss:.0f} MiB in all")
    summary(f"{JOINERS} participants: launch to overview", spread(launches))
    summary(f"{JOINERS} participants idle: read syscalls/min (all)", f"{syscr:.0f} ({syscr / JOINERS:.0f} each)")
    summary(f"{JOINERS} participants idle: bytes read/min (all)", f"{rchar / 2**20:.1f} MiB (rchar)")
    summary(f"{JOINERS} participants idle: CPU", f"{cpu:.1f}% of a core in all")


# ----------------------------------------------------------------------------------------------

tmux = Tmux(SOCKET)
try:
    started = time.perf_counter()
    note(f"\n== status and report at {N} participants (no screens running)")
    timings(SESSION, N)
    if ENV.get("LARGE_SESSION"):
        large = int(ENV.get("LARGE_N", "100000"))
        note(f"\n== status and report at {large} participants")
        timings(ENV["LARGE_SESSION"], large)

    note(f"\n== facilitator console at {COLUMNS}×{ROWS}, {N} participants, results hidden")
    base_round = baseline()
    start = time.perf_counter()
    console = new_session("console", COLUMNS, ROWS, f"{shquote(BIN)} facilitate {shquote(SESSION)} --lang en", f"{WORK}/pid-console")
    first = wait_for(lambda lines: department_total(lines) is not None, "console")
    note(f"  launch to the dashboard with counts: {'timed out' if first is None else ms(time.perf_counter() - start) + ' ms'}"
         f"; RSS {rss_mib(console):.0f} MiB")
    summary("console launch to dashboard (hidden)", "timed out" if first is None else ms(time.perf_counter() - start) + " ms")
    every, by_step = switching("console", SWITCHES)
    show_switching("view switch, results hidden", every, by_step, base_round)
    idle(console, "console", ["1", "2", "3", "4", "5"], "results hidden")

    note(f"\n== results revealed (v, then y, in the console)")
    tmux.keys("console", "3")
    wait_for(shows_view("3"), "console")
    tmux.keys("console", "v")
    if wait_for(lambda lines: any("Reveal the results" in line for line in lines), "console") is None:
        sys.exit("bench-console: the reveal question did not appear")
    start = time.perf_counter()
    tmux.keys("console", "y")
    waited = wait_for(lambda lines: len(lines) > 5 and HIDDEN not in "\n".join(lines) and "→" in "\n".join(lines[5:]), "console")
    reveal = "timed out" if waited is None else ms(time.perf_counter() - start) + " ms"
    note(f"  y → heat map on screen: {reveal}; RSS {rss_mib(console):.0f} MiB")
    summary("reveal: y → heat map shown", reveal)
    every, by_step = switching("console", SWITCHES)
    show_switching("view switch, results revealed", every, by_step, base_round)
    down, up = paging("console", PAGES)
    note(f"  report view: PageDown → text scrolled: {spread(down)}; PageUp: {spread(up)}")
    summary("report view: PageDown → scrolled", spread(down))
    summary("report view: PageUp → scrolled", spread(up))
    idle(console, "console", ["1", "2", "3", "4", "5"], "results revealed")

    note(f"\n== participants arriving, {ARRIVALS_PER_SECOND:g} a second for at least {ARRIVAL_SECONDS:g} s (results revealed)")
    arrivals(console, "console")
    note(f"  console RSS at the end: {rss_mib(console):.0f} MiB")
    tmux.command("kill-session -t console")

    if JOINERS > 0:
        note(f"\n== {JOINERS} participants joined at 80×24, each on its overview, results revealed, for {READ_SECONDS:g} s")
        joiners(SESSION)

    note(f"\nmeasured in {time.perf_counter() - started:.0f} s")
    note(f"\nSummary ({N} participants, console {COLUMNS}×{ROWS}; latencies are key sent → screen shows it, tmux round trip included)")
    width = max(len(f) for f, _ in table)
    for figure, value in table:
        note(f"  {figure:{width}}  {value}")
finally:
    tmux.close()
