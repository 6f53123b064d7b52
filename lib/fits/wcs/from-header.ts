import { FitsError } from "@/lib/fits/errors";
import type { FitsHeader } from "@/lib/fits/header/fits-header";
import { defaultLonpole } from "./celestial";
import { projection } from "./projections";
import { PROJECTIONS, type ProjectionCode, type Wcs, isLatitude, isLongitude } from "./types";

// Celestial CUNIT values seen in the wild, as factors to degrees (astropy's unitfix does the same).
const UNIT_TO_DEG: Record<string, number> = {
  "": 1,
  DEG: 1,
  DEGREE: 1,
  DEGREES: 1,
  ARCMIN: 1 / 60,
  ARCSEC: 1 / 3600,
  MAS: 1 / 3.6e6,
  RAD: 180 / Math.PI,
};

/**
 * The 2-D celestial WCS of axes 1 and 2 of a header, in the normal form of `Wcs`. Linear part by
 * the precedence of Paper I and wcslib: PCi_j × CDELTi if any PC is present, else CDi_j, else
 * CDELTi with the AIPS rotation CROTA2. Throws FitsError for what it cannot evaluate exactly
 * (unknown projections, SIP distortion), because a silently wrong sky position is worse than none.
 */
export function wcsFromHeader(header: FitsHeader, file = "header"): Wcs {
  const ctype = [1, 2].map((i) => (header.getString(`CTYPE${i}`) ?? "").trim().toUpperCase()) as [string, string];
  const [lng, lat] =
    isLongitude(ctype[0]) && isLatitude(ctype[1])
      ? [0, 1]
      : isLatitude(ctype[0]) && isLongitude(ctype[1])
        ? [1, 0]
        : [-1, -1];
  if (lng < 0)
    throw new FitsError(file, `no celestial WCS on axes 1 and 2 (CTYPE1 = '${ctype[0]}', CTYPE2 = '${ctype[1]}')`);
  let code = ctype[0].slice(5, 8);
  if (ctype[0].length > 8 || ctype[1].length > 8) {
    throw new FitsError(file, `distortion '${ctype[0].slice(8)}' in CTYPE1 = '${ctype[0]}' is not supported`);
  }

  const unit = [1, 2].map((i) => {
    const u = (header.getString(`CUNIT${i}`) ?? "").trim().toUpperCase();
    const f = UNIT_TO_DEG[u];
    if (f === undefined) throw new FitsError(file, `CUNIT${i} = '${u}' is not an angle unit`);
    return f;
  });
  const num = (k: string, d: number): number => header.getNumber(k) ?? d;
  const crpix: [number, number] = [num("CRPIX1", 0), num("CRPIX2", 0)];
  const crval: [number, number] = [num("CRVAL1", 0) * unit[0], num("CRVAL2", 0) * unit[1]];
  const cd = linearPart(header).map((row, i) => row.map((v) => v * unit[i])) as Wcs["cd"];

  const latAxis = lat + 1;
  const pv: number[] = [];
  for (let m = 0; m <= 2; m++) {
    const v = header.getNumber(`PV${latAxis}_${m}`);
    if (v !== undefined) pv[m] = v;
  }
  if (code === "NCP") {
    // NCP is SIN with ξ = 0, η = cot δ0 (Paper II §6.1.2), as wcslib translates it.
    const delta0 = (crval[lat] * Math.PI) / 180;
    if (Math.sin(delta0) === 0) throw new FitsError(file, "NCP projection with CRVAL on the equator is undefined");
    code = "SIN";
    pv[1] = 0;
    pv[2] = Math.cos(delta0) / Math.sin(delta0);
    ctype[0] = ctype[0].slice(0, 5) + "SIN";
    ctype[1] = ctype[1].slice(0, 5) + "SIN";
  }
  if (!(PROJECTIONS as readonly string[]).includes(code)) {
    throw new FitsError(
      file,
      `projection '${code}' (CTYPE1 = '${ctype[0]}') is not supported; known: ${PROJECTIONS.join(", ")}`,
    );
  }
  for (let m = 0; m < pv.length; m++) pv[m] ??= 0;

  const theta0 = projection(code as ProjectionCode).theta0 === Math.PI / 2 ? 90 : 0;
  const lonpole = header.getNumber("LONPOLE") ?? defaultLonpole(crval[lat], theta0);
  // For zenithal projections the pole is the reference point, whatever LATPOLE says.
  const latpole = theta0 === 90 ? crval[lat] : (header.getNumber("LATPOLE") ?? 90);

  const wcs: Wcs = { ctype, crpix, crval, cd, lonpole, latpole };
  if (pv.some((v) => v !== 0)) wcs.pv = pv;
  if (ctype[lng].startsWith("RA")) Object.assign(wcs, referenceFrame(header));
  return wcs;
}

/** CD in header units per pixel (before unit conversion), by the Paper I precedence. */
function linearPart(header: FitsHeader): number[][] {
  const idx = [1, 2];
  const get = (k: string): number | undefined => header.getNumber(k);
  const has = (prefix: string): boolean => idx.some((i) => idx.some((j) => get(`${prefix}${i}_${j}`) !== undefined));
  const cdelt = idx.map((i) => get(`CDELT${i}`) ?? 1);
  // wcslib lets PC win when a (non-conforming) header has both PC and CD; we agree with it.
  if (has("PC")) return idx.map((i) => idx.map((j) => cdelt[i - 1] * (get(`PC${i}_${j}`) ?? (i === j ? 1 : 0))));
  if (has("CD")) return idx.map((i) => idx.map((j) => get(`CD${i}_${j}`) ?? 0));
  // AIPS convention (Paper II §6.1.4): rotation ρ = CROTA2 of the latitude axis.
  const latAxis = isLatitude((header.getString("CTYPE1") ?? "").trim().toUpperCase()) ? 1 : 2;
  const rho = ((get(`CROTA${latAxis}`) ?? get(`CROTA${3 - latAxis}`) ?? 0) * Math.PI) / 180;
  const [c, s] = [Math.cos(rho), Math.sin(rho)];
  const lngI = 2 - latAxis; // 0-based index of the longitude axis
  const latI = latAxis - 1;
  const cd = [
    [0, 0],
    [0, 0],
  ];
  cd[lngI][lngI] = cdelt[lngI] * c;
  cd[lngI][latI] = -cdelt[latI] * s;
  cd[latI][lngI] = cdelt[lngI] * s;
  cd[latI][latI] = cdelt[latI] * c;
  return cd;
}

/** RADESYS and EQUINOX with the defaults of Paper II §3.1: ICRS without either, else FK4/FK5. */
function referenceFrame(header: FitsHeader): Pick<Wcs, "radesys" | "equinox"> {
  const radesys = (header.getString("RADESYS") ?? header.getString("RADECSYS"))?.trim().toUpperCase();
  const equinox = header.getNumber("EQUINOX") ?? header.getNumber("EPOCH");
  const frame = radesys || (equinox === undefined ? "ICRS" : equinox < 1984 ? "FK4" : "FK5");
  if (frame === "FK4" || frame === "FK4-NO-E") return { radesys: frame, equinox: equinox ?? 1950 };
  if (frame === "FK5") return { radesys: frame, equinox: equinox ?? 2000 };
  return equinox === undefined ? { radesys: frame } : { radesys: frame, equinox };
}
