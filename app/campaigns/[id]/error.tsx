"use client";
// Shown when a campaign's page (/campaigns/{id}) fails to load.
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function CampaignError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="This campaign could not be loaded" />;
}
