import path from "node:path";
import { describe, expect, it } from "vitest";
import { FitsHeader, type Wcs, readFits, readImage, reproject, wcsCards, wcsFromHeader } from "@/lib/fits";
import { fixture, hasFixtures, hasPython, python, readFloat64, tempDir } from "./helpers";

/** A TAN grid centred on M51, rotated by `rotDeg`, with `scale` arcsec pixels, w × h. */
function tanGrid(w: number, h: number, scale: number, rotDeg = 0, shift: [number, number] = [0, 0]): Wcs {
  const s = scale / 3600;
  const r = (rotDeg * Math.PI) / 180;
  return {
    ctype: ["RA---TAN", "DEC--TAN"],
    crpix: [(w + 1) / 2 + shift[0], (h + 1) / 2 + shift[1]],
    crval: [202.469575, 47.195258],
    cd: [
      [-s * Math.cos(r), s * Math.sin(r)],
      [s * Math.sin(r), s * Math.cos(r)],
    ],
    lonpole: 180,
    latpole: 47.195258,
    radesys: "ICRS",
  };
}

/** Smooth blobs that fall to ~0 well inside the edges, plus a little deterministic texture. */
function blobs(w: number, h: number): Float64Array {
  const out = new Float64Array(w * h);
  const centres = [
    [0.5, 0.5, 6, 100],
    [0.35, 0.6, 2.5, 40],
    [0.62, 0.4, 1.5, 80],
  ];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const [cx, cy, sigma, amp] of centres)
        v += amp * Math.exp(-(((x - cx * w) ** 2 + (y - cy * h) ** 2) / ((2 * (sigma * w) ** 2) / 100)));
      out[x + y * w] = v * (1 + 0.05 * Math.sin(x * 1.3) * Math.cos(y * 0.7));
    }
  }
  return out;
}

/** Bilinear interpolation as a reference, written independently of the implementation. */
function bilinear(img: Float64Array, w: number, h: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return NaN;
  const x0 = Math.min(Math.floor(x), w - 2);
  const y0 = Math.min(Math.floor(y), h - 2);
  const fx = x - x0;
  const fy = y - y0;
  const at = (i: number, j: number): number => img[i + j * w];
  return (
    (1 - fx) * (1 - fy) * at(x0, y0) +
    fx * (1 - fy) * at(x0 + 1, y0) +
    (1 - fx) * fy * at(x0, y0 + 1) +
    fx * fy * at(x0 + 1, y0 + 1)
  );
}

const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);

describe("reproject", () => {
  const W = 64;
  const H = 48;
  const src = { data: blobs(W, H), width: W, height: H, wcs: tanGrid(W, H, 1.4) };

  it("reproduces the image on its own grid", () => {
    const data = Float64Array.from(src.data);
    data[100] = NaN;
    const out = reproject({ ...src, data }, { wcs: src.wcs, width: W, height: H });
    expect(out.oversample).toBe(1);
    for (let i = 0; i < data.length; i++) {
      if (i === 100) expect(out.data[i]).toBeNaN();
      else expect(Math.abs(out.data[i] - data[i])).toBeLessThan(1e-9 * 100);
    }
  });

  it("matches bilinear interpolation for a sub-pixel shift, with NaN off the source", () => {
    const [dx, dy] = [0.3, -0.45];
    const out = reproject(src, { wcs: tanGrid(W, H, 1.4, 0, [dx, dy]), width: W, height: H });
    let compared = 0;
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const sx = i - dx;
        const sy = j - dy;
        const v = out.data[i + j * W];
        if (sx < -0.5 || sy < -0.5 || sx > W - 0.5 || sy > H - 0.5) expect(v).toBeNaN();
        else if (sx >= 0 && sy >= 0 && sx <= W - 1 && sy <= H - 1) {
          expect(Math.abs(v - bilinear(src.data, W, H, sx, sy))).toBeLessThan(1e-8);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(0.9 * W * H);
  });

  it("conserves total flux within 1 % on a 2× coarser grid (flux units)", () => {
    const out = reproject(src, { wcs: tanGrid(W / 2, H / 2, 2.8), width: W / 2, height: H / 2 }, { units: "flux" });
    expect(out.oversample).toBe(2);
    expect(Math.abs(sum(out.data) / sum(src.data) - 1)).toBeLessThan(0.01);
    // Surface-brightness units keep the level instead: the mean, not the sum.
    const sb = reproject(src, { wcs: tanGrid(W / 2, H / 2, 2.8), width: W / 2, height: H / 2 });
    expect(Math.abs(sum(sb.data) / ((W * H) / 4) / (sum(src.data) / (W * H)) - 1)).toBeLessThan(0.01);
  });

  it("conserves total flux within 1 % on a rotated, 2.3× coarser, offset grid", () => {
    const target = { wcs: tanGrid(40, 40, 1.4 * 2.3, 25, [0.37, -0.21]), width: 40, height: 40 };
    const out = reproject(src, target, { units: "flux" });
    expect(out.oversample).toBe(3);
    expect(Math.abs(sum(out.data) / sum(src.data) - 1)).toBeLessThan(0.01);
  });
});

describe.runIf(hasFixtures && hasPython)("reprojecting M51 (SDSS g)", () => {
  const dir = tempDir();

  /**
   * The same method written with scipy's map_coordinates (order 1) and astropy's WCS: onto the
   * rotated finer grid (one sample per pixel), then back onto the original grid (2 × 2 samples,
   * as the scale ratio 1.25 asks), each pass starting from scipy's own previous result.
   */
  const SCIPY = `
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from scipy.ndimage import map_coordinates
src_path, header, n, there_dump, back_dump = data
with fits.open(src_path) as h:
    img = h[0].data.astype(float)
    src = WCS(h[0].header)
tgt = WCS(fits.Header.fromstring(header))
def resample(image, from_wcs, to_wcs, shape, k):
    total = np.zeros(shape)
    for dy in (np.arange(k) + 0.5) / k - 0.5:
        for dx in (np.arange(k) + 0.5) / k - 0.5:
            y, x = np.mgrid[0:shape[0], 0:shape[1]]
            ra, dec = to_wcs.all_pix2world((x + dx).ravel(), (y + dy).ravel(), 0)
            sx, sy = from_wcs.all_world2pix(ra, dec, 0)
            v = map_coordinates(image, [sy, sx], order=1, mode='constant', cval=np.nan)
            inside = (sx >= 0) & (sy >= 0) & (sx <= image.shape[1] - 1) & (sy <= image.shape[0] - 1)
            v[~inside] = np.nan
            total += v.reshape(shape)
    return total / (k * k)
there = resample(img, src, tgt, (n, n), 1)
there.astype('<f8').tofile(there_dump)
resample(there, tgt, src, img.shape, 2).astype('<f8').tofile(back_dump)
`;

  it("matches scipy's bilinear resampling through astropy's WCS, both ways, and comes back", async () => {
    const m51 = readImage(await readFits(fixture("m51/SDSS9_M51_g.fits")));
    const source = { data: m51.data, width: m51.width, height: m51.height, wcs: wcsFromHeader(m51.header) };
    // Finer (0.8×) and rotated 30°: every output pixel is one bilinear sample (oversample 1).
    const target = { wcs: tanGrid(420, 420, 1.406 * 0.8, 30), width: 420, height: 420 };
    const there = reproject(source, target, { type: "float64" });
    const back = reproject(
      { data: there.data, width: 420, height: 420, wcs: target.wcs },
      { wcs: source.wcs, width: 512, height: 512 },
    );
    expect([there.oversample, back.oversample]).toEqual([1, 2]);

    const header = new FitsHeader(wcsCards(target.wcs)).toCardImages().join("") + "END".padEnd(80);
    const dumps = [path.join(dir, "there.f8"), path.join(dir, "back.f8")];
    python(SCIPY, [fixture("m51/SDSS9_M51_g.fits"), header, 420, ...dumps]);
    const [scipyThere, scipyBack] = dumps.map(readFloat64);

    // Where scipy has a value (it leaves the outer half pixel NaN), we agree to float rounding;
    // the image peaks near 45.
    const worst = (ours: ArrayLike<number>, ref: Float64Array): { worst: number; compared: number } => {
      let w = 0;
      let compared = 0;
      for (let i = 0; i < ref.length; i++) {
        if (Number.isNaN(ref[i])) continue;
        w = Math.max(w, Math.abs(ours[i] - ref[i]));
        compared++;
      }
      return { worst: w, compared };
    };
    const forward = worst(there.data, scipyThere);
    expect(forward.compared).toBeGreaterThan(0.9 * 420 * 420);
    expect(forward.worst).toBeLessThan(1e-5);
    const backward = worst(back.data, scipyBack);
    expect(backward.compared).toBeGreaterThan(0.4 * 512 * 512); // the rotated 336-px square
    expect(backward.worst).toBeLessThan(1e-5);

    // The round trip, inside the rotated footprint (which misses the original's corners): two
    // bilinear passes blur single pixels (noise, the nucleus) but keep flux and structure.
    let flux = 0;
    let fluxBack = 0;
    let num = 0;
    let den = 0;
    for (let y = 160; y < 352; y += 8) {
      for (let x = 160; x < 352; x += 8) {
        let a = 0;
        let b = 0;
        for (let j = 0; j < 8; j++) {
          for (let i = 0; i < 8; i++) {
            a += m51.data[x + i + (y + j) * 512];
            b += back.data[x + i + (y + j) * 512];
          }
        }
        flux += a;
        fluxBack += b;
        num += (a - b) ** 2;
        den += a * a;
      }
    }
    expect(Math.abs(fluxBack / flux - 1)).toBeLessThan(0.005);
    expect(Math.sqrt(num / den)).toBeLessThan(0.03); // 8 × 8 blocks, relative RMS
  });
});
