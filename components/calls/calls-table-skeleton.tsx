/** Placeholder rows while a page of calls loads. */
export function CallsTableSkeleton() {
  return (
    <div role="status" aria-label="Loading calls" className="animate-pulse space-y-2">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
