// The catalogue search: a plain GET form, so every search is a URL that can be shared or scripted.
import Link from "next/link";
import { GALAXY_STATUSES, STATUS_LABEL } from "@/lib/survey/status";

export type CatalogueFormValues = Record<string, string | undefined>;

const input = "w-full rounded border border-line bg-panel px-2 py-1.5 placeholder:text-muted/50";

function Field(props: { label: string; hint?: string; wide?: boolean; children: React.ReactNode }) {
  const { label, hint, wide, children } = props;
  return (
    <label className={`flex flex-col gap-1 text-sm ${wide ? "col-span-2 lg:col-span-1" : ""}`}>
      <span className="text-muted">
        {label}
        {hint ? <span className="text-xs"> · {hint}</span> : null}
      </span>
      {children}
    </label>
  );
}

export function CatalogueForm({ values, hubbleTypes }: { values: CatalogueFormValues; hubbleTypes: string[] }) {
  return (
    <form action="/data" className="rounded-xl border border-line bg-panel/60 p-4" aria-label="Catalogue search">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Field label="Name" hint="contains" wide>
          <input name="q" defaultValue={values.q} placeholder="e.g. NGC 4073" className={input} />
        </Field>
        <Field label="Hubble type" hint="starts with">
          <input name="type" defaultValue={values.type} placeholder="e.g. SB" list="hubble-types" className={input} />
          <datalist id="hubble-types">
            {hubbleTypes.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </Field>
        <Field label="Redshift from">
          <input name="zmin" defaultValue={values.zmin} inputMode="decimal" placeholder="e.g. 0.01" className={input} />
        </Field>
        <Field label="Redshift to">
          <input name="zmax" defaultValue={values.zmax} inputMode="decimal" placeholder="e.g. 0.05" className={input} />
        </Field>
        <Field label="Status">
          <select name="status" defaultValue={values.status ?? ""} className={input}>
            <option value="">Any status</option>
            {GALAXY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-5">
        <legend className="mb-1 text-sm font-medium">Cone search</legend>
        <Field label="RA" hint="deg or h:m:s">
          <input name="ra" defaultValue={values.ra} placeholder="e.g. 12:03:57.6" className={input} />
        </Field>
        <Field label="Dec" hint="deg or d:m:s">
          <input name="dec" defaultValue={values.dec} placeholder="e.g. +02:13:48" className={input} />
        </Field>
        <Field label="Radius" hint="arcmin" wide>
          <input name="radius" defaultValue={values.radius} inputMode="decimal" placeholder="e.g. 30" className={input} />
        </Field>
        <div className="col-span-2 flex items-end gap-2">
          <button className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-ink">Search</button>
          <Link href="/data" className="rounded border border-line px-3 py-1.5 text-sm hover:bg-panel-2">
            Clear
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
