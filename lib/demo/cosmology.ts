// Distances for low-redshift galaxies (flat ΛCDM, H0 = 70 km/s/Mpc, Ωm = 0.3), used to turn
// surface brightness into luminosity and stellar mass per pixel.

export const H0 = 70;
export const OMEGA_M = 0.3;
const C_KM_S = 299792.458;
export const CM_PER_MPC = 3.0856775814913673e24;
export const PC_PER_MPC = 1e6;
const ARCSEC_PER_RAD = 206264.80624709636;

/** Comoving distance, Mpc (Simpson's rule; exact enough for z ≤ 0.2). */
export function comovingDistanceMpc(z: number): number {
  if (z <= 0) return 0;
  const n = 64;
  const h = z / n;
  const e = (zz: number) => 1 / Math.sqrt(OMEGA_M * (1 + zz) ** 3 + (1 - OMEGA_M));
  let s = e(0) + e(z);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * e(i * h);
  return ((C_KM_S / H0) * s * h) / 3;
}

export function luminosityDistanceMpc(z: number): number {
  return comovingDistanceMpc(z) * (1 + z);
}

export function angularDiameterDistanceMpc(z: number): number {
  return comovingDistanceMpc(z) / (1 + z);
}

/** Physical size (pc) subtended by `arcsec` at redshift z. */
export function parsecsPerArcsec(z: number): number {
  return (angularDiameterDistanceMpc(z) * PC_PER_MPC) / ARCSEC_PER_RAD;
}
