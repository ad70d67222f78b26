"use client";
// Shown when the Connect page (/settings/webhook) fails to load its deliveries or rejections.
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function ConnectError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The Connect page could not be loaded" />;
}
