// "Name contains" as a plain GET form: the other choices ride along as hidden fields.
import Link from "next/link";

export function NameSearchForm({
  action,
  q,
  keep,
  placeholder,
  clearHref,
}: {
  action: string;
  q: string | undefined;
  keep: Record<string, string>;
  placeholder: string;
  clearHref: string;
}) {
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm" role="search">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input
        name="q"
        defaultValue={q ?? ""}
        placeholder={placeholder}
        aria-label="Search by name"
        maxLength={100}
        className="w-56 rounded border border-line bg-panel px-3 py-1.5 placeholder:text-muted"
      />
      <button className="rounded bg-accent px-3 py-1.5 font-medium text-ink">Search</button>
      {q ? (
        <Link href={clearHref} className="text-accent-2 hover:underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
