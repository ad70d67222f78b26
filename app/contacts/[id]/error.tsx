"use client";
// Shown when a contact's page fails to load (most often: the database is unreachable).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function ContactError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="This contact could not be loaded" />;
}
