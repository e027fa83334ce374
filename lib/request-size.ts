// The largest request body Atelier reads: a report's photos and a video (50 MB,
// lib/file-types.ts) fit, with room for the form around them. Next refuses a
// server action's larger body by throwing, which answered a 500, and a route
// handler would read any size; worker.ts answers 413 before either does.
// next.config.ts gives Next the same limit.
export const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

export type BodyGuard = { tooLarge: true } | { tooLarge: false; request: Request; exceeded(): boolean };

/**
 * A body announced over the limit is refused before anything reads it. One sent
 * without a length (chunked) is counted as the app reads it and cut off past the
 * limit: the app then fails to read it, and `exceeded()` says the failure was the
 * body's size. A stated length bounds the body itself (HTTP framing), so such a
 * body is passed on untouched.
 */
export function guardRequestBody(request: Request, limit = MAX_REQUEST_BYTES): BodyGuard {
  const length = request.headers.get("content-length");
  if (length !== null && !(Number(length) <= limit)) return { tooLarge: true };
  if (length !== null || !request.body) return { tooLarge: false, request, exceeded: () => false };
  let read = 0;
  let over = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read <= limit) return controller.enqueue(chunk);
        over = true;
        controller.error(new RangeError(`request body over ${limit} bytes`));
      },
    }),
  );
  // duplex: what Node asks of a streamed body (the unit test); workerd streams it either way.
  return { tooLarge: false, request: new Request(request, { body: counted, duplex: "half" } as RequestInit), exceeded: () => over };
}
