// Truncated and corrupt .fit files must fail with a ParseError at the right line, never return
// a partial list of pixels.
import { describe, expect, it } from "vitest";
import { ParseError, parseFit, type ParseFitOptions } from "@/lib/ingest/magphys";
import { FIT_FIXTURE, fixtureText, hasMagphysFixtures } from "./fixtures";

function parseError(text: string, options: ParseFitOptions = {}): ParseError {
  try {
    parseFit(text, { fileName: "wu.fit", ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error("expected a ParseError, but the file parsed");
}

describe.runIf(hasMagphysFixtures)(".fit errors", () => {
  const lines = hasMagphysFixtures ? fixtureText(FIT_FIXTURE).split("\r\n").slice(0, -1) : [];
  const firstLines = (k: number) =>
    lines
      .slice(0, k)
      .map((l) => l + "\r\n")
      .join("");
  const withLine = (lineNumber: number, replace: (line: string) => string) =>
    lines.map((l, i) => (i === lineNumber - 1 ? replace(l) : l)).join("\r\n") + "\r\n";

  it("an empty file is an error at line 1", () => {
    expect(parseError("").line).toBe(1);
    expect(parseError("\r\n  \r\n").reason).toMatch(/empty file/);
  });

  // Cut after k complete lines: the error is at the first missing line, k + 1.
  it.each([
    [1, /OBSERVED FLUXES/],
    [4, /observed flux errors/],
    [10, /best-fit header/],
    [30, /bin of the histogram of f_mu \(SFH\)/],
    [38, /percentiles of f_mu \(SFH\)/],
    [39, /# theSkyNet2/],
    [914, /theSkyNet parameters of this model/],
    [915, /theSkyNet model parameters/],
    [2000, /bin of the histogram|percentiles/],
    [8243, /theSkyNet model parameters/],
  ])("truncated after %i lines → error at the next line", (k, expected) => {
    const error = parseError(firstLines(k));
    expect(error.line).toBe(k + 1);
    expect(error.reason).toMatch(/unexpected end of file/);
    expect(error.reason).toMatch(expected);
    expect(error.message).toMatch(new RegExp(`^wu\\.fit:${k + 1}: `));
  });

  it("a cut between two blocks is caught when the pixel count is known", () => {
    expect(parseFit(firstLines(916)).pixels).toHaveLength(1);
    const error = parseError(firstLines(4 * 916), { expectedPixels: 9 });
    expect(error.line).toBe(4 * 916 + 1);
    expect(error.reason).toBe("expected 9 pixel blocks, found 4");
    expect(parseFit(lines.join("\n"), { expectedPixels: 9 }).pixels).toHaveLength(9);
  });

  it("a line cut in the middle fails at that line", () => {
    const cutBestFit = firstLines(11) + lines[11].slice(0, 40);
    expect(parseError(cutBestFit).line).toBe(12);
    expect(parseError(cutBestFit).reason).toMatch(/16 numbers, found 4 fields/);
    const cutLast = firstLines(8243) + lines[8243].slice(0, 50);
    expect(parseError(cutLast).line).toBe(8244);
  });

  it("a corrupted number names its line and the bad text", () => {
    const chi2 = parseError(withLine(10, (l) => l.replace("0.190", "0.1.90")));
    expect(chi2.line).toBe(10);
    expect(chi2.reason).toMatch(/chi2.*'0\.1\.90'/);
    const bin = parseError(withLine(1833 + 20, (l) => l.replace(/E-0(\d)/, "E-O$1")));
    expect(bin.line).toBe(1853);
    expect(bin.reason).toMatch(/expected a number in a bin/);
    expect(parseError(withLine(12, (l) => l.replace("6.376E+07", "NaN"))).line).toBe(12);
    expect(parseError(withLine(5000, (l) => l + "  1.0")).line).toBe(5000);
  });

  it("a changed comment or header is an error at its line", () => {
    expect(parseError(withLine(40, () => "# theSkyNet3")).line).toBe(40);
    expect(parseError(withLine(2, () => "# OBSERVED FLUXES:")).line).toBe(2);
    const header = parseError(withLine(11, (l) => l.replace("T_C^ISM", "T_X^ISM")));
    expect([header.line, header.reason]).toEqual([11, expect.stringMatching(/best-fit header/)]);
    const section = parseError(withLine(92, () => "# ... tau_Q ..."));
    expect(section.line).toBe(92);
    const again = parseError(withLine(92, () => "# ... mu parameter ..."));
    expect([again.line, again.reason]).toEqual([92, "second histogram of 'mu parameter'"]);
    expect(parseError(withLine(13, (l) => l.replace("PS1y", "PS1Y"))).line).toBe(13);
  });

  it("a bad pixel header, garbage after a block, or a repeated pixel is an error", () => {
    expect(parseError(withLine(917, () => " ####### 4573582")).line).toBe(917);
    expect(parseError(firstLines(916) + "garbage\r\n").line).toBe(917);
    const twice = parseError(firstLines(916) + firstLines(916));
    expect([twice.line, twice.reason]).toEqual([917, "pixel pix4573581 appears twice (first at line 1)"]);
  });
});
