/** A titled panel of the call page. */
export function SectionCard({ title, id, children, className = "" }: { title: string; id?: string; children: React.ReactNode; className?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      <h2 id={headingId} className="mb-3 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{title}</h2>
      {children}
    </section>
  );
}
