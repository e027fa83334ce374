import { encryptNotification } from "@block65/webcrypto-web-push";
import { describe, expect, it } from "vitest";
import { b64u, decryptPush, importReceiverKey, unb64u } from "../../tests/integration/helpers/web-push";

// RFC 8291 §5 (Push Message Encryption Example) and its Appendix A.
const RFC = {
  plaintext: "When I grow up, I want to be a watermelon",
  uaPublic: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  authSecret: "BTBZMqHH6r4Tts7J_aSIgg",
  body: "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};

async function rfcReceiver() {
  const publicKey = unb64u(RFC.uaPublic);
  return { privateKey: await importReceiverKey(RFC.uaPrivate, publicKey), publicKey, authSecret: unb64u(RFC.authSecret) };
}

describe("Web Push payload encryption (RFC 8291)", () => {
  it("the tests' decryption reads RFC 8291's published example message", async () => {
    const { text, recordSize } = await decryptPush(unb64u(RFC.body), await rfcReceiver());
    expect(text).toBe(RFC.plaintext);
    expect(recordSize).toBe(4096);
  });

  it("the library's aes128gcm body for the RFC's receiver decrypts to the message, padded to hide its length", async () => {
    // The library draws its own salt and sender keys (no way to pin them), so the
    // check is the receiver's: the RFC's keys decrypt what it wrote.
    const body = await encryptNotification({ endpoint: "https://push.example/x", expirationTime: null, keys: { p256dh: RFC.uaPublic, auth: RFC.authSecret } }, new TextEncoder().encode(RFC.plaintext));
    const other = await encryptNotification({ endpoint: "https://push.example/x", expirationTime: null, keys: { p256dh: RFC.uaPublic, auth: RFC.authSecret } }, new TextEncoder().encode("x"));
    expect((await decryptPush(body, await rfcReceiver())).text).toBe(RFC.plaintext);
    expect(body[20]).toBe(65); // the sender's public key as key id (RFC 8291 §4)
    expect(b64u(body.slice(0, 16))).not.toBe(b64u(other.slice(0, 16))); // a fresh salt each time
    expect(body.length).toBe(other.length);
  });
});
