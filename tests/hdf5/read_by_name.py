"""Reads a galaxy archive or subset with h5py, as an astronomer would, by names rather than positions.

usage: /usr/bin/python3 read_by_name.py <file.hdf5> '<[[x, y], ...]>'

The pixels are given in the galaxy's image. The file says where its arrays lie (`/galaxy/pixel`
attributes X_OFFSET, Y_OFFSET; 0 when absent) and what their third and fourth axes hold
(DIM3_NAMES, DIM4_NAMES); pixel (x, y) is in block ((x - X_OFFSET) // 1024, (y - Y_OFFSET) // 1024).
Prints JSON: every dataset (read in full, so every chunk is decompressed), the attributes, the area
tables and, for each pixel inside the file's box, {parameter: {statistic: value}}, the details and
{parameter: histogram}. NaN becomes null, fixed-length strings are decoded from UTF-8.
"""
import json
import math
import sys

import h5py
import numpy as np


def plain(v):
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.void) and v.dtype.names:
        return {n: plain(v[n]) for n in v.dtype.names}
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v]
    if isinstance(v, (np.floating, float)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, (np.integer, int)):
        return int(v)
    return v if isinstance(v, str) else str(v)


def main():
    path, pixels = sys.argv[1], json.loads(sys.argv[2])
    out = {"datasets": {}, "pixels": []}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                obj[()]
                out["datasets"][name] = {
                    "shape": list(obj.shape), "dtype": str(obj.dtype), "fields": list(obj.dtype.names or []),
                    "chunks": list(obj.chunks) if obj.chunks else None, "compression": obj.compression,
                    "attrs": {k: plain(v) for k, v in obj.attrs.items() if k != "DIMENSION_LABELS"},
                    "dims": [d.label for d in obj.dims],
                }
        f.visititems(visit)
        g, px = f["galaxy"], f["galaxy/pixel"]
        out["galaxy_attrs"] = {k: plain(v) for k, v in g.attrs.items()}
        out["pixel_attrs"] = {k: plain(v) for k, v in px.attrs.items()}
        out["tables"] = {name: [plain(r) for r in g[name][()]] for name in ["area/area", "area/area_user"]}
        block = int(px.attrs["PIXELS_MAX_X_Y_BLOCK"])
        x_off, y_off = int(px.attrs.get("X_OFFSET", 0)), int(px.attrs.get("Y_OFFSET", 0))
        params = [plain(n) for n in px.attrs["DIM3_NAMES"]]
        stats = [plain(n) for n in px.attrs["DIM4_NAMES"]]
        for x, y in pixels:
            bx, by = (x - x_off) // block, (y - y_off) // block
            ix, iy = (x - x_off) % block, (y - y_off) % block
            name = "pixels_%d_%d" % (bx, by)
            if x < x_off or y < y_off or name not in px or ix >= px[name].shape[0] or iy >= px[name].shape[1]:
                out["pixels"].append({"x": x, "y": y, "inside": False})
                continue
            values = px[name][ix, iy]
            hists = None
            grid = "pixel_histograms_grid_%d_%d" % (bx, by)
            if grid in px:
                hists = {}
                for k, e in enumerate(px[grid][ix, iy]):
                    if e["length"] == 0:
                        hists[params[k]] = None
                        continue
                    h = px["histogram_blocks"]["block_%d" % e["block_id"]][e["index"]:e["index"] + e["length"]]
                    hists[params[k]] = {"x": plain(h["x_axis"]), "p": plain(h["hist_value"])}
            out["pixels"].append({
                "x": x, "y": y, "inside": True,
                "values": {p: {s: plain(values[i, j]) for j, s in enumerate(stats)} for i, p in enumerate(params)},
                "details": plain(px["pixel_details_%d_%d" % (bx, by)][ix, iy]),
                "histograms": hists,
            })
    print(json.dumps(out))


main()
