// A POST that keeps sending its body until the server answers, for proving that an oversized body is
// refused while it is still arriving (i.e. without the server reading it all). fetch cannot show
// this: it reports the response only after it has sent the whole body.
import http from "node:http";

export type StreamingPostResult = { status: number; body: string; bytesSent: number };

export function streamingPost(
  url: string,
  options: { contentLength?: number; chunkBytes?: number; maxBytes: number; headers?: Record<string, string> },
): Promise<StreamingPostResult> {
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 0x20); // spaces: valid JSON whitespace
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.contentLength !== undefined ? { "content-length": String(options.contentLength) } : {}),
        ...options.headers,
      },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (data: string) => (body += data));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, bytesSent });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const limit = options.contentLength ?? options.maxBytes;
    const pump = () => {
      while (!answered && bytesSent < limit) {
        const piece = chunk.subarray(0, Math.min(chunk.length, limit - bytesSent));
        bytesSent += piece.length;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}
