"""How large an area each fill colour of a page's content stream paints, read from the
stream itself: the path operators that follow the colour, through the current
transformation (``cm``, ``q``/``Q``). The print PDF sets a large black area (a cover band)
in a rich black and small black shapes (a star, a bullet) in black ink alone; this is
how it tells them apart."""

from __future__ import annotations

from typing import Any

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
FILL_COLOURS = {b"rg", b"k", b"g", b"sc", b"scn"}
FILLS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
POINTS = {b"m": 2, b"l": 2, b"c": 6, b"v": 4, b"y": 4}


def painted_sizes(operations: list[tuple[Any, bytes]]) -> dict[int, tuple[float, float]]:
    """The width and height (points on the sheet) of the largest single path each fill
    colour operation (by index) paints; a colour that paints no path is left out."""
    ctm, current = IDENTITY, None
    saved: list[tuple[Matrix, int | None]] = []
    path: list[tuple[float, float]] = []
    sizes: dict[int, tuple[float, float]] = {}
    for index, (operands, operator) in enumerate(operations):
        if operator == b"q":
            saved.append((ctm, current))
        elif operator == b"Q" and saved:
            ctm, current = saved.pop()
        elif operator == b"cm" and len(operands) == 6:
            ctm = _multiply(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif operator in FILL_COLOURS:
            current = index
        elif operator == b"re" and len(operands) == 4:
            x, y, w, h = (float(v) for v in operands)
            path += [_apply(ctm, x, y), _apply(ctm, x + w, y + h)]
            path += [_apply(ctm, x + w, y), _apply(ctm, x, y + h)]
        elif operator in POINTS and len(operands) == POINTS[operator]:
            values = [float(v) for v in operands]
            path += [_apply(ctm, values[i], values[i + 1]) for i in range(0, len(values), 2)]
        elif operator in FILLS or operator in (b"n", b"S", b"s"):
            if operator in FILLS and current is not None and path:
                xs, ys = [p[0] for p in path], [p[1] for p in path]
                size = (max(xs) - min(xs), max(ys) - min(ys))
                known = sizes.get(current, (0.0, 0.0))
                if size[0] * size[1] > known[0] * known[1]:
                    sizes[current] = size
            path = []
    return sizes


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(ctm: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f
