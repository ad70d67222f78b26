"use client";
// Shown when a call's page (/calls/{id}) fails to load.
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function CallError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="This call could not be loaded" />;
}
