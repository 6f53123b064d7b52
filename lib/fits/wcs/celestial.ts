/**
 * The rotation between native spherical coordinates (φ, θ) and celestial (α, δ), Paper II §2.3,
 * eqs. 2 and 5, and the celestial coordinates of the native pole, §2.4 (eqs. 8–10). Radians.
 */

const D2R = Math.PI / 180;

export interface NativePole {
  /** Celestial coordinates (α_p, δ_p) of the native pole. */
  alphaP: number;
  deltaP: number;
  /** Native longitude φ_p of the celestial pole (LONPOLE). */
  phiP: number;
}

/** LONPOLE default (Paper II eq. 11 and after): 0° if δ0 ≥ θ0, else 180°. In degrees. */
export function defaultLonpole(delta0Deg: number, theta0Deg: number): number {
  return delta0Deg >= theta0Deg ? 0 : 180;
}

/**
 * Resolves the native pole from the reference point (α0, δ0) at native (φ0 = 0, θ0). For zenithal
 * projections (θ0 = 90°) the reference point is the pole. Otherwise there are two solutions for δ_p
 * and LATPOLE picks the closer one, as wcslib's celset does. Degrees in, radians out.
 */
export function nativePole(
  alpha0Deg: number,
  delta0Deg: number,
  theta0Deg: number,
  lonpoleDeg: number,
  latpoleDeg: number,
): NativePole {
  const phiP = lonpoleDeg * D2R;
  if (theta0Deg === 90) return { alphaP: alpha0Deg * D2R, deltaP: delta0Deg * D2R, phiP };

  const theta0 = theta0Deg * D2R;
  const delta0 = delta0Deg * D2R;
  const dphi = phiP; // φ_p − φ0 with φ0 = 0
  const x = Math.cos(theta0) * Math.cos(dphi);
  const y = Math.sin(theta0);
  const z = Math.hypot(x, y);
  if (z === 0 || Math.abs(Math.sin(delta0) / z) > 1 + 1e-12) {
    throw new Error(`no celestial pole for CRVAL2 = ${delta0Deg}, LONPOLE = ${lonpoleDeg}`);
  }
  const u = Math.atan2(y, x);
  const v = Math.acos(Math.max(-1, Math.min(1, Math.sin(delta0) / z)));
  const candidates = [u + v, u - v]
    .map((d) => Math.atan2(Math.sin(d), Math.cos(d)))
    .filter((d) => Math.abs(d) <= Math.PI / 2 + 1e-12);
  const latpole = latpoleDeg * D2R;
  candidates.sort((a, b) => Math.abs(a - latpole) - Math.abs(b - latpole));
  const deltaP = Math.max(-Math.PI / 2, Math.min(Math.PI / 2, candidates[0]));

  let alphaP: number;
  if (Math.abs(Math.abs(deltaP) - Math.PI / 2) < 1e-12) {
    // At a pole eq. 10 is 0/0; these limits are wcslib's.
    alphaP = deltaP > 0 ? alpha0Deg * D2R + dphi - Math.PI : alpha0Deg * D2R - dphi;
  } else {
    const sx = (Math.sin(theta0) - Math.sin(deltaP) * Math.sin(delta0)) / (Math.cos(deltaP) * Math.cos(delta0));
    const sy = (Math.sin(dphi) * Math.cos(theta0)) / Math.cos(delta0);
    alphaP = alpha0Deg * D2R - Math.atan2(sy, sx);
  }
  return { alphaP, deltaP, phiP };
}

/**
 * Native (φ, θ) → celestial (α, δ), eq. 2. The latitude comes from atan2 of the rotated unit
 * vector's components, not from asin: asin loses half the digits near ±90°, i.e. near the reference
 * point of every zenithal projection, where ~1e-8 rad would be 0.005 px on a survey image.
 */
export function nativeToCelestial(phi: number, theta: number, p: NativePole, out: number[]): void {
  const sd = Math.sin(p.deltaP);
  const cd = Math.cos(p.deltaP);
  const dphi = phi - p.phiP;
  const st = Math.sin(theta);
  const ct = Math.cos(theta);
  const x = -ct * Math.sin(dphi);
  const y = st * cd - ct * sd * Math.cos(dphi);
  out[0] = p.alphaP + Math.atan2(x, y);
  out[1] = Math.atan2(st * sd + ct * cd * Math.cos(dphi), Math.hypot(x, y));
}

/** Celestial (α, δ) → native (φ, θ), eq. 5. */
export function celestialToNative(alpha: number, delta: number, p: NativePole, out: number[]): void {
  const sd = Math.sin(p.deltaP);
  const cd = Math.cos(p.deltaP);
  const da = alpha - p.alphaP;
  const s = Math.sin(delta);
  const c = Math.cos(delta);
  const x = -c * Math.sin(da);
  const y = s * cd - c * sd * Math.cos(da);
  out[0] = p.phiP + Math.atan2(x, y);
  out[1] = Math.atan2(s * sd + c * cd * Math.cos(da), Math.hypot(x, y));
}
