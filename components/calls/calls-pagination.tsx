import Link from "next/link";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/** Keyset page links: the cursor rides in the URL next to the filters, so every page is linkable. */
export function CallsPagination({ query, newerCursor, olderCursor, onFirstPage }: { query: string; newerCursor: string | null; olderCursor: string | null; onFirstPage: boolean }) {
  const href = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const qs = params.toString();
    return qs ? `/calls?${qs}` : "/calls";
  };
  if (!newerCursor && !olderCursor && onFirstPage) return null;
  return (
    <nav aria-label="Pages of calls" className="flex flex-wrap items-center justify-between gap-2">
      <div className="flex gap-2">
        {!onFirstPage && <Link className={linkClass} href={href({})}>« Newest</Link>}
        {newerCursor && <Link className={linkClass} href={href({ before: newerCursor })} rel="prev">‹ Newer</Link>}
      </div>
      {olderCursor && <Link className={linkClass} href={href({ cursor: olderCursor })} rel="next">Older ›</Link>}
    </nav>
  );
}
