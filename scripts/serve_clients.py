#!/usr/bin/env python3
"""Participants over SSH, driven by a program: the load test's and the SSH benchmark's driver.

Each participant is one paramiko SSH connection to `omnigap serve` (password: the workshop code;
no keys, no agent; TCP_NODELAY on its socket), with LANG sent before the shell to choose the screens' language, and a pty of
80x24 with TERM xterm-256color. Everything the server sends goes into a pyte terminal emulator,
and the driver acts only on what that emulated screen shows: it waits for a screen's own text
(with a time limit, after which it fails with a dump of the screen), never for a fixed time.

The screens it knows, and the text it waits for on each (the words are the app's own, from
Sources/TerminalUI/ParticipantStrings*.swift, in en, pl, sv and it):

  join        the join title ("Join the workshop"); the typed name on the name line
  resume code right after joining (over SSH, a new participant): a dialog with "resume code"
              (case-insensitive) in it, or its words in pl, sv or it ("kod powrotu",
              "återkomstkod", "codice di ripresa"), or any screen that is neither the join form
              nor the overview once the output has settled: Enter continues. It may or may not
              appear (it is new); it is looked for before the overview, which it is drawn over.
  overview    the overview title ("Your questions") with the overview's key line at the bottom
  intro       a module's introduction: its key line ("Enter start · ↑↓ scroll · Esc list · q leave")
  item        an item's key line (one per kind) and its counter "N of TOTAL" on the third row;
              which item it is comes from its prompt, matched against the session's modules
              (`omnigap modules show ID --modules DIR/modules --lang L --json`). ncurses sends
              a frame top to bottom, only what changed, and a frame may come in several reads:
              a new item counts once its prompt is another item's than before and, on a
              maturity item, its rating line shows no stage yet (it was never answered).
  maturity    the rating line "◀ Now: C    ◆ Goal: T" once both stages are typed
  leave       the question "Leave the workshop? Your answers are saved." (y leaves)
  goodbye     the goodbye's first words ("Goodbye. Your answers are saved"), then the channel's end
              and its exit status

A participant joins with a unique name, picks a department on the join form (Down, Enter),
answers the first ITEMS maturity items of its questionnaire with a current and a target stage
(every other kind is passed with Enter, unanswered), and leaves (Esc, q, y). Arrow keys are sent
as the terminal would: ESC O x once ncurses has switched the cursor keys to application mode.

pyte lacks three things ncurses sends with xterm-256color (REP, SU, SD): `Screen` adds them.

Library: `Participant` (one connection and its screen; `spawn` runs `omnigap join` on a local pty
instead, for a comparison without SSH), `Catalog` (the session's items by prompt),
`run_participants` (N at once, in threads). As a program:

  serve_clients.py run   --port P --code C --session DIR [--binary omnigap] [--count 50]
                         [--items 20] [--langs en,pl,sv,it] [--results FILE] [--timeout 30]
      N participants at once, each through the whole flow; prints a summary, writes every
      participant's answers and timings to FILE (JSON); exit 1 if any participant failed.
  serve_clients.py hold  --port P --code C [--count 5] [--first-screen 5] [--ready FILE] [--end 15]
      Opens COUNT connections at once; each must reach the join screen within FIRST-SCREEN
      seconds. Then writes FILE and waits up to END seconds for the server to end every one of
      them (as SIGTERM to the server does); exit 1 when one did not show its screen or never ended.
  serve_clients.py show  --port P --code C [--lang en]
      Connects once and prints the join screen as the emulator sees it.
  serve_clients.py type  --port P --code C --session DIR [--binary omnigap] [--first 0]
                         [--count 10] [--rounds 10] [--pace 0.2]
      For bench-serve.sh: COUNT participants join and open a maturity item, say {"ready": N} on
      stdout, type timed keys once a line comes on stdin, print the times as JSON, and stay
      connected until stdin closes.
"""
import argparse
import json
import logging
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time

import paramiko
import pyte
from pyte.screens import Margins

COLUMNS, ROWS = 80, 24
TERM = "xterm-256color"
LOCALES = {"en": "en_GB.UTF-8", "pl": "pl_PL.UTF-8", "sv": "sv_SE.UTF-8", "it": "it_IT.UTF-8"}

# The app's words, per language: only what the driver waits for.
# The words each language's screens use, read from the participant screens' own strings
# (Sources/TerminalUI/ParticipantStrings*.swift), so that a reworded screen never leaves this client
# looking for words that are gone. Hint lines are matched by their first segments.
STRING_FILES = {"en": "ParticipantStrings.swift", "pl": "ParticipantStrings+polish.swift",
                "sv": "ParticipantStrings+swedish.swift", "it": "ParticipantStrings+italian.swift"}
STRING_LINE = re.compile(r'^\s+(\w+): "((?:[^"\\]|\\.)*)",?\s*$')


def screen_strings(language):
    """The participant screens' strings of `language`, by field name."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "TerminalUI")
    fields = {}
    with open(os.path.join(folder, STRING_FILES[language]), encoding="utf-8") as source:
        for line in source:
            found = STRING_LINE.match(line)
            if found and found.group(1) not in fields:
                fields[found.group(1)] = found.group(2).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
    return fields


def words_for(language):
    strings = screen_strings(language)
    def first(field, segments):
        return " · ".join(strings[field].split(" · ")[:segments])
    return dict(join=strings["joinTitle"], join_keys=first("joinHelp", 2), name=strings["yourName"],
                overview=strings["overviewTitle"], overview_keys=strings["overviewHelp"], intro_keys=strings["introHelp"],
                maturity_keys=first("itemHelpMaturity", 2), choice_keys=first("itemHelpChoice", 2),
                number_keys=first("itemHelpNumber", 2), text_keys=first("itemHelpText", 1),
                review_keys=first("reviewHelp", 3), leave=strings["leaveMessage"],
                goodbye=os.path.commonprefix([strings["goodbye"], strings["remoteGoodbye"]]).rstrip(" ,.:;"),
                name_in_use=strings["nameInUseTitle"])


WORDS = {language: words_for(language) for language in STRING_FILES}
# The resume-code screen, new after joining over SSH, says "resume code" in English; in the other
# languages, the words its first version uses (a screen that is neither the join form nor the
# overview is taken for it too). Enter continues.
RESUME_CODE = ("resume code", "kod powrotu", "återkomstkod", "codice di ripresa")

# Names with each language's letters, so the name field gets UTF-8 too.
FIRST_NAMES = {"en": ["Alice", "Brian", "Chloe", "David"], "pl": ["Łucja", "Zofia", "Paweł", "Jędrzej"],
               "sv": ["Åsa", "Björn", "Märta", "Örjan"], "it": ["Niccolò", "Chiara", "Lucía", "Mattia"]}

ENTER, ESC, TAB = "\r", "\x1b", "\t"
PAGE_UP, PAGE_DOWN = "\x1b[5~", "\x1b[6~"
DECCKM = 1 << 5  # private mode 1 (application cursor keys), as pyte keeps private modes
ARROWS = {"up": "A", "down": "B", "right": "C", "left": "D"}

NOT_GIVEN = "–"  # a stage not given yet, on the rating line
RATING = re.compile(r"◀[^:◆]*:\s*(\S+)\s+◆[^:]*:\s*(\S+)")
COUNTER = re.compile(r"(\d+)\s+\S+\s+(\d+)\s*$")

logging.getLogger("paramiko").setLevel(logging.CRITICAL)


class DriverError(Exception):
    """A step that failed: the message says which, and shows the screen."""


# ----------------------------------------------------------------------------------------------
# The terminal: pyte, plus what xterm-256color's terminfo makes ncurses send that pyte lacks.

class Screen(pyte.Screen):
    """pyte's screen with REP (CSI n b: repeat the last character), SU and SD (CSI n S / T:
    scroll the region up or down), which ncurses uses with xterm-256color."""

    def __init__(self, columns, lines):
        super().__init__(columns, lines)
        self.last_character = None

    def draw(self, data):
        if data:
            self.last_character = data[-1]
        super().draw(data)

    def repeat_character(self, count=1, *_, private=False):
        if not private and self.last_character:
            self.draw(self.last_character * max(1, count))

    def scroll_up(self, count=1, *_, private=False):
        if private:
            return
        top, bottom = self.margins or Margins(0, self.lines - 1)
        for _ in range(max(1, count)):
            for y in range(top, bottom):
                self.buffer[y] = self.buffer[y + 1]
            self.buffer.pop(bottom, None)
        self.dirty.update(range(self.lines))

    def scroll_down(self, count=1, *_, private=False):
        if private:
            return
        top, bottom = self.margins or Margins(0, self.lines - 1)
        for _ in range(max(1, count)):
            for y in range(bottom, top, -1):
                self.buffer[y] = self.buffer[y - 1]
            self.buffer.pop(top, None)
        self.dirty.update(range(self.lines))


class Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_character", S="scroll_up", T="scroll_down")


def normalized(text):
    return " ".join(text.split())


# ----------------------------------------------------------------------------------------------
# The session's items, by language and prompt.

class Catalog:
    """Every item of the session's modules: id, kind and module, found by the prompt on screen."""

    def __init__(self, binary, session):
        with open(os.path.join(session, "session.json"), encoding="utf-8") as file:
            settings = json.load(file)
        self.modules = [module["id"] for module in settings["modules"]]
        self.shared = list(settings.get("shared_modules", []))
        self.departments = [m for m in self.modules if m not in self.shared]
        self.prompts = {}  # language -> [(normalized prompt, item)]
        for language in LOCALES:
            entries = []
            for module in self.modules:
                shown = subprocess.run([binary, "modules", "show", module, "--modules", os.path.join(session, "modules"),
                                        "--lang", language, "--json"], capture_output=True, text=True, check=True)
                for dimension in json.loads(shown.stdout)["dimensions"]:
                    for item in dimension["items"]:
                        entries.append((normalized(item["prompt"]), {"id": item["id"], "kind": item["kind"], "module": module}))
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest prompt that matches wins
            self.prompts[language] = entries

    def item_on(self, language, lines):
        """The item whose prompt starts the item screen's text (row 4 on), or None."""
        text = normalized(" ".join(lines[4:]))
        for prompt, item in self.prompts[language]:
            if text.startswith(prompt):
                return item
        return None


# ----------------------------------------------------------------------------------------------
# A local pty, read and written like a paramiko channel (only what Participant uses).

class PtyChannel:
    def __init__(self, command, columns, rows):
        import fcntl, struct, termios
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = dict(os.environ, TERM=TERM, LANG="C.UTF-8")
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=environment,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.timeout = None
        self.status_event = threading.Event()

    def settimeout(self, timeout):
        self.timeout = timeout

    def recv(self, size):
        import select
        if not select.select([self.master], [], [], self.timeout)[0]:
            raise socket.timeout()
        try:
            return os.read(self.master, size)
        except OSError:  # EIO: the screens ended
            self.status_event.set()
            return b""

    def recv_ready(self):
        import select
        return bool(select.select([self.master], [], [], 0)[0])

    def send(self, data):
        return os.write(self.master, data)

    def recv_exit_status(self):
        return self.process.wait()

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.master)


# ----------------------------------------------------------------------------------------------
# One participant: a connection and its emulated screen.

class Participant:
    def __init__(self, host, port, code, language="en", name=None, timeout=30.0, columns=COLUMNS, rows=ROWS):
        self.host, self.port, self.code = host, port, code
        self.language = language
        self.words = WORDS[language]
        self.name = name or f"participant ({language})"
        self.timeout = timeout
        self.screen = Screen(columns, rows)
        self.stream = Stream(self.screen)
        self.client = None
        self.channel = None
        self.closed = False
        self.received = 0  # bytes of screen output
        self.last_output = 0.0  # perf_counter of the last output
        self.first_output = None  # perf_counter of the first output since it was last set to None
        self.timings = {}
        self.steps = []  # what was done, for the failure message
        self._lines = None  # the rows as text, until more output comes
        self._rows = []

    # -- connecting

    def connect(self):
        """TCP, SSH (password = the code), LANG, a pty, a shell. Returns the seconds it took."""
        start = time.perf_counter()
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        try:
            # TCP_NODELAY, as OpenSSH sets for an interactive session: without it, paramiko's small
            # writes during the key exchange and the login wait for delayed ACKs (about 90 ms).
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.client.connect(self.host, port=self.port, username="participant", password=self.code, sock=sock,
                                look_for_keys=False, allow_agent=False, timeout=self.timeout,
                                banner_timeout=self.timeout, auth_timeout=self.timeout)
            self.channel = self.client.get_transport().open_session(timeout=self.timeout)
            self.channel.update_environment({"LANG": LOCALES[self.language]})
            self.channel.get_pty(term=TERM, width=self.screen.columns, height=self.screen.lines)
            self.channel.invoke_shell()
        except (paramiko.SSHException, OSError, EOFError) as error:
            raise DriverError(f"{self.name}: could not connect to {self.host}:{self.port}: {type(error).__name__}: {error}")
        self.timings["connected"] = time.perf_counter() - start
        self.connect_start = start
        return self.timings["connected"]

    def spawn(self, binary, session):
        """No SSH: `omnigap join SESSION --lang L` on a local pty of the same size, driven the
        same way (to tell the screens' own time from what SSH adds)."""
        start = time.perf_counter()
        self.channel = PtyChannel([binary, "join", session, "--lang", self.language], self.screen.columns, self.screen.lines)
        self.connect_start = start
        return self.channel

    def close(self):
        if self.client is not None:
            try:
                self.client.close()
            except Exception:
                pass
        if isinstance(self.channel, PtyChannel):
            self.channel.close()

    # -- the screen

    @property
    def lines(self):
        """The screen's rows as text, computed once per batch of output (pyte's `display` is
        slow enough to matter with fifty participants in one process)."""
        if self._lines is None:
            screen = self.screen
            if len(self._rows) != screen.lines:
                self._rows = [""] * screen.lines
                screen.dirty.update(range(screen.lines))
            columns = range(screen.columns)
            # Only the rows pyte marked changed; a wide character's second cell holds "", so
            # joining the cells gives the row.
            for y in screen.dirty:
                if 0 <= y < screen.lines:
                    row = screen.buffer[y]
                    self._rows[y] = "".join(row[x].data for x in columns)
            screen.dirty.clear()
            self._lines = list(self._rows)
        return self._lines

    @property
    def text(self):
        return "\n".join(self.lines)

    def footer(self):
        """The key line at the bottom: the last two lines with text (it takes two when long)."""
        filled = [line.strip() for line in self.lines if line.strip()]
        return " ".join(filled[-2:])

    def refresh(self):
        """Every row recomputed, not only those pyte marked changed."""
        self.screen.dirty.update(range(self.screen.lines))
        self._lines = None

    def dump(self):
        self.refresh()
        border = "+" + "-" * self.screen.columns + "+"
        return "\n".join([border] + ["|" + line + "|" for line in self.lines] + [border])

    def fail(self, what):
        steps = "; ".join(self.steps[-8:])
        raise DriverError(f"{self.name} ({self.language}): {what}; the last steps: {steps}; the screen shows:\n{self.dump()}")

    def read(self, deadline):
        """Feeds what arrives before `deadline` into the screen; False when nothing came."""
        remaining = deadline - time.perf_counter()
        if remaining <= 0 or self.closed:
            return False
        self.channel.settimeout(remaining)
        try:
            data = self.channel.recv(65536)
        except socket.timeout:
            return False
        if not data:
            self.closed = True
            return False
        if self.first_output is None:
            self.first_output = time.perf_counter()
        self.received += len(data)
        self.last_output = time.perf_counter()
        self.stream.feed(data)
        self._lines = None
        # Take whatever else is already there before looking at the screen.
        while self.channel.recv_ready():
            more = self.channel.recv(65536)
            if not more:
                self.closed = True
                break
            self.received += len(more)
            self.stream.feed(more)
            self._lines = None
        return True

    def wait_for(self, test, what, timeout=None):
        """Reads until `test(self)` holds; fails with the screen after `timeout` seconds."""
        deadline = time.perf_counter() + (timeout or self.timeout)
        while True:
            result = test(self)
            if result:
                return result
            if self.closed:
                self.fail(f"the connection closed while waiting for {what}")
            if not self.read(deadline) and time.perf_counter() >= deadline:
                self.refresh()
                result = test(self)
                if result:
                    return result
                self.fail(f"{what} did not appear within {timeout or self.timeout:g} s")

    def wait_text(self, text, what=None, timeout=None):
        return self.wait_for(lambda p: text in p.text, what or f'"{text}"', timeout)

    def settle(self, quiet=0.3, timeout=None):
        """Reads until no output has come for `quiet` seconds (a screen drawn to the end)."""
        deadline = time.perf_counter() + (timeout or self.timeout)
        while time.perf_counter() < deadline:
            if not self.read(min(deadline, time.perf_counter() + quiet)):
                return
        self.fail(f"the output never settled within {timeout or self.timeout:g} s")

    def send(self, keys):
        self.steps.append("sent " + repr(keys))
        data = keys.encode("utf-8")
        while data:
            sent = self.channel.send(data)
            if sent <= 0:
                self.fail("the channel refused input")
            data = data[sent:]

    def arrow(self, direction, times=1):
        """An arrow key as the terminal sends it: ESC O x once the application has switched the
        cursor keys to application mode (ncurses' keypad, xterm's kcud1 = ESC O B), else ESC [ x."""
        prefix = "\x1bO" if DECCKM in self.screen.mode else "\x1b["
        return (prefix + ARROWS[direction]) * times

    # -- which screen is this

    def on_join(self):
        return self.words["join"] in self.text and self.words["join_keys"] in self.footer()

    def on_overview(self):
        return self.words["overview"] in self.text and self.words["overview_keys"] in self.footer()

    def on_intro(self):
        return self.words["intro_keys"] in self.footer()

    def on_item(self):
        footer = self.footer()
        return any(self.words[k] in footer for k in ("maturity_keys", "choice_keys", "number_keys", "text_keys"))

    def on_review(self):
        return self.words["review_keys"] in self.footer()

    def counter(self):
        """The item screen's "N of TOTAL", as (N, TOTAL), or None."""
        found = COUNTER.search(self.lines[2]) if len(self.lines) > 2 else None
        return (int(found.group(1)), int(found.group(2))) if found else None

    def rating(self):
        for line in self.lines:
            found = RATING.search(line)
            if found:
                return found.group(1), found.group(2)
        return None

    # -- the flow

    def reach_join_screen(self, timeout=None):
        self.wait_for(Participant.on_join, "the join screen", timeout)
        self.timings["first_screen"] = time.perf_counter() - self.connect_start
        return self.timings["first_screen"]

    def join(self, name, department_index):
        """Types the name, picks the department (Down × index), and reaches the overview, through
        the resume-code screen when there is one."""
        self.name = name
        self.send(name)
        self.wait_for(lambda p: any(p.words["name"] in line and name in line for line in p.lines), "the typed name")
        self.send(ENTER + self.arrow("down", department_index) + ENTER)
        while True:
            state = self.wait_for(Participant.after_joining, "the overview after joining")
            if state == "name in use":
                self.fail("the name is taken")
            if state == "other":
                # Neither the join form nor the overview, not even in part: a screen that says so
                # in another language than English, or a frame that is still coming. Once the
                # output settles, it is taken for the resume-code screen if it is still neither.
                self.settle()
                state = self.after_joining()
                if state == "other":
                    state = "resume code"
            if state == "resume code":
                self.timings["resume_code_screen"] = True
                self.send(ENTER)
                self.wait_for(lambda p: p.on_overview() and not p.shows_resume_code(), "the overview after the resume-code screen")
                break
            if state == "overview":
                break
        if name not in self.lines[0]:
            self.fail("the overview's title line does not name the participant")

    def shows_resume_code(self):
        text = self.text.lower()
        return any(words in text for words in RESUME_CODE)

    def after_joining(self):
        """Which screen follows the join form: "overview", "resume code", "name in use", "other"
        (neither title is there), or None (the join form, or a frame still coming)."""
        text = self.text
        if self.shows_resume_code():
            return "resume code"
        if self.on_overview():
            return "overview"
        if self.words["name_in_use"] in text:
            return "name in use"
        if self.words["join"] not in text and self.words["overview"] not in text:
            return "other"
        return None

    def new_item(self, catalog, previous):
        """The item on screen once it is drawn to the end and is not `previous` (an id), or None.
        ncurses sends a frame top to bottom and only what changed, and a frame can come in more
        than one read: so the counter, then the prompt of another item, then (on a maturity item,
        never answered yet) a rating line with no stage must all be there."""
        if not self.on_item() or self.counter() is None:
            return None
        item = catalog.item_on(self.language, self.lines)
        if item is None or item["id"] == previous:
            return None
        if item["kind"] == "maturity" and self.rating() != (NOT_GIVEN, NOT_GIVEN):
            return None
        return item

    def first_item(self, catalog):
        """From the overview: the first item, through its module's introduction."""
        self.send(ENTER)
        self.wait_for(lambda p: p.on_intro() or p.new_item(catalog, None), "the introduction or the first item")
        if self.on_intro():
            self.send(ENTER)
            self.wait_for(lambda p: p.new_item(catalog, None), "the first item")
        return self.new_item(catalog, None)

    def next_item(self, catalog, previous):
        """After Enter on item `previous`: the next item, through a module's introduction; None
        when the questions ran out (the review screen)."""
        found = self.wait_for(lambda p: p.on_intro() or p.on_review() or p.new_item(catalog, previous),
                              f"the screen after {previous}")
        if self.on_intro():
            self.send(ENTER)
            found = self.wait_for(lambda p: p.new_item(catalog, previous), "the item after the introduction")
        return None if self.on_review() else found

    def rate(self, current, target):
        """Types a current and a target stage on a maturity item, and waits until both show."""
        self.send(str(current))
        self.wait_for(lambda p: (r := p.rating()) is not None and r[0] == str(current), f"current stage {current} on the rating line")
        self.send(str(target))
        self.wait_for(lambda p: p.rating() == (str(current), str(target)), f"stages {current} → {target} on the rating line")

    def answer(self, catalog, count, stages):
        """From the first item: answers the first `count` maturity items with `stages(k)` =
        (current, target), the k-th one's; passes every other item unanswered with Enter.
        Returns {item id: [current, target]}."""
        answers = {}
        seen = 0
        item = self.first_item(catalog)
        while True:
            seen += 1
            counter = self.counter()
            self.steps.append(f"item {counter[0]} of {counter[1]}: {item['id']}")
            if item["kind"] == "maturity":
                if item["id"] in answers:
                    self.fail(f"item {item['id']} came twice")
                current, target = stages(len(answers))
                self.rate(current, target)
                answers[item["id"]] = [current, target]
                if len(answers) == count:
                    break
            self.send(ENTER)
            item = self.next_item(catalog, item["id"])
            if item is None:
                self.fail(f"the questions ran out after {len(answers)} maturity items")
        self.timings["items_seen"] = seen
        return answers

    def first_maturity_item(self, catalog):
        """From the overview: the first maturity item (others passed with Enter), remembered as
        `home` (id, counter) with its current stage as `stage`."""
        item = self.first_item(catalog)
        while item["kind"] != "maturity":
            self.send(ENTER)
            item = self.next_item(catalog, item["id"])
            if item is None:
                self.fail("no maturity item")
        self.home = (item["id"], self.counter()[0])
        self.stage = (self.rating() or (NOT_GIVEN,))[0]
        return item

    def timed_keys(self, catalog, rounds, pace, times, random_pause=random.uniform):
        """On the `home` maturity item: rounds of four keys, each timed from sending it until the
        screen shows what it did (and until the first byte came back): → or ← on the current
        stage (1 ↔ 2; each saves the answer), then PageDown to the next item and PageUp back
        (nothing saved). `times` gets lists "stage", "move", "first" (seconds) and "timeouts"
        (messages); a pause of `pace` seconds (±50%) follows each key."""
        home, number = self.home
        for _ in range(rounds):
            for step in ("stage", "stage", "down", "up"):
                if step == "stage":
                    right = self.stage in (NOT_GIVEN, "1")
                    expected = "1" if self.stage == NOT_GIVEN else str(int(self.stage) + (1 if right else -1))
                    key, sink = self.arrow("right" if right else "left"), "stage"
                    test = lambda p: (p.rating() or ("?",))[0] == expected
                elif step == "down":
                    key, sink = PAGE_DOWN, "move"
                    test = lambda p: p.on_item() and (c := p.counter()) is not None and c[0] == number + 1 \
                        and (item := catalog.item_on(p.language, p.lines)) is not None and item["id"] != home
                else:
                    key, sink, stage = PAGE_UP, "move", self.stage
                    test = lambda p: (c := p.counter()) is not None and c[0] == number \
                        and (item := catalog.item_on(p.language, p.lines)) is not None and item["id"] == home \
                        and (p.rating() or ("?",))[0] == stage
                while self.channel.recv_ready():  # nothing left over from before
                    self.read(time.perf_counter() + 1)
                self.first_output = None
                start = time.perf_counter()
                self.send(key)
                try:
                    self.wait_for(test, f"the screen after {step}", timeout=10)
                except DriverError as error:
                    times["timeouts"].append(str(error))
                    return
                times[sink].append(time.perf_counter() - start)
                if self.first_output is not None:
                    times["first"].append(self.first_output - start)
                if step == "stage":
                    self.stage = expected
                if pace:
                    time.sleep(random_pause(0.5, 1.5) * pace)

    def leave(self):
        """Esc to the overview, q, y: the goodbye, and the connection ends with status 0."""
        self.send(ESC)
        self.wait_for(Participant.on_overview, "the overview after Esc")
        self.send("q")
        self.wait_text(self.words["leave"], "the question whether to leave")
        self.send("y")
        self.wait_text(self.words["goodbye"], "the goodbye")
        status = self.wait_end()
        if status != 0:
            self.fail(f"the screens ended with exit status {status}")

    def wait_end(self, timeout=None):
        """Reads until the server closes the channel; returns its exit status (-1 if none)."""
        deadline = time.perf_counter() + (timeout or self.timeout)
        while not self.closed:
            if not self.read(deadline) and time.perf_counter() >= deadline:
                self.fail(f"the connection did not end within {timeout or self.timeout:g} s")
        if not self.channel.status_event.wait(max(0.1, deadline - time.perf_counter())):
            return -1
        return self.channel.recv_exit_status()


# ----------------------------------------------------------------------------------------------
# Many at once.

def participant_plan(index, languages, departments):
    """Participant `index`'s language, department and unique name."""
    language = languages[index % len(languages)]
    department = (index // len(languages)) % len(departments)  # every language meets every department
    first = FIRST_NAMES[language][index % len(FIRST_NAMES[language])]
    return language, department, f"{first} Load-{index + 1:03d}"


def stages_for(index):
    """The k-th answer of participant `index`: current and target stages, varied and repeatable."""
    return lambda k: (1 + (index + k) % 4, 1 + (index + 2 * k + 1) % 4)


def run_participants(host, port, code, catalog, count, items, languages, timeout, on_start=None):
    """`count` participants at once, each connecting, joining, answering and leaving. Returns a
    list of result dicts (with "error" set for the ones that failed)."""
    results = [None] * count
    start_line = threading.Barrier(count)

    def one(index):
        language, department, name = participant_plan(index, languages, catalog.departments)
        result = {"index": index, "name": name, "language": language, "department": catalog.departments[department]}
        participant = Participant(host, port, code, language, name, timeout)
        try:
            start_line.wait(timeout)
            started = time.perf_counter()
            participant.connect()
            participant.reach_join_screen()
            participant.join(name, department)
            result["answers"] = participant.answer(catalog, items, stages_for(index))
            participant.leave()
            result["seconds"] = time.perf_counter() - started
        except DriverError as error:
            result["error"] = str(error)
        except Exception as error:  # a driver bug or a paramiko surprise: still one participant's failure
            result["error"] = f"{name}: {type(error).__name__}: {error}\n{participant.dump()}"
        finally:
            result["timings"] = participant.timings
            participant.close()
            results[index] = result

    threads = [threading.Thread(target=one, args=(index,), daemon=True) for index in range(count)]
    for thread in threads:
        thread.start()
    if on_start:
        on_start()
    for thread in threads:
        thread.join()
    return results


def percentile(values, fraction):
    """The nearest-rank percentile of `values` (a fraction in 0…1)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


# ----------------------------------------------------------------------------------------------
# The command line.

def command_run(options):
    catalog = Catalog(options.binary, options.session)
    languages = options.langs.split(",")
    started = time.perf_counter()
    results = run_participants(options.host, options.port, options.code, catalog, options.count, options.items,
                               languages, options.timeout)
    elapsed = time.perf_counter() - started
    failures = [r for r in results if "error" in r]
    if options.results:
        with open(options.results, "w", encoding="utf-8") as file:
            json.dump({"participants": results, "seconds": elapsed}, file, ensure_ascii=False, indent=1)
    done = [r for r in results if "error" not in r]
    first = [r["timings"]["first_screen"] * 1000 for r in results if "first_screen" in r["timings"]]
    resumed = sum(1 for r in results if r["timings"].get("resume_code_screen"))
    print(f"{len(done)} of {len(results)} participants joined, answered {options.items} items each and left "
          f"in {elapsed:.1f} s; connection to join screen p50 {percentile(first, 0.5):.0f} ms, "
          f"max {max(first, default=float('nan')):.0f} ms; resume-code screen seen by {resumed}")
    for failure in failures[:3]:
        print(failure["error"], file=sys.stderr)
    if len(failures) > 3:
        print(f"... and {len(failures) - 3} more failed: " + ", ".join(f["name"] for f in failures[3:]), file=sys.stderr)
    return 1 if failures else 0


def command_hold(options):
    participants = [Participant(options.host, options.port, options.code, "en", f"holder {i + 1}", options.first_screen)
                    for i in range(options.count)]
    errors = [None] * options.count

    def reach(index):
        try:
            participants[index].connect()
            participants[index].reach_join_screen()
        except DriverError as error:
            errors[index] = str(error)

    threads = [threading.Thread(target=reach, args=(i,)) for i in range(options.count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = [p.timings.get("first_screen", float("nan")) * 1000 for p in participants]
    failed = [e for e in errors if e]
    print(f"{options.count - len(failed)} of {options.count} fresh connections reached the join screen "
          f"(slowest {max(times):.0f} ms)", flush=True)
    for error in failed:
        print(error, file=sys.stderr)
    if options.ready:
        with open(options.ready + ".partial", "w") as file:
            json.dump({"first_screen_ms": times, "failed": len(failed)}, file)
        os.rename(options.ready + ".partial", options.ready)
    if failed:
        return 1
    # Now the server is stopped by whoever runs this: every connection must be ended by it.
    ended = 0
    for participant in participants:
        try:
            status = participant.wait_end(options.end)
            ended += 1
            print(f"{participant.name}: ended (exit status {status})", flush=True)
        except DriverError as error:
            print(str(error), file=sys.stderr)
    for participant in participants:
        participant.close()
    return 0 if ended == options.count else 1


def command_type(options):
    """COUNT participants (numbered from FIRST) connect, join and open their first maturity item;
    the line {"ready": …} says so; a line on stdin starts the typing (timed_keys); the times come
    out as one JSON line; the connections stay until stdin closes. For bench-serve.sh, which runs
    several of these so that the client's own work is spread over processes."""
    catalog = Catalog(options.binary, options.session)
    languages = list(LOCALES)
    participants, errors = [], []

    def prepare(index):
        language, department, name = participant_plan(index, languages, catalog.departments)
        participant = Participant(options.host, options.port, options.code, language, name, options.timeout)
        try:
            participant.connect()
            participant.reach_join_screen()
            participant.join(name, department)
            participant.first_maturity_item(catalog)
            participants.append(participant)
        except DriverError as error:
            errors.append(str(error))
            participant.close()

    threads = [threading.Thread(target=prepare, args=(i,)) for i in range(options.first, options.first + options.count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"ready": len(participants), "errors": errors[:3]}), flush=True)
    if not sys.stdin.readline():
        return 1
    times = {"stage": [], "move": [], "first": [], "timeouts": []}
    cpu = time.process_time()
    threads = [threading.Thread(target=p.timed_keys, args=(catalog, options.rounds, options.pace, times)) for p in participants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times["cpu"] = time.process_time() - cpu
    print(json.dumps(times), flush=True)
    sys.stdin.read()
    for participant in participants:
        participant.close()
    return 0


def command_show(options):
    participant = Participant(options.host, options.port, options.code, options.lang)
    participant.connect()
    participant.reach_join_screen()
    participant.settle()
    print(participant.dump())
    print(f"first screen after {participant.timings['first_screen'] * 1000:.0f} ms")
    participant.close()
    return 0


def main(arguments=None):
    parser = argparse.ArgumentParser(description="Participants over SSH for omnigap serve.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("run", "hold", "show", "type"):
        command = commands.add_parser(name)
        command.add_argument("--host", default="127.0.0.1")
        command.add_argument("--port", type=int, required=True)
        command.add_argument("--code", required=True)
        if name in ("run", "type"):
            command.add_argument("--binary", default="omnigap", help="omnigap, to read the session's modules")
            command.add_argument("--session", required=True)
            command.add_argument("--timeout", type=float, default=30.0)
        if name == "type":
            command.add_argument("--first", type=int, default=0)
            command.add_argument("--count", type=int, default=10)
            command.add_argument("--rounds", type=int, default=10)
            command.add_argument("--pace", type=float, default=0.2)
        if name == "run":
            command.add_argument("--count", type=int, default=50)
            command.add_argument("--items", type=int, default=20)
            command.add_argument("--langs", default="en,pl,sv,it")
            command.add_argument("--results")
        if name == "hold":
            command.add_argument("--count", type=int, default=5)
            command.add_argument("--first-screen", type=float, default=5.0)
            command.add_argument("--ready")
            command.add_argument("--end", type=float, default=15.0)
        if name == "show":
            command.add_argument("--lang", default="en", choices=sorted(LOCALES))
    options = parser.parse_args(arguments)
    return {"run": command_run, "hold": command_hold, "show": command_show, "type": command_type}[options.command](options)


if __name__ == "__main__":
    sys.exit(main())
