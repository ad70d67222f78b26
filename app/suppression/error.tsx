"use client";
// Shown when /suppression fails to load (most often: the database is unreachable).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function SuppressionError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The do-not-call list could not be loaded" />;
}
