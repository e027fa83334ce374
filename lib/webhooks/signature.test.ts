import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, isWebhookSecret, maskSecret, signWebhook } from "./signature";

describe("Standard Webhooks signatures", () => {
  it("reproduce the specification's published test vector", async () => {
    const signature = await signWebhook(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("match an independent implementation of the spec's algorithm for generated secrets", async () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ ticket_id: "TKT-M001-20261123-001", title: "Fuite d’huile" });
    const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
      .update(`msg_abc.1763900000.${body}`)
      .digest("base64");
    await expect(signWebhook(secret, "msg_abc", 1763900000, body)).resolves.toBe(`v1,${expected}`);
  });

  it("change when any signed part changes", async () => {
    const secret = generateWebhookSecret();
    const base = await signWebhook(secret, "msg_1", 1, "{}");
    expect(await signWebhook(secret, "msg_2", 1, "{}")).not.toBe(base);
    expect(await signWebhook(secret, "msg_1", 2, "{}")).not.toBe(base);
    expect(await signWebhook(secret, "msg_1", 1, "{ }")).not.toBe(base);
  });

  it("generate well-formed, distinct secrets and mask them", () => {
    const a = generateWebhookSecret();
    expect(isWebhookSecret(a)).toBe(true);
    expect(a).not.toBe(generateWebhookSecret());
    expect(maskSecret(a)).not.toContain(a.slice(8, -4));
    expect(isWebhookSecret("whsec_short")).toBe(false);
    expect(isWebhookSecret("not-a-secret")).toBe(false);
  });
});
