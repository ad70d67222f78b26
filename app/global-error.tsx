"use client";
// The last boundary: an error in the root layout itself (app/error.tsx sits inside that layout and
// cannot catch it). It replaces the layout, so it renders its own <html> and <body>.
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";
import "./globals.css";

export default function GlobalError(props: SegmentErrorProps) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 px-4 py-16 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <title>Callboard could not be loaded</title>
        <SegmentError {...props} title="Callboard could not be loaded" />
      </body>
    </html>
  );
}
