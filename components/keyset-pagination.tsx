import Link from "next/link";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * Keyset page links for a list other than the calls (contacts, follow-ups, suppressed numbers): the
 * cursor rides in the URL next to the list's other parameters, so every page is linkable.
 */
export function KeysetPagination({ path, query, label, prevCursor = null, nextCursor, onFirstPage, firstLabel, prevLabel, nextLabel }: {
  path: string;
  query: string;
  label: string;
  prevCursor?: string | null;
  nextCursor: string | null;
  onFirstPage: boolean;
  firstLabel: string;
  prevLabel?: string;
  nextLabel: string;
}) {
  const href = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  if (!nextCursor && !prevCursor && onFirstPage) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2">
      <div className="flex gap-2">
        {!onFirstPage && <Link className={linkClass} href={href({})}>« {firstLabel}</Link>}
        {prevCursor && prevLabel && <Link className={linkClass} href={href({ before: prevCursor })} rel="prev">‹ {prevLabel}</Link>}
      </div>
      {nextCursor && <Link className={linkClass} href={href({ cursor: nextCursor })} rel="next">{nextLabel} ›</Link>}
    </nav>
  );
}
