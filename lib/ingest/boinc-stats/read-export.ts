/**
 * Streaming readers of `user.gz` and `team.gz`: `for await (const user of readUserExport(path))`
 * yields one typed record at a time. Bad records are skipped and counted in `reader.skipped`;
 * file-level problems (gzip, XML, root element) throw StatsExportError, after which the caller
 * rolls back whatever it stored from the records already yielded.
 */
import { emptyTextRepairCounts, type TextRepairCounts } from "./boinc-text";
import { RecordFields, SkipRecord } from "./record-fields";
import { sourceName, textChunks, type ExportSource } from "./text-source";
import type { BoincHostRecord, BoincTeamRecord, BoincUserRecord, SkippedRecords } from "./types";
import { xmlRecords } from "./xml-records";

export interface ReadExportOptions {
  /** Defaults to true: user.gz and team.gz are gzip. */
  gzip?: boolean;
  /** Name for messages, when the source is not a path. */
  fileName?: string;
  /** How many skip reasons to keep (default 10). */
  maxSkipExamples?: number;
}

interface RecordSpec<T> {
  root: string;
  element: string;
  build(fields: RecordFields): T;
}

export class ExportReader<T> implements AsyncIterable<T> {
  readonly skipped: SkippedRecords = { count: 0, examples: [] };
  /** Text fields repaired from BOINC's byte-wise escaping, or kept as Latin-1. */
  readonly texts: TextRepairCounts = emptyTextRepairCounts();
  /** Records yielded so far. */
  records = 0;
  private started = false;

  constructor(
    private readonly source: ExportSource,
    private readonly spec: RecordSpec<T>,
    private readonly options: ReadExportOptions = {},
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    // A stream can be read once; a second loop would silently see nothing.
    if (this.started) throw new Error("an ExportReader can be iterated only once");
    this.started = true;
    const fileName = sourceName(this.source, this.options.fileName);
    const chunks = textChunks(this.source, { gzip: this.options.gzip ?? true, fileName });
    for await (const raw of xmlRecords(chunks, this.spec.root, fileName)) {
      let record: T;
      try {
        if (raw.name !== this.spec.element)
          throw new SkipRecord(`unexpected element <${raw.name}> in <${this.spec.root}>`);
        if (raw.duplicateField) throw new SkipRecord(`<${raw.name}> with <${raw.duplicateField}> given twice`);
        record = this.spec.build(new RecordFields(raw.fields, this.spec.element, this.texts));
      } catch (error) {
        if (!(error instanceof SkipRecord)) throw error;
        this.skip(raw.line, error.message);
        continue;
      }
      this.records++;
      yield record;
    }
  }

  private skip(line: number, reason: string): void {
    this.skipped.count++;
    if (this.skipped.examples.length < (this.options.maxSkipExamples ?? 10))
      this.skipped.examples.push({ line, reason });
  }
}

const USER: RecordSpec<BoincUserRecord> = {
  root: "users",
  element: "user",
  build: (f) => ({
    id: f.id("id"),
    name: f.text("name"),
    createTime: f.number("create_time"),
    totalCredit: f.number("total_credit"),
    expavgCredit: f.number("expavg_credit"),
    expavgTime: f.number("expavg_time"),
    cpid: f.optionalText("cpid") ?? "",
    country: f.optionalText("country"),
    url: f.optionalText("url"),
    teamId: f.optionalId("teamid"),
    hasProfile: f.flag("has_profile"),
  }),
};

const TEAM: RecordSpec<BoincTeamRecord> = {
  root: "teams",
  element: "team",
  build: (f) => ({
    id: f.id("id"),
    type: f.integer("type"),
    name: f.text("name"),
    founderId: f.integer("userid"),
    totalCredit: f.number("total_credit"),
    expavgCredit: f.number("expavg_credit"),
    expavgTime: f.number("expavg_time"),
    founderName: f.optionalText("founder_name"),
    createTime: f.number("create_time"),
    url: f.optionalText("url"),
    nameHtml: f.optionalText("name_html"),
    description: f.optionalText("description"),
    country: f.optionalText("country"),
  }),
};

const HOST: RecordSpec<BoincHostRecord> = {
  root: "hosts",
  element: "host",
  build: (f) => ({
    id: f.id("id"),
    userId: f.optionalId("userid"),
    createTime: f.number("create_time"),
    rpcTime: f.optionalNumber("rpc_time"),
    totalCredit: f.number("total_credit"),
    expavgCredit: f.number("expavg_credit"),
    expavgTime: f.number("expavg_time"),
    cpuCount: f.optionalNumber("ncpus") ?? 0,
    cpuVendor: f.optionalText("p_vendor"),
    cpuModel: f.optionalText("p_model"),
    pFpops: f.optionalNumber("p_fpops") ?? 0,
    osName: f.optionalText("os_name"),
    osVersion: f.optionalText("os_version"),
  }),
};

export function readUserExport(source: ExportSource, options?: ReadExportOptions): ExportReader<BoincUserRecord> {
  return new ExportReader(source, USER, options);
}

export function readTeamExport(source: ExportSource, options?: ReadExportOptions): ExportReader<BoincTeamRecord> {
  return new ExportReader(source, TEAM, options);
}

export function readHostExport(source: ExportSource, options?: ReadExportOptions): ExportReader<BoincHostRecord> {
  return new ExportReader(source, HOST, options);
}
