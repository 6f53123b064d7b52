// Which area a .fit file belongs to: its pixel ids are the area's consecutive POGS pixel ids.
import type { Db } from "@/lib/db/client";
import { ParseError, parseFit, type ParsedFitFile } from "@/lib/ingest/magphys";

export type AreaForResults = {
  id: number;
  galaxyId: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixelCount: number;
  firstPixelId: number;
  mask: Uint8Array;
};

/** Finds the area of a parsed file and checks every pixel belongs to it, once each. */
export async function locateArea(
  db: Db,
  fit: ParsedFitFile,
  input: { fileName: string; text: string },
): Promise<AreaForResults> {
  const firstId = Math.min(...fit.pixels.map((p) => p.pixelId));
  const area = await db.area.findFirst({
    where: { firstPixelId: { lte: firstId } },
    orderBy: { firstPixelId: "desc" },
    select: {
      id: true,
      galaxyId: true,
      x0: true,
      y0: true,
      x1: true,
      y1: true,
      pixelCount: true,
      firstPixelId: true,
      mask: true,
    },
  });
  if (!area || firstId >= area.firstPixelId + area.pixelCount) {
    throw new ParseError(
      `pixel pix${firstId} belongs to no registered work unit`,
      fit.pixels[0].firstLine,
      input.fileName,
    );
  }
  for (const p of fit.pixels) {
    if (p.pixelId >= area.firstPixelId + area.pixelCount) {
      throw new ParseError(
        `pixel pix${p.pixelId} is not in work unit ${area.id} (pix${area.firstPixelId}–pix${area.firstPixelId + area.pixelCount - 1})`,
        p.firstLine,
        input.fileName,
      );
    }
  }
  if (fit.pixels.length !== area.pixelCount) {
    // Re-parse knowing the expected count, so the error names the line where the file ends.
    parseFit(input.text, { fileName: input.fileName, expectedPixels: area.pixelCount });
  }
  return area;
}
