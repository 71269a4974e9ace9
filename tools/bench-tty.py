#!/usr/bin/env python3
"""bench-tty.py - the figures of one make bench run (tools/bench.sh), per view.

    bench-tty.py SYMBOLS COLS ROWS MARKS STRACE TTYLOG [--save PATH | --against PATH |
                 --bytes-at-most N WHAT]

MARKS: lines "NAME EPOCH_SECONDS CPU_NS REFRESHES PEAK_RSS_KIB MINUTE_SERIES"
from bench.sh,
taken at the edges of each phase: NAME.start and NAME.end (watchlist,
heatmap, round: the rally board's first round of minute series, board: the
board between rounds). STRACE: strace -f -ttt -s 0 -e trace=write,poll of
hktop. TTYLOG: script(1)'s log of the pty, the same bytes as the writes.

One update is the writes to the terminal between two turns of the main
loop (its poll waits on more than one descriptor; curses' look for
typeahead polls stdin alone). Changed cells are counted by replaying the
bytes through a terminal emulator (python3-pyte) and comparing the screen
before and after each update, cell by cell, as a person would see it: a
space's foreground colour or boldness does not count.

Budgets are issue 13's; a figure over budget prints a line saying so and
does not fail the bench (people read them).

--save PATH keeps the watchlist's idle cost; --against PATH compares this
run's with it (issue 15: 1,000 alert rules armed leave the idle cost
unchanged: its CPU in % of a core within UNCHANGED_RATIO of it, or
UNCHANGED_PCT above it, the noise of a short run on a shared machine).
"""
import re
import sys

try:
    import pyte
except ImportError:
    pyte = None

LINE = re.compile(r'^(\d+)\s+(\d+\.\d+)\s+(.*)$')
WRITE = re.compile(r'^write\((\d+),.*\)\s+=\s+(-?\d+)')
WRITE_START = re.compile(r'^write\((\d+),.*<unfinished \.\.\.>$')
WRITE_RESUMED = re.compile(r'^<\.\.\. write resumed>.*\)\s+=\s+(-?\d+)')
LOOP_POLL = re.compile(r'^poll\(\[.*\], ([2-9]|[1-9][0-9]+), ')

MIB = 1024.0
UNCHANGED_RATIO = 1.5
UNCHANGED_PCT = 0.05


def budgets(symbols, view):
    """(figure, limit, unit) pairs that apply to this size and view."""
    b = [('writes_per_refresh', 8, ''), ('bytes_per_cell', 2, '')]
    if symbols <= 40 and view == 'watchlist':
        b += [('idle_cpu_percent', 0.5, '% of a core'), ('peak_rss_mib', 12, ' MiB')]
    # The 3,000-symbol watchlist's CPU a refresh is held to its budget in a
    # run of its own, not under strace (bench.sh cpu()): the tracer's stops
    # are charged to hktop.
    if symbols >= 3000 and view in ('round', 'board'):
        b += [('peak_rss_mib', 64, ' MiB')]
    if symbols >= 3000 and view == 'round':
        b += [('cpu_s', 5, ' s')]
    return b


def check(symbols, view, f, refreshes, replay):
    """A line for each figure over its budget."""
    over = []
    for name, limit, unit in budgets(symbols, view):
        if name == 'bytes_per_cell' and not replay:
            continue
        if name in ('writes_per_refresh', 'bytes_per_cell') and (refreshes == 0 or view == 'round'):
            continue
        if f[name] > limit:
            over.append('  OVER BUDGET: %d symbols, %s: %s %.2f%s > %g%s' % (
                symbols, view, name, f[name], unit, limit, unit))
    return over


def read_marks(path):
    marks = {}
    with open(path) as f:
        for line in f:
            name, t, cpu, refreshes, rss, series = line.split()
            marks[name] = (float(t), int(cpu), int(refreshes), int(rss), int(series))
    return marks


def read_updates(path):
    """[(time, [bytes of each write to fd 1])] in order."""
    updates, cur, pending = [], None, {}
    with open(path, errors='replace') as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            pid, t, call = m.group(1), float(m.group(2)), m.group(3)
            if LOOP_POLL.match(call):
                cur = None
                continue
            n = None
            w = WRITE.match(call)
            if w and w.group(1) == '1':
                n = int(w.group(2))
            elif WRITE_START.match(call):
                pending[pid] = (t, WRITE_START.match(call).group(1))
                continue
            else:
                r = WRITE_RESUMED.match(call)
                if r and pid in pending:
                    t, fd = pending.pop(pid)
                    if fd == '1':
                        n = int(r.group(1))
            if n is None or n < 0:
                continue
            if cur is None:
                cur = (t, [])
                updates.append(cur)
            cur[1].append(n)
    return updates


def visible(ch):
    """What a person sees of a cell: a blank shows only its background."""
    if ch.data == ' ' and not ch.underscore:
        return (' ', ch.reverse and ch.fg or ch.bg, ch.reverse)
    return (ch.data, ch.fg, ch.bg, ch.bold, ch.underscore, ch.reverse)


class Replay:
    """The pty's bytes through pyte, one update at a time."""

    def __init__(self, path, cols, rows):
        with open(path, 'rb') as f:
            data = f.read()
        # script(1) starts its log with a line of its own.
        self.data = data[data.index(b'\n') + 1:] if data.startswith(b'Script started') else data
        self.off = 0
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.shown = self.snapshot()

    def snapshot(self):
        s = self.screen
        return [[visible(s.buffer[y][x]) for x in range(s.columns)] for y in range(s.lines)]

    def feed(self, nbytes):
        """Feed one update's bytes; the number of cells that changed."""
        self.stream.feed(self.data[self.off:self.off + nbytes])
        self.off += nbytes
        now = self.snapshot()
        changed = sum(a != b for old, new in zip(self.shown, now) for a, b in zip(old, new))
        self.shown = now
        return changed


def main():
    symbols, cols, rows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    marks = read_marks(sys.argv[4])
    updates = read_updates(sys.argv[5])
    replay = Replay(sys.argv[6], cols, rows) if pyte else None
    phases = [p for p in ('watchlist', 'heatmap', 'round', 'board')
              if p + '.start' in marks and p + '.end' in marks]
    stats = {p: {'updates': 0, 'writes': 0, 'most': 0, 'bytes': 0, 'cells': 0} for p in phases}

    for t, writes in updates:
        cells = replay.feed(sum(writes)) if replay else 0
        for p in phases:
            if marks[p + '.start'][0] <= t < marks[p + '.end'][0]:
                s = stats[p]
                s['updates'] += 1
                s['writes'] += len(writes)
                s['most'] = max(s['most'], len(writes))
                s['bytes'] += sum(writes)
                s['cells'] += cells
    polls = []
    with open(sys.argv[5], errors='replace') as f:
        for line in f:
            m = LINE.match(line)
            if m and LOOP_POLL.match(m.group(3)):
                polls.append(float(m.group(2)))

    print('  %-9s %5s %8s %7s %6s %7s %6s %8s %6s %7s %6s' % (
        'view', 'secs', 'refreshes', 'cpu_ms', 'cpu%', 'wakeup/s', 'writes',
        'bytes', 'B/cell', 'upd_max', 'RSS'))
    print('  %-9s %5s %8s %7s %6s %7s %6s %8s %6s %7s %6s' % (
        '', '', '', '/refr', 'core', '', '/refr', '/refr', '', 'writes', 'MiB'))
    over = []
    idle = {}
    sent = {}
    for p in phases:
        t0, cpu0, r0, _, n0 = marks[p + '.start']
        t1, cpu1, r1, rss, n1 = marks[p + '.end']
        s = stats[p]
        secs = t1 - t0
        refreshes = r1 - r0
        per = max(refreshes, 1)
        f = {
            'cpu_s': (cpu1 - cpu0) / 1e9,
            'cpu_ms_per_refresh': (cpu1 - cpu0) / 1e6 / per,
            'idle_cpu_percent': (cpu1 - cpu0) / 1e9 / secs * 100 if secs > 0 else 0,
            'wakeups_per_second': sum(t0 <= x < t1 for x in polls) / secs if secs > 0 else 0,
            'writes_per_refresh': s['writes'] / per,
            'bytes_per_refresh': s['bytes'] / per,
            'bytes_per_cell': s['bytes'] / s['cells'] if s['cells'] else 0,
            'peak_rss_mib': rss / MIB,
        }
        idle[p] = (f['cpu_ms_per_refresh'], f['idle_cpu_percent'])
        sent[p] = f['bytes_per_refresh']
        cell = '%6.2f' % f['bytes_per_cell'] if replay else '     -'
        if p == 'round':
            print('  %-9s %5.1f   %d of %d minute series, %.2f s of CPU, %d updates, %.0f bytes, %s B/cell, peak RSS %.1f MiB' % (
                p, secs, n1 - n0, symbols, f['cpu_s'], s['updates'], s['bytes'], cell.strip(), f['peak_rss_mib']))
            if n1 - n0 < symbols:
                over.append('  OVER BUDGET: %d symbols, round: not over after %.0f s '
                            '(cut short: the board\'s figures include the rest of it)' % (symbols, secs))
            over += check(symbols, p, f, refreshes, replay)
            continue
        print('  %-9s %5.1f %8d %7.2f %6.2f %7.2f %6.1f %8.0f %s %7d %6.1f' % (
            p, secs, refreshes, f['cpu_ms_per_refresh'], f['idle_cpu_percent'],
            f['wakeups_per_second'], f['writes_per_refresh'], f['bytes_per_refresh'],
            cell, s['most'], f['peak_rss_mib']))
        over += check(symbols, p, f, refreshes, replay)
    if not replay:
        print('  (bytes per changed cell not counted: python3-pyte is not installed)')
    over += compare(sys.argv[7:], idle)
    over += bytes_limit(sys.argv[7:], sent)
    for line in over:
        print(line)


def compare(args, idle):
    """--save PATH / --against PATH: the watchlist's idle cost (CPU a
    refresh, % of a core) kept, or compared with the one kept; lines to
    print when over."""
    if len(args) != 2 or args[0] not in ('--save', '--against') or 'watchlist' not in idle:
        return []
    ms, pct = idle['watchlist']
    if args[0] == '--save':
        with open(args[1], 'w') as f:
            f.write('%f %f\n' % (ms, pct))
        return []
    try:
        with open(args[1]) as f:
            base_ms, base_pct = (float(x) for x in f.read().split())
    except (OSError, ValueError):
        print('  (no run without the rules to compare with)')
        return []
    limit = max(base_pct * UNCHANGED_RATIO, base_pct + UNCHANGED_PCT)
    print('  idle cost: %.3f %% of a core (%.2f ms a refresh), without the rules %.3f %% '
          '(%.2f ms); budget: unchanged, at most %.3f %%' % (pct, ms, base_pct, base_ms, limit))
    if pct > limit:
        return ['  OVER BUDGET: idle cost with 1,000 rules %.3f %% of a core > %.3f %%' % (pct, limit)]
    return []

def bytes_limit(args, sent):
    """--bytes-at-most N WHAT: the watchlist's bytes a refresh against N
    (issue 17: with sparklines and the flash, at most twice what a
    refresh sent before them); lines to print when over."""
    if len(args) != 3 or args[0] != '--bytes-at-most' or 'watchlist' not in sent:
        return []
    limit = float(args[1])
    print('  bytes a refresh: %.0f; budget: at most %.0f (%s)' % (sent['watchlist'], limit, args[2]))
    if sent['watchlist'] > limit:
        return ['  OVER BUDGET: %.0f bytes a refresh > %.0f' % (sent['watchlist'], limit)]
    return []


if __name__ == '__main__':
    main()
