import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FitsError, FitsHeader, formatCard, parseCard, writeFits } from "@/lib/fits";
import { hasPython, python, tempDir } from "./helpers";

const card = (s: string): string => s.padEnd(80);

describe("parseCard", () => {
  it("reads strings with escaped quotes, keeping leading and dropping trailing blanks", () => {
    const c = parseCard(card("OBJECT  = ' O''Brien''s  galaxy   ' / the name"));
    expect(c).toEqual({ keyword: "OBJECT", value: " O'Brien's  galaxy", comment: "the name", kind: "string" });
  });

  it("reads logicals, integers and floats, including D exponents", () => {
    expect(parseCard(card("SIMPLE  =                    T / ok"))).toMatchObject({ value: true, kind: "logical" });
    expect(parseCard(card("NAXIS1  =                  512"))).toMatchObject({ value: 512, kind: "int" });
    expect(parseCard(card("BLANK   =               -32768"))).toMatchObject({ value: -32768, kind: "int" });
    expect(parseCard(card("CRPIX2  = -1.434000000000000E+03 / ref"))).toMatchObject({ value: -1434, kind: "float" });
    expect(parseCard(card("CDELT1  =  -1.000000000000D-02"))).toMatchObject({ value: -0.01, kind: "float" });
    expect(parseCard(card("CRPIX1  =                256.0"))).toMatchObject({ value: 256, kind: "float" });
    expect(parseCard(card("X       =                  .5"))).toMatchObject({ value: 0.5, kind: "float" });
  });

  it("keeps commentary cards, undefined values and unparseable values", () => {
    expect(parseCard(card("HISTORY   From HiPS CDS/P/SDSS9/g"))).toEqual({
      keyword: "HISTORY",
      value: "  From HiPS CDS/P/SDSS9/g",
      comment: "",
      kind: "commentary",
    });
    expect(parseCard(card("        blank keyword text"))).toMatchObject({ keyword: "", kind: "commentary" });
    expect(parseCard(card("COMMENT = 'not a value'"))).toMatchObject({
      keyword: "COMMENT",
      value: "= 'not a value'",
      kind: "commentary",
    });
    expect(parseCard(card("UNDEF   =                      / nothing here"))).toMatchObject({
      value: null,
      kind: "undefined",
      comment: "nothing here",
    });
    expect(parseCard(card("BAD     = hello / unquoted"))).toMatchObject({ value: "hello", kind: "raw" });
    // The WISE atlas headers really contain a keyword '-'.
    expect(parseCard(card("-       = '0138m107_ac51-w1-int-3.fits' / atlas image"))).toMatchObject({
      keyword: "-",
      value: "0138m107_ac51-w1-int-3.fits",
    });
    expect(parseCard(card("HIERARCH ESO DET CHIP NAME = 'CCD-44' / chip"))).toMatchObject({
      keyword: "HIERARCH ESO DET CHIP NAME",
      value: "CCD-44",
    });
  });
});

describe("formatCard", () => {
  it("right-justifies fixed-format values at column 30 and pads strings to 8 characters", () => {
    const [n] = formatCard({ keyword: "NAXIS1", value: 512, comment: "width", kind: "int" });
    expect(n).toHaveLength(80);
    expect(n.slice(0, 30)).toBe("NAXIS1  =                  512");
    expect(n.slice(30, 38)).toBe(" / width");
    const [s] = formatCard({ keyword: "BUNIT", value: "DN", comment: "", kind: "string" });
    expect(s.slice(10, 20)).toBe("'DN      '");
    const [q] = formatCard({ keyword: "OBJECT", value: "O'Brien", comment: "", kind: "string" });
    expect(q.slice(10, 20)).toBe("'O''Brien'"); // 8 characters counted after escaping
    const [t] = formatCard({ keyword: "EXTEND", value: true, comment: "", kind: "logical" });
    expect(t.slice(0, 30)).toBe("EXTEND  =                    T");
  });

  it("writes floats so that they read back as the same double and stay floats", () => {
    for (const x of [
      256,
      -0.00039062539663773,
      1e-7,
      6.02214076e23,
      -1.2345678901234567e-5,
      0.1 + 0.2,
      5e-324,
      1.7976931348623157e308,
    ]) {
      const [image] = formatCard({ keyword: "X", value: x, comment: "", kind: "float" });
      const back = parseCard(image);
      expect(back.kind).toBe("float");
      expect(back.value).toBe(x);
    }
    const [fixed] = formatCard({ keyword: "CRVAL1", value: 202.469575, comment: "", kind: "float" });
    expect(fixed.slice(10, 30)).toBe("          202.469575");
  });

  it("refuses what FITS cannot hold instead of writing a bad card", () => {
    expect(() => formatCard({ keyword: "X", value: NaN, comment: "", kind: "float" })).toThrow(FitsError);
    expect(() => formatCard({ keyword: "TOOLONGKEY", value: 1, comment: "", kind: "int" })).toThrow(/invalid keyword/);
    expect(() => formatCard({ keyword: "OBJECT", value: "Ωmega", comment: "", kind: "string" })).toThrow(/ASCII/);
  });
});

describe("FitsHeader", () => {
  it("keeps order, finds the first card, and sets in place", () => {
    const h = new FitsHeader()
      .set("OBJECT", "M51")
      .set("CRPIX1", 256, "ref", { float: true })
      .addHistory("one")
      .addHistory("two");
    h.set("object", "NGC 5194");
    expect(h.cards.map((c) => c.keyword)).toEqual(["OBJECT", "CRPIX1", "HISTORY", "HISTORY"]);
    expect(h.getString("OBJECT")).toBe("NGC 5194");
    expect(h.getCard("CRPIX1")).toMatchObject({ kind: "float", comment: "ref" });
    expect(h.toCardImages()[1].slice(10, 30)).toBe("               256.0");
    expect(h.delete("HISTORY")).toBe(2);
    expect(new FitsHeader(JSON.parse(JSON.stringify(h)))).toEqual(h);
  });

  it("splits long strings with CONTINUE, declares LONGSTRN, and joins them back", () => {
    const long = "A history of O'Brien's galaxy & its neighbours, ".repeat(6).trim();
    const h = new FitsHeader().set("NOTE", long, "long one").set("SHORT", "x");
    const images = h.toCardImages();
    expect(images.every((i) => i.length === 80)).toBe(true);
    expect(images[0].startsWith("LONGSTRN= 'OGIP 1.0'")).toBe(true);
    expect(images.filter((i) => i.startsWith("CONTINUE  '")).length).toBeGreaterThanOrEqual(4);
    expect(images[1]).toMatch(/&'\s*$/);
    const back = FitsHeader.parse(images.join("") + "END".padEnd(80));
    expect(back.getString("NOTE")).toBe(long);
    expect(back.getCard("NOTE")?.comment).toBe("long one");
    expect(back.getString("SHORT")).toBe("x");
  });

  it("treats a string ending in & without a following CONTINUE as literal", () => {
    const h = FitsHeader.parse([card("A       = 'R&'"), card("B       = 'x'")]);
    expect(h.getString("A")).toBe("R&");
  });
});

describe.runIf(hasPython)("headers as astropy reads them", () => {
  const dir = tempDir();

  it("reads our long strings, quotes, floats and commentary exactly", () => {
    // astropy 5.2 misreads a '' followed by a blank inside CONTINUE cards (it even writes such
    // values wrongly itself), so the quotes here are followed by letters.
    const long = "x".repeat(150) + "O'Brien's galaxy & more " + "y".repeat(90);
    const header = new FitsHeader()
      .set("LONGVAL", long, "a comment")
      .set("QUOTE", "it's")
      .set("TINY", 1.2345678901234567e-5)
      .set("CRPIX1", 256, "", { float: true })
      .set("FLAG", false)
      .addHistory("processed by the portal")
      .addComment("c".repeat(100));
    const file = path.join(dir, "header.fits");
    writeFileSync(file, writeFits([{ header }]));
    const got = python<Record<string, unknown>>(
      `from astropy.io import fits
with fits.open(data, checksum=True) as h:
    hd = h[0].header
    print(json.dumps({k: hd[k] for k in ['LONGVAL', 'QUOTE', 'TINY', 'CRPIX1', 'FLAG']} | {
        'crpix_type': type(hd['CRPIX1']).__name__, 'history': list(hd['HISTORY']), 'comment': ''.join(hd['COMMENT'])}))`,
      file,
    );
    expect(got).toEqual({
      LONGVAL: long,
      QUOTE: "it's",
      TINY: 1.2345678901234567e-5,
      CRPIX1: 256,
      FLAG: false,
      crpix_type: "float",
      history: ["processed by the portal"],
      comment: "c".repeat(100),
    });
  });
});
