import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";

/** Size and sha256 of a file, read in 1 MB pieces. */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { size: statSync(file).size, sha256: hash.digest("hex") };
}
