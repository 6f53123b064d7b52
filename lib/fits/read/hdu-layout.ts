import { FitsError, describeHdu } from "@/lib/fits/errors";
import { BLOCK_LENGTH } from "@/lib/fits/header/card";
import type { FitsHeader } from "@/lib/fits/header/fits-header";
import { readHeaderBlock, startsWithKeyword } from "./header-block";

export type HduKind = "image" | "bintable" | "table" | "compressed-image" | "random-groups" | "unknown";

/** Where one HDU sits in the file and what it holds; the data itself is decoded on demand. */
export interface HduInfo {
  index: number;
  kind: HduKind;
  extname?: string;
  header: FitsHeader;
  /** For images (and compressed images: ZBITPIX) the pixel type; for tables, 8. */
  bitpix: number;
  /** NAXIS1…NAXISn; for compressed images the image's ZNAXISn, not the table's. */
  axes: number[];
  /** ZCMPTYPE of a tile-compressed image. */
  compression?: string;
  headerOffset: number;
  dataOffset: number;
  /** Bytes of data, without the padding to 2880. */
  dataLength: number;
}

export interface HduLayout {
  hdus: HduInfo[];
  /** Bytes after the last HDU that do not start a new one (astropy warns and ignores them too). */
  trailingBytes: number;
}

function requiredInt(header: FitsHeader, keyword: string, file: string, hdu: number): number {
  const card = header.getCard(keyword);
  if (card?.kind !== "int") throw new FitsError(file, `${describeHdu(hdu)}: missing or invalid ${keyword}`, hdu);
  return card.value as number;
}

/** Data size per FITS 4.0 §4.4.1: |BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn). */
function describe(header: FitsHeader, index: number, file: string): Omit<HduInfo, "headerOffset" | "dataOffset"> {
  const bitpix = requiredInt(header, "BITPIX", file, index);
  if (![8, 16, 32, 64, -32, -64].includes(bitpix))
    throw new FitsError(file, `${describeHdu(index)}: invalid BITPIX ${bitpix}`, index);
  const naxis = requiredInt(header, "NAXIS", file, index);
  const axes = Array.from({ length: naxis }, (_, i) => requiredInt(header, `NAXIS${i + 1}`, file, index));
  const xtension = index === 0 ? undefined : (header.getString("XTENSION") ?? "").trim().toUpperCase();
  const groups = index === 0 && naxis > 0 && axes[0] === 0 && header.getBoolean("GROUPS") === true;
  const pcount = header.getNumber("PCOUNT") ?? 0;
  const gcount = header.getNumber("GCOUNT") ?? 1;
  const counted = groups ? axes.slice(1) : axes;
  const elements = naxis === 0 ? 0 : counted.reduce((a, b) => a * b, 1);
  const dataLength = naxis === 0 && pcount === 0 ? 0 : (Math.abs(bitpix) / 8) * gcount * (pcount + elements);
  const extname = header.getString("EXTNAME")?.trim() || undefined;
  const base = { index, extname, header, bitpix, axes, dataLength };

  if (groups) return { ...base, kind: "random-groups" };
  if (xtension === undefined || xtension === "IMAGE" || xtension === "IUEIMAGE") return { ...base, kind: "image" };
  if (xtension === "TABLE") return { ...base, kind: "table" };
  if (xtension === "BINTABLE" || xtension === "A3DTABLE") {
    if (header.getBoolean("ZIMAGE") !== true) return { ...base, kind: "bintable" };
    const znaxis = requiredInt(header, "ZNAXIS", file, index);
    return {
      ...base,
      kind: "compressed-image",
      bitpix: requiredInt(header, "ZBITPIX", file, index),
      axes: Array.from({ length: znaxis }, (_, i) => requiredInt(header, `ZNAXIS${i + 1}`, file, index)),
      compression: (header.getString("ZCMPTYPE") ?? "").trim().toUpperCase(),
    };
  }
  return { ...base, kind: "unknown" };
}

/**
 * Walks the HDUs of a FITS file held in memory. Throws FitsError if the bytes are not FITS or an
 * HDU is cut short; stops quietly at bytes after the last HDU that do not start an extension.
 */
export function scanHdus(bytes: Uint8Array, file: string): HduLayout {
  if (!startsWithKeyword(bytes, 0, "SIMPLE")) throw new FitsError(file, "not a FITS file (no SIMPLE card)");
  const hdus: HduInfo[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const index = hdus.length;
    if (index > 0 && !startsWithKeyword(bytes, offset, "XTENSION")) break;
    const { header, dataOffset } = readHeaderBlock(bytes, offset, file, index);
    const info = { ...describe(header, index, file), headerOffset: offset, dataOffset };
    if (dataOffset + info.dataLength > bytes.length) {
      const have = Math.max(0, bytes.length - dataOffset);
      throw new FitsError(
        file,
        `${describeHdu(index, info.extname)}: file truncated, data needs ${info.dataLength} bytes but only ${have} are present`,
        index,
      );
    }
    hdus.push(info);
    offset = dataOffset + Math.ceil(info.dataLength / BLOCK_LENGTH) * BLOCK_LENGTH;
  }
  return { hdus, trailingBytes: Math.max(0, bytes.length - offset) };
}
