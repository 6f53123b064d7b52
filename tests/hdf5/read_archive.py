"""Reads a galaxy archive with h5py, as an astronomer would, and prints what it found as JSON.

usage: /usr/bin/python3 read_archive.py <file.hdf5> '<[[x, y], ...]>'

Every dataset is read in full (so every chunk is decompressed); the values at the given pixels are
looked up through the POGS tiling: block (x // 1024, y // 1024), index [x % 1024, y % 1024].
NaN becomes null, fixed-length strings are decoded from UTF-8.
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
    if isinstance(v, str):
        return v
    return str(v)


def main():
    path, pixels = sys.argv[1], json.loads(sys.argv[2])
    out = {"datasets": {}, "tables": {}, "pixels": [], "finite_m_p50": {}}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                data = obj[()]  # read everything
                out["datasets"][name] = {
                    "shape": list(obj.shape), "dtype": str(obj.dtype), "fields": list(obj.dtype.names or []),
                    "chunks": list(obj.chunks) if obj.chunks else None, "compression": obj.compression,
                    "fletcher32": obj.fletcher32,
                    "attrs": {k: plain(v) for k, v in obj.attrs.items() if k != "DIMENSION_LABELS"},
                    "dims": [d.label for d in obj.dims],
                }
                if name.startswith("galaxy/pixel/pixels_"):
                    out["finite_m_p50"][name] = int(np.isfinite(data[:, :, 5, 1]).sum())
        f.visititems(visit)
        g = f["galaxy"]
        out["galaxy_attrs"] = {k: plain(v) for k, v in g.attrs.items()}
        out["pixel_attrs"] = {k: plain(v) for k, v in g["pixel"].attrs.items()}
        for name in ["fits_header", "image_filters", "filters", "area/area", "area/area_user"]:
            out["tables"][name] = [plain(r) for r in g[name][()]]
        block = g["pixel"].attrs["PIXELS_MAX_X_Y_BLOCK"]
        for x, y in pixels:
            bx, by, ix, iy = x // block, y // block, x % block, y % block
            stats = g["pixel"]["pixels_%d_%d" % (bx, by)][ix, iy]
            details = g["pixel"]["pixel_details_%d_%d" % (bx, by)][ix, iy]
            hists = None
            grid_name = "pixel_histograms_grid_%d_%d" % (bx, by)
            if grid_name in g["pixel"]:
                hists = []
                for e in g["pixel"][grid_name][ix, iy]:
                    if e["length"] == 0:
                        hists.append(None)
                        continue
                    values = g["pixel"]["histogram_blocks"]["block_%d" % e["block_id"]][e["index"]:e["index"] + e["length"]]
                    hists.append({"x": plain(values["x_axis"]), "p": plain(values["hist_value"])})
            out["pixels"].append({"x": x, "y": y, "stats": plain(stats), "details": plain(details), "histograms": hists})
    print(json.dumps(out))


main()
