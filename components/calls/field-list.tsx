/** Label/value pairs as a description list. */
export function FieldList({ fields }: { fields: [label: string, value: React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 sm:grid-cols-[minmax(7rem,max-content)_minmax(0,1fr)] gap-y-1.5 text-sm">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="[overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
