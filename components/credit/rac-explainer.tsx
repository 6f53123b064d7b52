// One line on what RAC is, wherever RAC is shown (docs/formats.md §11).
export function RacExplainer({ className = "" }: { className?: string }) {
  return (
    <p className={`text-xs text-muted ${className}`}>
      RAC is BOINC&apos;s recent average credit: credits a day, averaged so that older work counts less and less (it
      halves every 7 days without new credit). A newcomer&apos;s RAC climbs for weeks before it reflects their pace.
    </p>
  );
}
