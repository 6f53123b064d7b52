import { Card } from "./card";

export function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: React.ReactNode;
  aside?: React.ReactNode;
}) {
  return (
    <section className="mt-8 min-w-0">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-lg font-semibold">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** A table in its card: on a narrow screen the table scrolls sideways inside the card, not the page. */
export function Table({ children }: { children: React.ReactNode }) {
  return (
    <Card padding="none" className="max-w-full overflow-x-auto">
      <table className="tabular w-full text-left text-sm [&_tbody_tr]:border-t [&_tbody_tr]:border-line/60 [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted">
        {children}
      </table>
    </Card>
  );
}
