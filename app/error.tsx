"use client";
// Any page without a closer boundary lands here (the overview, among others).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function ErrorPage(props: SegmentErrorProps) {
  return <SegmentError {...props} title="This page could not be loaded" />;
}
