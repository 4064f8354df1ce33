# layout_check.py — reads a console layout dump (YQ_UI_LAYOUT: "x y w h text_w win_w win_h label" per control)
# and prints one problem a line: a control outside the window, a label that needs more room than it has, two
# controls overlapping (pop-up notices may cover panels, not each other), fewer controls than expected.
# Exit 1 when there is a problem. Usage: python3 layout_check.py DUMP MIN_CONTROLS
import sys

rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    x, y, w, h, tw, ww, wh, label = line.rstrip("\n").split(" ", 7)
    rows.append((int(x), int(y), int(w), int(h), int(tw), int(ww), int(wh), label))
bad = []
if len(rows) < int(sys.argv[2]):
    bad.append("only %d controls drawn, expected at least %s" % (len(rows), sys.argv[2]))
for x, y, w, h, tw, ww, wh, label in rows:
    if x < 0 or y < 0 or x + w > ww or y + h > wh or w <= 0 or h <= 0:
        bad.append("%s at %d,%d %dx%d is outside the %dx%d window" % (label, x, y, w, h, ww, wh))
    if tw > w:
        bad.append("%s needs %d px but has %d: clipped" % (label, tw, w))
for i, a in enumerate(rows):
    for b in rows[i + 1:]:
        if a[7].startswith("[notice]") != b[7].startswith("[notice]"):
            continue
        if a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]:
            bad.append("%s and %s overlap" % (a[7], b[7]))
print("\n".join(bad))
sys.exit(1 if bad else 0)
