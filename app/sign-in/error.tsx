"use client";
// Shown when /sign-in fails (e.g. reading the session failed).
import { SegmentError, type SegmentErrorProps } from "@/components/segment-error";

export default function SignInError(props: SegmentErrorProps) {
  return <SegmentError {...props} title="The sign-in page could not be loaded" />;
}
