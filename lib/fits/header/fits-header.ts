import { type CardValue, type FitsCard, CARD_LENGTH, kindOf } from "./card";
import { formatCard, isLongString } from "./card-format";
import { parseCard } from "./card-parse";

/**
 * An ordered FITS header. Order is kept because it is meaningful (mandatory keywords, WCSAXES
 * before the WCS, HISTORY as a log) and because re-exported headers should read like the input.
 * Lookups are by upper-case keyword and return the first card, as in cfitsio and astropy.
 */
export class FitsHeader {
  private readonly list: FitsCard[];

  constructor(cards: Iterable<FitsCard> = []) {
    this.list = [...cards].map((c) => ({ ...c, keyword: c.keyword.toUpperCase() }));
  }

  /** Parses card images (80 characters each, END optional), joining CONTINUE long strings. */
  static parse(images: string | Iterable<string>): FitsHeader {
    const cards: FitsCard[] = [];
    const list = typeof images === "string" ? splitCards(images) : images;
    for (const image of list) {
      const card = parseCard(image);
      if (card.keyword === "END" && card.kind === "commentary" && card.value === "") break;
      const prev = cards[cards.length - 1];
      const continues = prev?.kind === "string" && String(prev.value).endsWith("&");
      if (card.keyword === "CONTINUE" && card.kind === "string" && continues) {
        prev.value = String(prev.value).slice(0, -1) + String(card.value);
        if (card.comment) prev.comment = prev.comment ? `${prev.comment} ${card.comment}` : card.comment;
      } else {
        cards.push(card);
      }
    }
    return new FitsHeader(cards);
  }

  get cards(): readonly FitsCard[] {
    return this.list;
  }

  get length(): number {
    return this.list.length;
  }

  has(keyword: string): boolean {
    return this.index(keyword) >= 0;
  }

  getCard(keyword: string): FitsCard | undefined {
    const i = this.index(keyword);
    return i < 0 ? undefined : this.list[i];
  }

  get(keyword: string): CardValue | undefined {
    return this.getCard(keyword)?.value;
  }

  getString(keyword: string): string | undefined {
    const card = this.getCard(keyword);
    return card?.kind === "string" ? String(card.value) : undefined;
  }

  /** Numbers, whether written as ints or floats; undefined for anything else. */
  getNumber(keyword: string): number | undefined {
    const v = this.get(keyword);
    return typeof v === "number" ? v : undefined;
  }

  getBoolean(keyword: string): boolean | undefined {
    const v = this.get(keyword);
    return typeof v === "boolean" ? v : undefined;
  }

  /**
   * Sets the first card with this keyword, or appends one. The comment is kept unless a new one
   * is given. `float: true` writes an integral number as a float (`256.0`), which WCS keywords need.
   */
  set(keyword: string, value: CardValue, comment?: string, options: { float?: boolean } = {}): this {
    const key = keyword.toUpperCase();
    const kind = kindOf(value, options.float);
    const i = this.index(key);
    if (i < 0) this.list.push({ keyword: key, value, comment: comment ?? "", kind });
    else this.list[i] = { keyword: key, value, comment: comment ?? this.list[i].comment, kind };
    return this;
  }

  /** Appends a card even if the keyword exists (HISTORY, COMMENT, repeated keywords). */
  append(card: FitsCard): this {
    this.list.push({ ...card, keyword: card.keyword.toUpperCase() });
    return this;
  }

  addHistory(text: string): this {
    return this.append({ keyword: "HISTORY", value: text, comment: "", kind: "commentary" });
  }

  addComment(text: string): this {
    return this.append({ keyword: "COMMENT", value: text, comment: "", kind: "commentary" });
  }

  /** Removes every card with this keyword; returns how many were removed. */
  delete(keyword: string): number {
    const key = keyword.toUpperCase();
    const before = this.list.length;
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i].keyword === key) this.list.splice(i, 1);
    return before - this.list.length;
  }

  filter(keep: (card: FitsCard) => boolean): FitsHeader {
    return new FitsHeader(this.list.filter(keep));
  }

  clone(): FitsHeader {
    return new FitsHeader(this.list);
  }

  /**
   * The card images, without END. Long strings become CONTINUE cards, and LONGSTRN is declared
   * just before the first of them, as the OGIP convention asks, unless the header already has it.
   */
  toCardImages(): string[] {
    const out: string[] = [];
    let declared = this.has("LONGSTRN");
    for (const card of this.list) {
      if (!declared && isLongString(card)) {
        out.push(
          ...formatCard({
            keyword: "LONGSTRN",
            value: "OGIP 1.0",
            comment: "The OGIP long string convention may be used",
            kind: "string",
          }),
        );
        declared = true;
      }
      out.push(...formatCard(card));
    }
    return out;
  }

  /** Plain cards, so a header survives JSON.stringify and can be rebuilt with `new FitsHeader()`. */
  toJSON(): FitsCard[] {
    return this.list.map((c) => ({ ...c }));
  }

  private index(keyword: string): number {
    const key = keyword.toUpperCase();
    return this.list.findIndex((c) => c.keyword === key);
  }
}

function* splitCards(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += CARD_LENGTH) yield text.slice(i, i + CARD_LENGTH);
}
