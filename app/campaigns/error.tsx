"use client";
// Shown when /campaigns fails to load.
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function CampaignsError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The campaigns could not be loaded" />;
}
