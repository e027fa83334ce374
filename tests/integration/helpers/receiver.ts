import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/** What the receiver does with the n-th request (0-based): a status, or "hang". */
export type Responder = (request: ReceivedRequest, index: number) => number | "hang";

/**
 * A real HTTP server on 127.0.0.1 standing in for Pabbly/Zapier/Make: it
 * records every request exactly as it arrived.
 */
export async function startReceiver(respond: Responder = () => 200) {
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body);
      } catch {
        // recorded as is
      }
      const request = { headers: req.headers, body, json };
      const answer = respond(request, requests.length);
      requests.push(request);
      if (answer === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(answer, { "content-type": "application/json" });
      res.end(JSON.stringify({ received: true, status: answer }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
