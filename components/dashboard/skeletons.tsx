// Placeholders shown while a card or chart streams in.
export function KpiSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      <div className="mt-2 h-8 w-20 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="mt-2 h-3 w-28 animate-pulse rounded bg-slate-100 dark:bg-slate-800/60" />
    </div>
  );
}

export function ChartSkeleton({ title, height = "h-72" }: { title: string; height?: string }) {
  return (
    <section aria-busy="true" aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-base font-semibold">{title}</h2>
      <div className={`mt-3 ${height} animate-pulse rounded bg-slate-100 dark:bg-slate-800/60`} />
    </section>
  );
}
