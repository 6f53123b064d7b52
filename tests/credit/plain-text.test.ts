// Team descriptions are HTML written by volunteers: shown as plain text, never as markup.
import { describe, expect, it } from "vitest";
import { htmlToPlainText, safeHttpUrl } from "@/lib/credit/plain-text";

describe("htmlToPlainText", () => {
  it("keeps the words and the line breaks, drops the tags", () => {
    expect(htmlToPlainText("<p>We <b>crunch</b> galaxies.</p><p>Join us!<br>Perth, WA</p>")).toBe(
      "We crunch galaxies.\nJoin us!\nPerth, WA",
    );
    expect(htmlToPlainText("<ul><li>one</li><li>two</li></ul>")).toBe("• one\n• two");
  });

  it("drops scripts, styles and comments whole", () => {
    expect(htmlToPlainText('Hi<script>alert("x")</script><style>p{}</style><!-- secret -->!')).toBe("Hi!");
    expect(htmlToPlainText('<img src=x onerror="alert(1)">ok')).toBe("ok");
  });

  it("decodes character references once, so escaped markup stays text", () => {
    expect(htmlToPlainText("Tom &amp; Jerry &lt;3 &#233;&#x1F30C; &nbsp;x")).toBe("Tom & Jerry <3 é🌌 \u00a0x");
    expect(htmlToPlainText("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<script>alert(1)</script>");
    expect(htmlToPlainText("&#0; &#xD800; &bogus;")).toBe("\ufffd \ufffd &bogus;");
  });

  it("shortens very long texts", () => {
    expect(htmlToPlainText("a".repeat(5000), 100)).toHaveLength(100);
  });
});

describe("safeHttpUrl", () => {
  it("links http and https only", () => {
    expect(safeHttpUrl("https://example.org/team")).toBe("https://example.org/team");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("icrar.org")).toBeNull();
  });
});
