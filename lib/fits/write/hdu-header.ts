import { FitsError } from "@/lib/fits/errors";
import { type FitsCard, BLOCK_LENGTH, CARD_LENGTH } from "@/lib/fits/header/card";
import { formatCard } from "@/lib/fits/header/card-format";
import { FitsHeader } from "@/lib/fits/header/fits-header";
import { isStorageKeyword } from "@/lib/fits/header/reserved";
import { type ImageArray, naturalBitpix } from "./data-encode";

/** One HDU to write. The first of a file is the primary HDU; the others become IMAGE extensions. */
export interface HduInput {
  /** EXTNAME. Extensions should have one: users select planes and products by name. */
  name?: string;
  /** Keywords to add after the mandatory ones. Structural keywords in it are replaced. */
  header?: FitsHeader | readonly FitsCard[];
  /** Pixels in FITS order (x fastest, row 0 = bottom). Omit for a header-only HDU (NAXIS = 0). */
  data?: ImageArray;
  /** [NAXIS1, NAXIS2, …] = [width, height, depth…]; required with data. */
  shape?: number[];
  /** Write floating-point data as −32 or −64 whatever the array type (default: the array's own). */
  bitpix?: -32 | -64;
}

/** Integer-only keywords: the standard forbids BLANK for floats, and their blanks are NaN. */
const INTEGER_ONLY = /^(BLANK|BSCALE|BZERO)$/;

export interface HduPlan {
  bitpix: number;
  axes: number[];
  data?: ImageArray;
  /** Card images without END, with CHECKSUM and DATASUM placeholders as the last two. */
  cards: string[];
  headerBytes: number;
  dataBytes: number;
  paddedDataBytes: number;
}

const card = (keyword: string, value: FitsCard["value"], comment: string, kind?: FitsCard["kind"]): FitsCard => ({
  keyword,
  value,
  comment,
  kind: kind ?? (typeof value === "boolean" ? "logical" : typeof value === "string" ? "string" : "int"),
});

export function planHdu(input: HduInput, index: number, file: string): HduPlan {
  const { data, shape = [] } = input;
  const where = input.name ? `HDU ${index} ('${input.name}')` : `HDU ${index}`;
  if (data && (!shape.length || shape.some((n) => !Number.isInteger(n) || n < 1))) {
    throw new FitsError(file, `${where}: shape must list positive NAXISn values`, index);
  }
  const elements = data ? shape.reduce((a, b) => a * b, 1) : 0;
  if (data && elements !== data.length) {
    throw new FitsError(
      file,
      `${where}: shape ${shape.join("×")} needs ${elements} values, data has ${data.length}`,
      index,
    );
  }
  const bitpix = data ? (input.bitpix ?? naturalBitpix(data)) : 8;
  const axes = data ? shape : [];

  const cards: FitsCard[] = [
    index === 0 ? card("SIMPLE", true, "conforms to FITS standard") : card("XTENSION", "IMAGE", "image extension"),
    card("BITPIX", bitpix, "array data type"),
    card("NAXIS", axes.length, "number of array dimensions"),
    ...axes.map((n, i) => card(`NAXIS${i + 1}`, n, `length of axis ${i + 1}`)),
    ...(index === 0
      ? [card("EXTEND", true, "FITS dataset may contain extensions")]
      : [card("PCOUNT", 0, "number of parameters"), card("GCOUNT", 1, "number of groups")]),
  ];
  if (input.name) cards.push(card("EXTNAME", input.name, "extension name"));

  const user = (input.header instanceof FitsHeader ? input.header.cards : (input.header ?? [])).filter(
    (c) =>
      !isStorageKeyword(c.keyword) && // the writer owns structure, so the order is the standard's
      !(input.name && c.keyword === "EXTNAME") &&
      !(bitpix < 0 && INTEGER_ONLY.test(c.keyword)),
  );
  // WCSAXES must precede every other WCS keyword; hoisting it is always safe.
  const wcsaxes = user.filter((c) => c.keyword === "WCSAXES");
  cards.push(...wcsaxes.slice(0, 1), ...user.filter((c) => c.keyword !== "WCSAXES"));
  cards.push(card("CHECKSUM", "0000000000000000", "HDU checksum"), card("DATASUM", "0", "data unit checksum"));

  const images = new FitsHeader(cards).toCardImages();
  const dataBytes = elements * (Math.abs(bitpix) / 8);
  return {
    bitpix,
    axes,
    data,
    cards: images,
    headerBytes: Math.ceil(((images.length + 1) * CARD_LENGTH) / BLOCK_LENGTH) * BLOCK_LENGTH,
    dataBytes,
    paddedDataBytes: Math.ceil(dataBytes / BLOCK_LENGTH) * BLOCK_LENGTH,
  };
}

/** The header bytes, END and blank padding included, with the given DATASUM and CHECKSUM values. */
export function headerBytes(plan: HduPlan, datasum: number, checksum: string, stamp: string): Uint8Array {
  const cards = plan.cards.slice();
  const n = cards.length;
  cards[n - 2] = formatCard(card("CHECKSUM", checksum, `HDU checksum updated ${stamp}`))[0];
  cards[n - 1] = formatCard(card("DATASUM", String(datasum), `data unit checksum updated ${stamp}`))[0];
  cards.push("END".padEnd(CARD_LENGTH));
  const out = new Uint8Array(plan.headerBytes).fill(0x20);
  let at = 0;
  for (const image of cards) {
    for (let i = 0; i < CARD_LENGTH; i++) out[at + i] = image.charCodeAt(i);
    at += CARD_LENGTH;
  }
  return out;
}
