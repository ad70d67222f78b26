import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignOutButton } from "@/components/sign-out-button";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Callboard", template: "%s · Callboard" },
  description: "Outcomes of your Voxia AI phone calls",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, which Next.js
  // can only stamp on its inline scripts at request time (a prerendered page would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 sm:gap-x-6">
            <Link href="/" className="font-semibold">Callboard</Link>
            {[
              ["/", "Overview"],
              ["/calls", "Calls"],
              ["/campaigns", "Campaigns"],
              ["/settings/webhook", "Connect"],
            ].map(([href, label]) => (
              <Link key={href} href={href!} className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
                {label}
              </Link>
            ))}
            <SignOutButton />
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
