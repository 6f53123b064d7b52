// npm run register -- <file.fits>… [--filter F=file] [--sigma F=file] [--snr F=file]
//   [--name N] [--ra deg --dec deg] [--redshift z] [--type T] [--reference F] [--sigma-fraction f] [--run R]
// Registers one galaxy from its FITS images (one per filter, or one multi-extension file).
import { parseArgs } from "node:util";
import { settings } from "@/lib/config";
import { db } from "@/lib/db/client";
import { collectBands, registerGalaxy, RegistrationError, type FileLabel } from "@/lib/ingest/registration";
import { runCli } from "./cli";

const USAGE =
  "usage: npm run register -- <file.fits>… [--filter SDSSg=g.fits] [--sigma SDSSg=g_err.fits] [--snr …] [--name NGC628] [--redshift 0.0022] [--ra 24.17 --dec 15.78] [--type Sc] [--reference SDSSr]";

function labels(values: string[] | undefined, role: FileLabel["role"]): FileLabel[] {
  return (values ?? []).map((v) => {
    const m = /^([^=]+)=(.+)$/.exec(v);
    if (!m) throw new RegistrationError(`--${role === "image" ? "filter" : role} ${v}: expected FILTER=file`);
    return { filter: m[1], file: m[2], role };
  });
}

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RegistrationError(`--${name} ${v}: not a number`);
  return n;
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      filter: { type: "string", multiple: true },
      sigma: { type: "string", multiple: true },
      snr: { type: "string", multiple: true },
      name: { type: "string" },
      ra: { type: "string" },
      dec: { type: "string" },
      redshift: { type: "string" },
      type: { type: "string" },
      reference: { type: "string" },
      "sigma-fraction": { type: "string" },
      run: { type: "string" },
    },
  });
  const fileLabels = [
    ...labels(values.filter, "image"),
    ...labels(values.sigma, "sigma"),
    ...labels(values.snr, "snr"),
  ];
  if (!positionals.length && !fileLabels.length) throw new RegistrationError(USAGE);
  const started = performance.now();
  const bands = await collectBands(positionals, fileLabels);
  const galaxy = await registerGalaxy(db(), settings().dataDir, bands, {
    name: values.name,
    ra: number("ra", values.ra),
    dec: number("dec", values.dec),
    redshift: number("redshift", values.redshift),
    hubbleType: values.type,
    reference: values.reference,
    sigmaFraction: number("sigma-fraction", values["sigma-fraction"]),
    runName: values.run,
    onStep: (s) => console.error(`… ${s}`),
  });
  for (const w of galaxy.warnings) console.error(`warning: ${w}`);
  console.log(
    `registered ${galaxy.name} (id ${galaxy.id}): ${galaxy.width}×${galaxy.height} px on the ${galaxy.reference} grid, ` +
      `${galaxy.filters.length} filters (${galaxy.filters.join(", ")}), ${galaxy.usablePixels} usable pixels in ${galaxy.areas} work units ` +
      `[${((performance.now() - started) / 1000).toFixed(2)} s]`,
  );
  await db().$disconnect();
});
