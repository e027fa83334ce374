import { describe, expect, it } from "vitest";
import { guardRequestBody } from "./request-size";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/tickets/new", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function chunked(bytes: number, chunk = 1000): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
}

describe("a request body", () => {
  it("announced over the limit is refused before anything reads it", () => {
    expect(guardRequestBody(post("x", { "content-length": "5001" }), 5000)).toEqual({ tooLarge: true });
    expect(guardRequestBody(post("x", { "content-length": "not a number" }), 5000)).toEqual({ tooLarge: true });
  });

  it("announced within the limit goes through untouched", async () => {
    const guard = guardRequestBody(post("hello", { "content-length": "5" }), 5000);
    if (guard.tooLarge) throw new Error("refused");
    expect(await guard.request.text()).toBe("hello");
    expect(guard.exceeded()).toBe(false);
  });

  it("sent without a length is read in full up to the limit", async () => {
    const guard = guardRequestBody(post(chunked(5000)), 5000);
    if (guard.tooLarge) throw new Error("refused");
    expect((await guard.request.arrayBuffer()).byteLength).toBe(5000);
    expect(guard.exceeded()).toBe(false);
  });

  it("sent without a length is cut off past the limit, and says so", async () => {
    const guard = guardRequestBody(post(chunked(5001)), 5000);
    if (guard.tooLarge) throw new Error("refused");
    await expect(guard.request.arrayBuffer()).rejects.toThrow();
    expect(guard.exceeded()).toBe(true);
  });
});
