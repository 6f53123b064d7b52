// Streamed at once while the page reads the survey. Only where no notFound() can follow: a streamed
// answer has already sent its 200 (see Next's loading.js "Status codes").
import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton />;
}
