#!/usr/bin/env python3
"""ansi2svg.py - a terminal screen with its colours (tmux capture-pane -e)
to an SVG picture: one cell a character, SGR colours and attributes
(bold, dim, underline, reverse; 8, 16, 256 and 24-bit colours), wide
characters two cells. For the README's pictures (tools/screenshots.sh).

	ansi2svg.py COLS ROWS < screen.ansi > screen.svg
"""
import re
import sys
import unicodedata
from xml.sax.saxutils import escape

CW, CH, FONT = 8.4, 17, 13.95       # cell width and height, font size (px): DejaVu Sans
                                    # Mono advances 0.602 em, 8.4 px at 13.95
FG, BG = "#d0d0d0", "#1c1c1c"       # the terminal's default colours

BASE16 = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
          "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.underline = self.reverse = False

    def key(self):
        return (self.fg, self.bg, self.bold, self.dim, self.underline, self.reverse)

    def sgr(self, params):
        p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
        i = 0
        while i < len(p):
            c = p[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(p):
                if p[i + 1] == 5 and i + 2 < len(p):
                    colour = xterm256(p[i + 2] % 256)
                    i += 2
                elif p[i + 1] == 2 and i + 4 < len(p):
                    colour = "#%02x%02x%02x" % tuple(v % 256 for v in p[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
                i += 1
            i += 1


SEQ = re.compile(r"\x1b\[([0-9;]*)([A-Za-z])|\x1b[()][0-9A-Za-z]|\x1b.")


def cells(line, style):
    """The line's cells: (character, width, style key); style carries on."""
    out, pos = [], 0
    for m in SEQ.finditer(line):
        for ch in line[pos:m.start()]:
            out += cell(ch, style)
        if m.group(2) == "m":
            style.sgr(m.group(1))
        pos = m.end()
    for ch in line[pos:]:
        out += cell(ch, style)
    return out


def cell(ch, style):
    if unicodedata.combining(ch) or ord(ch) < 32:
        return []
    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    return [(ch, 2 if wide else 1, style.key())]


def colours(key):
    fg, bg, bold, dim, underline, reverse = key
    fg, bg = fg or FG, bg or BG
    if reverse:
        fg, bg = bg, fg
    return fg, bg


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    style = Style()
    lines = sys.stdin.read().split("\n")[:rows]
    w, h = cols * CW, rows * CH
    rects, texts = [], []
    for y, line in enumerate(lines):
        x = 0
        run, run_x, run_key = "", 0, None

        def flush():
            if run.strip() and run_key is not None:
                fg, _ = colours(run_key)
                attrs = ' font-weight="bold"' if run_key[2] else ""
                attrs += ' opacity="0.6"' if run_key[3] else ""
                attrs += ' text-decoration="underline"' if run_key[4] else ""
                # The font's advance may not be CW: pin the run's width.
                cols_used = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
                                for c in run)
                texts.append('<text x="%.1f" y="%.1f" fill="%s" textLength="%.1f" '
                             'lengthAdjust="spacingAndGlyphs"%s>%s</text>' % (
                                 run_x * CW, y * CH + CH * 0.78, fg, cols_used * CW, attrs,
                                 # no-break spaces: a renderer may fold plain ones
                                 escape(run).replace(" ", "&#160;")))

        spans = []                      # [x, cells, colour] of backgrounds
        for ch, width, key in cells(line, style):
            fg, bg = colours(key)
            if bg != BG:
                if spans and spans[-1][0] + spans[-1][1] == x and spans[-1][2] == bg:
                    spans[-1][1] += width
                else:
                    spans.append([x, width, bg])
            # A run of one style and one-cell characters is one text; a
            # wide character stands alone at its own place. ASCII and the
            # rest (braille, blocks, box lines) go in runs of their own: a
            # renderer may take those from another font, of another
            # advance, and spread a mixed run unevenly over its width.
            if key != run_key or width != 1 or (run and (ord(run[-1]) < 128) != (ord(ch) < 128)):
                flush()
                run, run_x, run_key = "", x, key
            run += ch
            if width != 1:
                flush()
                run, run_x, run_key = "", x + width, key
            x += width
        flush()
        for sx, n, bg in spans:
            rects.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (
                sx * CW, y * CH, n * CW + 0.3, CH, bg))
    print('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">' % (
        w, h, w, h))
    print('<rect width="100%%" height="100%%" fill="%s"/>' % BG)
    print("\n".join(rects))
    print('<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="%g" '
          'xml:space="preserve">' % FONT)
    print("\n".join(texts))
    print("</g></svg>")


if __name__ == "__main__":
    main()
