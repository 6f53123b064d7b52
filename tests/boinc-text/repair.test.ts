// BOINC writes each byte of a UTF-8 name above 127 as its own character reference: the repair turns
// those bytes back into characters, and leaves alone what is already text.
import { describe, expect, it } from "vitest";
import { readUserExport } from "@/lib/ingest/boinc-stats";
import { byteWiseReferences, repairBoincTextOutcome } from "@/lib/ingest/boinc-stats/boinc-text";
import { escapeBoincXml, userXml } from "@/lib/ingest/boinc-stats/export-xml";
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";

/** What an XML parser hands over for BOINC's byte-wise references of `text`. */
const asParsed = (text: string) => String.fromCharCode(...Buffer.from(text, "utf8"));

describe("repairBoincTextOutcome", () => {
  const cases: [string, string, string, "unchanged" | "repaired" | "latin1"][] = [
    ["ASCII", "user42", "user42", "unchanged"],
    ["Chinese, 3 bytes a character", asParsed("中国队 10"), "中国队 10", "repaired"],
    ["Cyrillic with « » and Ω", asParsed("Команда 6 «Ω»"), "Команда 6 «Ω»", "repaired"],
    ["a 4-byte emoji", asParsed("🚀 rocket"), "🚀 rocket", "repaired"],
    ["Polish", asParsed("Łukasz"), "Łukasz", "repaired"],
    ["a name that really is Latin-1 (not UTF-8 as bytes)", "Zoë", "Zoë", "latin1"],
    ["a truncated UTF-8 sequence", asParsed("中国").slice(0, 5), asParsed("中国").slice(0, 5), "latin1"],
    ["real UTF-8 text above U+00FF (a fixed BOINC, the demo)", "中国队 Zoë", "中国队 Zoë", "unchanged"],
    ["an escaped reference stays literal text", "&#228;", "&#228;", "unchanged"],
    ["& < > and quotes", `Ada & <Bob> "x" 'y'`, `Ada & <Bob> "x" 'y'`, "unchanged"],
  ];
  for (const [what, input, text, outcome] of cases) {
    it(what, () => expect(repairBoincTextOutcome(input)).toEqual({ text, outcome }));
  }
});

describe("BOINC's byte-wise escaping, written and read back", () => {
  it("writes every UTF-8 byte above 127 as a decimal reference, as xml_escape does", () => {
    expect(byteWiseReferences("中国队")).toBe("&#228;&#184;&#173;&#229;&#155;&#189;&#233;&#152;&#159;");
    expect(escapeBoincXml("Ada & <Ω>")).toBe("Ada &amp; &lt;&#206;&#169;&gt;");
  });

  it("reads names written byte-wise, in plain UTF-8 and as &amp;#228; back as they were", async () => {
    const names = ["中国队 10", "Команда 6 «Ω»", "🚀 rocket", "Ada & <Bob>", "&#228; literally"];
    const user = (id: number, name: string) => ({
      id,
      name,
      createTime: 1_700_000_000,
      totalCredit: 1,
      expavgCredit: 1,
      expavgTime: 1_700_000_000,
      cpid: "c",
      country: "Россия",
      url: null,
      teamId: null,
      hasProfile: false,
    });
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<users>\n' +
      names.map((n, i) => userXml(user(2 * i + 1, n), escapeBoincXml) + userXml(user(2 * i + 2, n))).join("") +
      "</users>\n";
    const reader = readUserExport(Readable.from([gzipSync(xml)]));
    const read = [];
    for await (const u of reader) read.push(u);
    expect(read.map((u) => u.name)).toEqual(names.flatMap((n) => [n, n]));
    expect(read.every((u) => u.country === "Россия")).toBe(true);
    // written byte-wise and not ASCII: 3 of the names and all 5 countries
    expect(reader.texts).toEqual({ repaired: 8, latin1: 0, latin1Examples: [] });
  });
});
