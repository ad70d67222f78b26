"use client";
// A <details> whose content is put in the page only once opened: a call's raw bodies repeat its whole
// transcript per delivery, which would otherwise multiply the page's DOM and its find-in-page hits.
import { useEffect, useRef, useState } from "react";

export function DetailsOnDemand({ summary, className, children }: { summary: React.ReactNode; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before the page hydrated: the toggle event was missed.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      {summary}
      {opened && children}
    </details>
  );
}
