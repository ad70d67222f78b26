import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignOutButton } from "@/components/sign-out-button";
import { AdminNavLink } from "@/components/admin-nav-link";
import { AlertsNavLink } from "@/components/alerts-nav-link";
import { TimeZonePicker } from "@/components/time-zone-picker";
import { TimeZoneProvider } from "@/components/time-zone-context";
import { viewerTimeZone } from "@/lib/time/viewer-time-zone";
import { schemaState } from "@/lib/db/schema-state";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Callboard", template: "%s · Callboard" },
  description: "Outcomes of your Voxia AI phone calls",
};

const NAV_LINK = "text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, which Next.js
  // can only stamp on its inline scripts at request time (a prerendered page would be blocked).
  await connection();
  // A schema whose migrations did not apply is not read from as if it were current (the reason is
  // in the server log and /api/health, not on a page anyone can open).
  const schema = schemaState();
  const viewer = await viewerTimeZone();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <TimeZoneProvider zone={viewer.zone}>
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 sm:gap-x-6">
            <Link href="/" className="font-semibold">Callboard</Link>
            {[
              ["/", "Overview"],
              ["/calls", "Calls"],
              ["/live", "Live"],
              ["/campaigns", "Campaigns"],
              ["/contacts", "Contacts"],
              ["/follow-ups", "Follow-ups"],
              ["/suppression", "Do not call"],
              ["/settings/webhook", "Connect"],
            ].map(([href, label]) => (
              <Link key={href} href={href!} className={NAV_LINK}>
                {label}
              </Link>
            ))}
            <AlertsNavLink className={NAV_LINK} />
            <AdminNavLink className={NAV_LINK} />
            <div className="ml-auto flex items-center gap-x-4">
              <TimeZonePicker zone={viewer.zone} fromCookie={viewer.fromCookie} />
              <SignOutButton />
            </div>
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">
          {schema.status === "ready" ? children : <SchemaNotReady migrationFailed={schema.status === "migration_failed"} />}
        </main>
        </TimeZoneProvider>
      </body>
    </html>
  );
}

function SchemaNotReady({ migrationFailed }: { migrationFailed: boolean }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">Callboard is not serving yet</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {migrationFailed
          ? "A database migration failed, so the database is not in the shape this version of Callboard needs. Webhooks are refused with 503 (Voxia's deliveries are not stored into the old schema) until it is fixed. The server log and /api/health name the migration and the error."
          : "The database is being prepared or cannot be reached; this page works again as soon as it is ready."}
      </p>
    </div>
  );
}
