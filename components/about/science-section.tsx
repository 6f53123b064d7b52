// One explanation on /about: a card with its anchor (the target of the galaxy page's "?" links),
// the text, and beside it (below it on a phone) a picture from the survey's own maps.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function ScienceSection({
  id,
  title,
  picture,
  children,
}: {
  id: string;
  title: ReactNode;
  picture?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      as="section"
      id={id}
      aria-labelledby={`${id}-title`}
      padding="lg"
      className="scroll-mt-24 target:ring-2 target:ring-accent-2/60"
    >
      <div className={picture ? "grid gap-6 md:grid-cols-[minmax(0,1fr)_16rem]" : ""}>
        <div className="min-w-0 space-y-3 text-sm leading-relaxed">
          <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
            {title}
          </h2>
          {children}
        </div>
        {picture ? <div className="mx-auto w-full max-w-xs min-w-0 md:max-w-none">{picture}</div> : null}
      </div>
    </Card>
  );
}
