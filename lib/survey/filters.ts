// The 34 POGS filters (POGS `filter` table, ids 0–33 in the original order) with their MAGPHYS
// filter numbers, effective wavelengths (µm, from the POGS master filters.dat) and band classes.
// Band classes drive the usable-pixel rule: ≥ 4 optical bands, or 3 optical and ≥ 1 UV or IR.

export type BandClass = "UV" | "optical" | "IR";

export type FilterDef = {
  id: number;
  name: string;
  label: string;
  magphysId: number;
  effLambda: number;
  bandClass: BandClass;
  survey: string;
};

type Row = readonly [
  id: number,
  name: string,
  label: string,
  magphysId: number,
  effLambda: number,
  bandClass: BandClass,
  survey: string,
];

const rows = [
  [0, "GALEXFUV", "FUV", 123, 0.152, "UV", "GALEX"],
  [1, "GALEXNUV", "NUV", 124, 0.231, "UV", "GALEX"],
  [2, "SDSSu", "u", 229, 0.3534, "optical", "SDSS"],
  [3, "SDSSg", "g", 230, 0.4742, "optical", "SDSS"],
  [4, "PS1g", "g (PS1)", 323, 0.481, "optical", "Pan-STARRS1"],
  [5, "PS1r", "r (PS1)", 324, 0.617, "optical", "Pan-STARRS1"],
  [6, "SDSSr", "r", 231, 0.6189, "optical", "SDSS"],
  [7, "PS1i", "i (PS1)", 325, 0.752, "optical", "Pan-STARRS1"],
  [8, "SDSSi", "i", 232, 0.7595, "optical", "SDSS"],
  [9, "PS1z", "z (PS1)", 326, 0.866, "optical", "Pan-STARRS1"],
  [10, "SDSSz", "z", 233, 0.9032, "optical", "SDSS"],
  [11, "PS1y", "y (PS1)", 327, 0.962, "optical", "Pan-STARRS1"],
  [12, "WISEW1", "W1", 280, 3.4, "IR", "WISE"],
  [13, "IRAC3.6", "3.6 µm", 153, 3.55, "IR", "Spitzer IRAC"],
  [14, "IRAC4.5", "4.5 µm", 154, 4.493, "IR", "Spitzer IRAC"],
  [15, "WISEW2", "W2", 281, 4.6, "IR", "WISE"],
  [16, "IRAC5.8", "5.8 µm", 155, 5.731, "IR", "Spitzer IRAC"],
  [17, "IRAC8.0", "8.0 µm", 156, 7.872, "IR", "Spitzer IRAC"],
  [18, "WISEW3", "W3", 282, 12.0, "IR", "WISE"],
  [19, "WISEW4", "W4", 283, 22.0, "IR", "WISE"],
  [20, "MIPS24", "24 µm", 157, 23.68, "IR", "Spitzer MIPS"],
  [21, "MIPS70", "70 µm", 158, 71.42, "IR", "Spitzer MIPS"],
  [22, "PACS75", "75 µm", 169, 75.0, "IR", "Herschel PACS"],
  [23, "PACS110", "110 µm", 170, 110.0, "IR", "Herschel PACS"],
  [24, "MIPS160", "160 µm", 159, 155.9, "IR", "Spitzer MIPS"],
  [25, "PACS170", "170 µm", 171, 170.0, "IR", "Herschel PACS"],
  [26, "SPIRE250", "250 µm", 172, 250.0, "IR", "Herschel SPIRE"],
  [27, "SPIRE350", "350 µm", 173, 350.0, "IR", "Herschel SPIRE"],
  [28, "SPIRE500", "500 µm", 174, 500.0, "IR", "Herschel SPIRE"],
  // A second SDSS u–z set with MAGPHYS numbers 115–119 (the POGS filter table's rows 29–33).
  [29, "SDSSu_115", "u (115)", 115, 0.354, "optical", "SDSS"],
  [30, "SDSSg_116", "g (116)", 116, 0.477, "optical", "SDSS"],
  [31, "SDSSr_117", "r (117)", 117, 0.623, "optical", "SDSS"],
  [32, "SDSSi_118", "i (118)", 118, 0.763, "optical", "SDSS"],
  [33, "SDSSz_119", "z (119)", 119, 0.913, "optical", "SDSS"],
] as const satisfies readonly Row[];

/** A POGS filter name, as in the `filter` table and MAGPHYS's filters.dat. */
export type FilterName = (typeof rows)[number][1];

export const FILTERS: readonly FilterDef[] = rows.map(([id, name, label, magphysId, effLambda, bandClass, survey]) => ({
  id,
  name,
  label,
  magphysId,
  effLambda,
  bandClass,
  survey,
}));

const byName = new Map(FILTERS.map((f) => [f.name.toLowerCase(), f]));
const byMagphysId = new Map(FILTERS.map((f) => [f.magphysId, f]));

export function filterByName(name: string): FilterDef | undefined {
  return byName.get(name.toLowerCase());
}

export function filterByMagphysId(magphysId: number): FilterDef | undefined {
  return byMagphysId.get(magphysId);
}
