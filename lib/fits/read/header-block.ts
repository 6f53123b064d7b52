import { FitsError, describeHdu } from "@/lib/fits/errors";
import { BLOCK_LENGTH, CARD_LENGTH } from "@/lib/fits/header/card";
import { FitsHeader } from "@/lib/fits/header/fits-header";

/** Card `i` of the bytes at `offset`, as text. FITS headers are ASCII; latin1 keeps every byte. */
function cardText(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + CARD_LENGTH));
}

function isEndCard(bytes: Uint8Array, at: number): boolean {
  // "END" followed by blanks to column 8; cfitsio accepts the card whatever follows column 8.
  return (
    bytes[at] === 0x45 &&
    bytes[at + 1] === 0x4e &&
    bytes[at + 2] === 0x44 &&
    bytes.subarray(at + 3, at + 8).every((b) => b === 0x20)
  );
}

/**
 * Reads the header starting at `offset` (a block boundary) up to END, and returns where the data
 * starts (the next block boundary). A header without END means the file was cut short.
 */
export function readHeaderBlock(
  bytes: Uint8Array,
  offset: number,
  file: string,
  hdu: number,
): { header: FitsHeader; dataOffset: number } {
  const images: string[] = [];
  for (let at = offset; ; at += CARD_LENGTH) {
    if (at + CARD_LENGTH > bytes.length) {
      throw new FitsError(
        file,
        `${describeHdu(hdu)}: header has no END card (file truncated at byte ${bytes.length}?)`,
        hdu,
      );
    }
    if (isEndCard(bytes, at)) {
      const used = at + CARD_LENGTH - offset;
      return { header: FitsHeader.parse(images), dataOffset: offset + Math.ceil(used / BLOCK_LENGTH) * BLOCK_LENGTH };
    }
    images.push(cardText(bytes, at));
  }
}

/** Whether the bytes at `offset` start with the given keyword followed by "= " (value indicator). */
export function startsWithKeyword(bytes: Uint8Array, offset: number, keyword: string): boolean {
  if (offset + 10 > bytes.length) return false;
  const head = String.fromCharCode(...bytes.subarray(offset, offset + 10));
  return head === keyword.padEnd(8) + "= ";
}
