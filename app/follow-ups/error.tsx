"use client";
// Shown when /follow-ups fails to load (most often: the database is unreachable).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function FollowUpsError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The follow-up queues could not be loaded" />;
}
