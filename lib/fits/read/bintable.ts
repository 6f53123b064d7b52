import { FitsError, describeHdu } from "@/lib/fits/errors";
import type { HduInfo } from "./hdu-layout";

/** One binary-table column: where it sits in a row and what it holds (FITS 4.0 §7.3). */
export interface Column {
  name: string;
  /** Byte offset inside a row. */
  offset: number;
  repeat: number;
  /** TFORM type letter: L X B I J K A E D C M, or P/Q for variable-length arrays. */
  type: string;
  /** For P/Q descriptors: the type of the heap elements. */
  elementType?: string;
}

const WIDTH: Record<string, number> = { L: 1, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16 };
const TFORM_RE = /^\s*(\d*)([LXBIJKAEDCMPQ])([LXBIJKAEDCM]?)/;

export function tableColumns(hdu: HduInfo, file: string): Column[] {
  const n = hdu.header.getNumber("TFIELDS") ?? 0;
  const columns: Column[] = [];
  let offset = 0;
  for (let i = 1; i <= n; i++) {
    const tform = (hdu.header.getString(`TFORM${i}`) ?? "").toUpperCase();
    const m = TFORM_RE.exec(tform);
    if (!m)
      throw new FitsError(
        file,
        `${describeHdu(hdu.index, hdu.extname)}: cannot read TFORM${i} = '${tform}'`,
        hdu.index,
      );
    const repeat = m[1] === "" ? 1 : Number(m[1]);
    const type = m[2];
    const name = (hdu.header.getString(`TTYPE${i}`) ?? "").trim().toUpperCase();
    columns.push({ name, offset, repeat, type, elementType: m[3] || undefined });
    offset += type === "X" ? Math.ceil(repeat / 8) : repeat * WIDTH[type];
  }
  return columns;
}

/** Reads the first element of a numeric column in a row (big-endian, as all FITS data). */
export function readNumber(view: DataView, rowStart: number, col: Column): number {
  const at = rowStart + col.offset;
  switch (col.type) {
    case "B":
      return view.getUint8(at);
    case "I":
      return view.getInt16(at);
    case "J":
      return view.getInt32(at);
    case "K":
      return Number(view.getBigInt64(at));
    case "E":
      return view.getFloat32(at);
    case "D":
      return view.getFloat64(at);
    default:
      throw new Error(`column ${col.name}: type ${col.type} is not numeric`);
  }
}

/** A variable-length array descriptor: element count and byte offset from the heap start. */
export function readDescriptor(view: DataView, rowStart: number, col: Column): { count: number; offset: number } {
  const at = rowStart + col.offset;
  if (col.type === "P") return { count: view.getInt32(at), offset: view.getInt32(at + 4) };
  return { count: Number(view.getBigInt64(at)), offset: Number(view.getBigInt64(at + 8)) };
}

export const elementWidth = (type: string | undefined): number => WIDTH[type ?? "B"] ?? 1;
