"use client";
// Shown when /contacts fails to load (most often: the database is unreachable).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function ContactsError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The contacts could not be loaded" />;
}
