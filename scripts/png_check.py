#!/usr/bin/env python3
"""Checks a PNG for scripts/e2e-browser.sh, with the standard library only.

A minimal PNG decoder (8-bit greyscale, RGB, greyscale+alpha or RGBA; non-interlaced; filter types
0-4) and checks on its pixels:

  png_check.py FILE [--min-ink FRACTION] [--min-colours N] [--colour NAME=R,G,B,TOL,MIN ...]
  png_check.py FILE --top N        (prints the N commonest colours, to pick tolerances)

--min-ink: the share of pixels that are not (near) white must be at least FRACTION.
--min-colours: at least N distinct colours.
--colour: at least MIN pixels lie within TOL of R,G,B in every channel.
Prints what it measured; exits 1 when a check fails, 2 when the file cannot be read.
"""
import argparse
import struct
import sys
import zlib
from collections import Counter

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel


def decode(path):
    """Returns (width, height, rows) with each row a bytes of RGB triples."""
    data = open(path, "rb").read()
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    pos, idat, header = len(SIGNATURE), [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            raise ValueError("truncated chunk %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in CHANNELS or interlace != 0:
        raise ValueError("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour_type, interlace))
    bpp = CHANNELS[colour_type]
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    if len(raw) < height * (stride + 1):
        raise ValueError("image data too short")
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:    # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise ValueError("unknown filter type %d in row %d" % (kind, y))
        rows.append(bytes(line))
        previous = line
    return width, height, [to_rgb(row, colour_type) for row in rows]


def to_rgb(row, colour_type):
    """Flattens a row to RGB over white (alpha composited, greyscale spread)."""
    if colour_type == 2:
        return row
    out = bytearray()
    if colour_type in (0, 4):
        step = CHANNELS[colour_type]
        for i in range(0, len(row), step):
            g = row[i]
            if colour_type == 4:
                a = row[i + 1]
                g = (g * a + 255 * (255 - a)) // 255
            out += bytes((g, g, g))
        return bytes(out)
    for i in range(0, len(row), 4):  # RGBA
        r, g, b, a = row[i:i + 4]
        out += bytes(((r * a + 255 * (255 - a)) // 255, (g * a + 255 * (255 - a)) // 255, (b * a + 255 * (255 - a)) // 255))
    return bytes(out)


def colour_arg(text):
    try:
        name, values = text.split("=", 1)
        r, g, b, tol, least = (int(v) for v in values.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected NAME=R,G,B,TOL,MIN, got %r" % text)
    return name, (r, g, b), tol, least


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--min-ink", type=float)
    parser.add_argument("--min-colours", type=int)
    parser.add_argument("--colour", type=colour_arg, action="append", default=[])
    parser.add_argument("--top", type=int)
    args = parser.parse_args()
    try:
        width, height, rows = decode(args.file)
    except (OSError, ValueError, zlib.error) as error:
        print("%s: %s" % (args.file, error))
        return 2

    counts = Counter()
    for row in rows:
        counts.update(zip(row[0::3], row[1::3], row[2::3]))
    total = width * height
    if args.top:
        for rgb, n in counts.most_common(args.top):
            print("%3d,%3d,%3d  %d" % (rgb[0], rgb[1], rgb[2], n))
        return 0

    problems = []
    print("%s: %dx%d, %d distinct colours" % (args.file, width, height, len(counts)), end="")
    if args.min_ink is not None:
        ink = sum(n for rgb, n in counts.items() if min(rgb) < 245) / total
        print(", %.1f%% not white" % (100 * ink), end="")
        if ink < args.min_ink:
            problems.append("only %.1f%% of the pixels are not white (want %.1f%%)" % (100 * ink, 100 * args.min_ink))
    if args.min_colours is not None and len(counts) < args.min_colours:
        problems.append("only %d distinct colours (want %d)" % (len(counts), args.min_colours))
    for name, want, tol, least in args.colour:
        n = sum(c for rgb, c in counts.items() if all(abs(rgb[k] - want[k]) <= tol for k in range(3)))
        print(", %s %d px" % (name, n), end="")
        if n < least:
            problems.append("%s (rgb %d,%d,%d ± %d): %d pixels, want at least %d" % (name, *want, tol, n, least))
    print()
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
