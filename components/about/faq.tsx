// Short answers to what newcomers ask first. <details> works without JavaScript and with the keyboard.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

const QUESTIONS: readonly { q: string; a: ReactNode }[] = [
  {
    q: "Why are some pixels of a map empty (a dark checkerboard)?",
    a: "Either their work unit has not come back yet, or the pixel had too few filters with data to be fitted (sky, or the edge of a survey). The galaxy page shows which rectangles are still out.",
  },
  {
    q: "Why do the colour pictures not look like a photograph?",
    a: "They use filters from the ultraviolet to the infrared, some outside what the eye sees, and a stretch that shows faint outskirts and bright centres at once. The colours are real differences between the filters, not decoration.",
  },
  {
    q: "How sure is each value?",
    a: "Each pixel has a probability distribution per quantity, not one number. The maps show the median; the pixel inspector (click a pixel in the viewer) shows the distributions and their 2.5–97.5 % ranges. Faint pixels have wide ones.",
  },
  {
    q: "Can I use the results in my research?",
    a: (
      <>
        Yes: the{" "}
        <Link href="/data" className="text-accent-2 hover:underline">
          data page
        </Link>{" "}
        has each galaxy&apos;s maps as FITS, its full results as HDF5, cut-outs by pixel box or sky region, and a Python
        example.
      </>
    ),
  },
  {
    q: "How do I take part?",
    a: "Install BOINC on your computer, attach it to POGS and create an account; your computer fits pixels in its spare time. Link the BOINC account here to see your credit, your work units and the galaxies you helped map.",
  },
  {
    q: "Does it slow my computer down?",
    a: "BOINC runs at the lowest priority and pauses when you use the computer, if you wish; you choose how many cores and when.",
  },
];

export function Faq() {
  return (
    <Card as="section" id="faq" aria-labelledby="faq-title" padding="lg" className="scroll-mt-24">
      <h2 id="faq-title" className="text-xl font-semibold tracking-tight">
        Questions
      </h2>
      <div className="mt-3 divide-y divide-line/60">
        {QUESTIONS.map(({ q, a }) => (
          <details key={q} className="group py-2.5">
            <summary className="cursor-pointer list-none text-sm font-medium marker:hidden focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
              <span
                className="mr-2 inline-block text-muted transition group-open:rotate-90 motion-reduce:transition-none"
                aria-hidden
              >
                ›
              </span>
              {q}
            </summary>
            <p className="mt-2 pl-5 text-sm leading-relaxed">{a}</p>
          </details>
        ))}
      </div>
    </Card>
  );
}
