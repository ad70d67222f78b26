// A CSV download streamed from an async generator of chunks. Pull-based: a chunk is made only when
// the client has taken the last one (an export reads at most one batch ahead of it), so a slow
// download holds a batch or two in memory, never the whole result.
export function csvDownload(chunks: AsyncGenerator<Uint8Array>, name: string): Response {
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await chunks.next();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="callboard-${name}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
