// What a list, table or chart shows when there is nothing in it yet, in the card the content would
// have filled (so the column is not left empty).
import type { ReactNode } from "react";
import { Card } from "./card";

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Card padding="lg" className="border-dashed text-center text-sm text-muted">
      {children}
    </Card>
  );
}
