/**
 * Typed access to a record's fields. A missing or malformed required field throws SkipRecord:
 * one bad user in a million-user export is logged and left out, not a reason to reject the dump.
 * Text fields come back repaired from BOINC's byte-wise escaping (./boinc-text.ts), counted.
 */
import { repairBoincTextOutcome, type TextRepairCounts } from "./boinc-text";

export class SkipRecord extends Error {}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

export class RecordFields {
  constructor(
    private readonly fields: Map<string, string>,
    private readonly element: string,
    private readonly texts: TextRepairCounts,
  ) {}

  private raw(name: string): string {
    const value = this.fields.get(name);
    if (value === undefined) throw new SkipRecord(`<${this.element}> without <${name}>`);
    return value;
  }

  /** A database id: a positive integer. */
  id(name: string): number {
    const text = this.raw(name).trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
      throw new SkipRecord(`<${this.element}> with invalid <${name}> '${clip(text)}'`);
    }
    return value;
  }

  integer(name: string): number {
    const text = this.raw(name).trim();
    const value = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(value)) {
      throw new SkipRecord(`<${this.element}> with non-integer <${name}> '${clip(text)}'`);
    }
    return value;
  }

  /** A finite number, ≥ 0 unless `allowNegative` (credit and times are never negative). */
  number(name: string, allowNegative = false): number {
    const text = this.raw(name).trim();
    // Number("") is 0 and Number("0x1f") is 31: only plain decimals pass.
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || (!allowNegative && value < 0)) {
      throw new SkipRecord(`<${this.element}> with non-numeric <${name}> '${clip(text)}'`);
    }
    return value;
  }

  /** An optional non-negative number; absent, blank or 0-time fields BOINC leaves empty are null. */
  optionalNumber(name: string): number | null {
    const value = this.fields.get(name);
    return value === undefined || value.trim() === "" ? null : this.number(name);
  }

  text(name: string): string {
    return this.repaired(this.raw(name));
  }

  /** An optional text; absent or blank is null, as BOINC leaves empty values out. */
  optionalText(name: string): string | null {
    const value = this.fields.get(name);
    return value === undefined || value.trim() === "" ? null : this.repaired(value);
  }

  private repaired(value: string): string {
    const { text, outcome } = repairBoincTextOutcome(value);
    if (outcome === "repaired") this.texts.repaired++;
    else if (outcome === "latin1") {
      this.texts.latin1++;
      if (this.texts.latin1Examples.length < 5) this.texts.latin1Examples.push(clip(text));
    }
    return text;
  }

  /** An optional id where 0 or absence means "none" (teamid). */
  optionalId(name: string): number | null {
    if (!this.fields.has(name) || this.fields.get(name)!.trim() === "0") return null;
    return this.id(name);
  }

  /** A flag written as an empty element (`<has_profile/>`); "0" or "false" inside counts as off. */
  flag(name: string): boolean {
    const value = this.fields.get(name);
    return value !== undefined && !/^\s*(0|false)\s*$/i.test(value);
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
