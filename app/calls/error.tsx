"use client";
// Shown when /calls fails to load (most often: the database is unreachable).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function CallsError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The calls could not be loaded" />;
}
