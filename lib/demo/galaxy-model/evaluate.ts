// Rendering a demo galaxy's structural model on a pixel grid: the components' surface brightness,
// the dust optical depths and the footprint.
import type { DemoGalaxy } from "@/lib/demo/catalogue";
import { gridStandardCoordinates, pixelScaleArcsec, skyToPixel, standardToSky } from "@/lib/demo/wcs";
import { armDutyCycle } from "./morphology";
import { sersicB } from "./sersic";
import type { ComponentMaps, GalaxyStructure, Grid } from "./types";

/** Phase offset (radians of m·φ) of the arms' dust lanes from their young stars. */
const DUST_LANE_SHIFT = 0.9;

/**
 * Evaluate the model on a grid, seen through a Gaussian PSF of `psfFwhm` arcsec (approximately:
 * the cusp is softened, knots and arms are broadened with their flux kept).
 */
export function evaluateComponents(
  s: GalaxyStructure,
  g: Pick<DemoGalaxy, "ra" | "dec">,
  grid: Grid,
  psfFwhm: number,
): ComponentMaps {
  const { width, height, wcs } = grid;
  const n = width * height;
  const { xi, eta } = gridStandardCoordinates(wcs, width, height, g.ra, g.dec);
  const scale = pixelScaleArcsec(wcs);
  const psfSigma = psfFwhm / 2.3548;
  const bulge = new Float32Array(n);
  const disk = new Float32Array(n);
  const young = new Float32Array(n);
  const tauIsm = new Float32Array(n);
  const tauBc = new Float32Array(n);
  const footprint = new Uint8Array(n);

  const pa = (s.positionAngle * Math.PI) / 180;
  const sinPa = Math.sin(pa);
  const cosPa = Math.cos(pa);
  const cosI = s.cosInclination;
  const cosIeff = Math.max(cosI, 0.3);
  const sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
  // Softened core: roughly the mean over the central pixel and the PSF.
  const soft2 = Math.max(0.6 * scale, psfSigma) ** 2;
  const b = s.bulge;
  const bn = sersicB(b.sersicN);
  const invN = 1 / b.sersicN;
  const h = s.disk.scaleLength;
  const i0 = s.disk.centralSb / cosIeff;
  const bar = s.bar;
  const cb = bar ? Math.cos(bar.angle) : 1;
  const sb = bar ? Math.sin(bar.angle) : 0;
  const barSb = bar ? bar.centralSb / cosIeff : 0;
  const arms = s.arms;
  const y0 = s.young.centralSb / cosIeff;
  const hy = s.young.scaleLength;
  const d = s.dust;
  const [w2, p2, w3, p3] = s.extentWobble;
  const elliptical = s.morphology === "elliptical";
  const bulgeExtent = elliptical ? s.extentRadius : 2.5 * b.effectiveRadius;

  const qb = b.axisRatio;
  const ie = b.effectiveSb;
  const invRe = 1 / b.effectiveRadius;
  // Beyond this radius the Sérsic profile is below 1e-4 of Ie: skip it.
  const rbMax2 = (b.effectiveRadius * Math.pow(1 + 9.2 / bn, b.sersicN)) ** 2;
  const barLen = bar ? bar.length : 1;
  const barWid = bar ? bar.width : 1;
  const hasArms = arms !== null;
  const armCount = arms ? arms.count : 0;
  const armPhase = arms ? arms.phase : 0;
  const invTanPitch = arms ? 1 / Math.tan(arms.pitch) : 0;
  const armStart = arms ? arms.startRadius : 1;
  const armEnd = arms ? arms.endRadius : 1;
  const armSharp = arms ? arms.sharpness : 0;
  const armDuty = armDutyCycle(armSharp);
  const oldMod = arms ? arms.oldModulation : 0;
  const [wobA, wobF, wobP] = arms ? arms.wobble : [0, 0, 0];
  const [lopA, lopP] = arms ? arms.lopsidedness : [0, 0];
  const cosLop = Math.cos(lopP);
  const sinLop = Math.sin(lopP);
  const psfArm = psfSigma * psfSigma * armCount * armCount * armSharp;
  const clumpy = s.young.clumpy;
  const [c0, c1, c2, c3] = clumpy ?? [0, 0, 0, 0];
  const cc1 = Math.cos(c1);
  const sc1 = Math.sin(c1);
  const cc3 = Math.cos(c3);
  const sc3 = Math.sin(c3);
  const cp2 = Math.cos(p2);
  const sp2 = Math.sin(p2);
  const cp3 = Math.cos(p3);
  const sp3 = Math.sin(p3);
  const invH = 1 / h;
  const invHy = 1 / hy;
  const invHd = 1 / d.scaleLength;
  const tauC = d.tauCentre;
  const armBoost = d.armBoost;
  const lane = elliptical ? 0 : d.laneAsymmetry * sinI;
  const laneScale = 1 / (0.25 * h);
  const tauDiv = elliptical ? 1 : 1 / cosIeff;
  const muBase = d.mu;
  const tauBcMin = d.tauBcMin;
  const invCosI = 1 / Math.max(cosI, 0.05);
  const extent = s.extentRadius;

  for (let i = 0; i < n; i++) {
    const x = xi[i];
    const y = eta[i];
    const u = x * sinPa + y * cosPa;
    const v = -x * cosPa + y * sinPa;
    const yd = v * invCosI;
    const r2 = u * u + yd * yd;
    const r = Math.sqrt(r2);
    // cos θ, sin θ of the disk-plane azimuth and their multiples (no trigonometry needed).
    const ct = r > 0 ? u / r : 1;
    const st = r > 0 ? yd / r : 0;
    const c2t = ct * ct - st * st;
    const s2t = 2 * st * ct;
    const c3t = ct * (4 * ct * ct - 3);
    const s3t = st * (3 - 4 * st * st);

    // Old spheroid (and bar).
    const vq = v / qb;
    const rb2 = u * u + vq * vq + soft2;
    let old = ie > 0 && rb2 < rbMax2 ? ie * Math.exp(-bn * (Math.pow(Math.sqrt(rb2) * invRe, invN) - 1)) : 0;
    if (bar) {
      const xb = (u * cb + yd * sb) / barLen;
      const yb = (-u * sb + yd * cb) / barWid;
      const m = 1 - xb * xb - yb * yb;
      if (m > 0) old += barSb * m * Math.sqrt(m);
    }

    let diskSb = elliptical ? 0 : i0 * Math.exp(-r * invH);
    let youngSb = 0;
    let armLight = 0;
    let armDust = 0;
    if (hasArms && r > 0 && r < 1.6 * armEnd) {
      // The PSF smears narrow arms: soften the profile where the arm width approaches the PSF.
      const pEff = armSharp / (1 + psfArm / r2);
      const armNorm = armDuty / armDutyCycle(pEff);
      const lr = Math.log(r / armStart);
      const theta = Math.atan2(yd, u);
      const phase = armCount * (theta - armPhase - lr * invTanPitch) + wobA * Math.sin(wobF * lr + wobP);
      const a = Math.pow(0.5 * (1 + Math.cos(phase)), pEff) * armNorm;
      const rs = r / armStart;
      const tIn = 1 - Math.exp(-rs * rs);
      const q2 = (r / armEnd) ** 2;
      const tOut = 1 / (1 + q2 * q2 * q2 * q2);
      armLight = a * tIn * tOut * (1 + lopA * (ct * cosLop + st * sinLop));
      // Dust lanes run along the inner edge of the arms, not on top of the young stars.
      armDust = Math.pow(0.5 * (1 + Math.cos(phase + DUST_LANE_SHIFT)), pEff) * armNorm * tIn * tOut;
      youngSb = y0 * Math.exp(-r * invHy) * armLight;
      diskSb *= 1 + oldMod * tIn * (armLight / armDuty - 1);
    } else if (clumpy !== null && y0 > 0) {
      const m = 1 + c0 * (ct * cc1 + st * sc1) + c2 * (c2t * cc3 + s2t * sc3);
      youngSb = m > 0 ? y0 * Math.exp(-r * invHy) * m : 0;
    }

    // Diffuse dust: exponential, following the arms, thicker on the near side (v < 0).
    let tau = tauC * Math.exp(-r * invHd);
    if (hasArms) tau *= Math.max(0.3, 1 + 0.5 * armBoost * (armDust / armDuty - 1));
    if (lane !== 0) tau *= 1 + lane * Math.tanh(-v * laneScale);
    tau *= tauDiv;

    bulge[i] = old;
    disk[i] = diskSb;
    young[i] = youngSb;
    // Star-forming arms: more of the young stars' dust in their birth clouds (lower mu).
    const muLocal = hasArms ? muBase * (1.2 - 0.6 * Math.min(1, armLight / (2 * armDuty))) : muBase;
    const tIsm = tau > 0 ? tau : 0;
    tauIsm[i] = tIsm;
    tauBc[i] = Math.max(tauBcMin, tIsm * (1 / muLocal - 1));

    const wobble2 = w2 * (c2t * cp2 - s2t * sp2);
    const limit = extent * (1 + wobble2 + w3 * (c3t * cp3 - s3t * sp3));
    const inDisk = !elliptical && r < limit;
    const rbe = Math.sqrt(u * u + vq * vq);
    const inBulge = rbe < bulgeExtent * (elliptical ? 1 + wobble2 : 1);
    footprint[i] = inDisk || inBulge ? 1 : 0;
  }

  // Knots: Gaussians broadened by the PSF, flux conserved; only their neighbourhood is touched.
  for (const k of s.knots) {
    const sigma2 = k.sigma * k.sigma + psfSigma * psfSigma;
    const amp = k.flux / (2 * Math.PI * sigma2);
    const [ra, dec] = standardToSky(k.xi / 3600, k.eta / 3600, g.ra, g.dec);
    const [px, py] = skyToPixel(wcs, ra, dec);
    const reach = Math.ceil((4 * Math.sqrt(sigma2)) / scale) + 1;
    const x0 = Math.max(0, Math.floor(px - reach));
    const x1 = Math.min(width - 1, Math.ceil(px + reach));
    const y0k = Math.max(0, Math.floor(py - reach));
    const y1 = Math.min(height - 1, Math.ceil(py + reach));
    const inv = -0.5 / sigma2;
    for (let yy = y0k; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const i = yy * width + xx;
        const dx = xi[i] - k.xi;
        const dy = eta[i] - k.eta;
        young[i] += amp * Math.exp((dx * dx + dy * dy) * inv);
      }
    }
  }
  return { width, height, bulge, disk, young, tauIsm, tauBc, footprint };
}
