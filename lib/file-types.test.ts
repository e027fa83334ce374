import { describe, expect, it } from "vitest";
import { checkAudio, checkMedia, detectAudioType, detectMediaType, MAX_AUDIO_BYTES, MAX_AUDIO_SECONDS, MAX_BYTES } from "./file-types";

const bytes = (...parts: (string | number[])[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p));
  while (out.length < 16) out.push(0);
  return new Uint8Array(out);
};

describe("media types", () => {
  it("recognise photos by their magic bytes", () => {
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe("image/jpeg");
    expect(detectMediaType(bytes("\x89PNG\r\n\x1a\n"))?.mime).toBe("image/png");
    expect(detectMediaType(bytes("GIF89a"))?.mime).toBe("image/gif");
    expect(detectMediaType(bytes("RIFF", [0, 0, 0, 0], "WEBP"))?.mime).toBe("image/webp");
    expect(detectMediaType(bytes([0, 0, 0, 24], "ftypheic"))?.mime).toBe("image/heic");
  });

  it("recognise videos by their magic bytes", () => {
    expect(detectMediaType(bytes([0, 0, 0, 32], "ftypisom"))).toMatchObject({ kind: "video", mime: "video/mp4" });
    expect(detectMediaType(bytes([0, 0, 0, 20], "ftypqt  "))).toMatchObject({ kind: "video", mime: "video/quicktime" });
    expect(detectMediaType(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toMatchObject({ kind: "video", mime: "video/webm" });
  });

  it("refuse anything else, whatever it is called", () => {
    expect(detectMediaType(bytes("%PDF-1.7"))).toBeNull();
    expect(detectMediaType(bytes("<html><script>"))).toBeNull();
    expect(detectMediaType(bytes("MZ"))).toBeNull();
    expect(detectMediaType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it("apply 10 MB to images and 50 MB to videos", () => {
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0]);
    const mp4 = bytes([0, 0, 0, 32], "ftypmp42");
    expect(checkMedia(jpeg, MAX_BYTES.image).ok).toBe(true);
    expect(checkMedia(jpeg, MAX_BYTES.image + 1)).toEqual({ ok: false, reason: "size" });
    expect(checkMedia(mp4, 20 * 1024 * 1024).ok).toBe(true);
    expect(checkMedia(mp4, MAX_BYTES.video + 1)).toEqual({ ok: false, reason: "size" });
    expect(checkMedia(jpeg, 0)).toEqual({ ok: false, reason: "empty" });
  });
});

describe("voice notes", () => {
  it("recognise what browsers record by its bytes", () => {
    expect(detectAudioType(bytes([0x1a, 0x45, 0xdf, 0xa3]))?.mime).toBe("audio/webm");
    expect(detectAudioType(bytes("OggS"))?.mime).toBe("audio/ogg");
    expect(detectAudioType(bytes([0, 0, 0, 28], "ftypM4A "))?.mime).toBe("audio/mp4");
    expect(detectAudioType(bytes("ID3"))).toBeNull();
    expect(detectAudioType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
  });

  it("refuse a voice note over 10 MB or 5 minutes, or of no duration", () => {
    const webm = bytes([0x1a, 0x45, 0xdf, 0xa3]);
    expect(checkAudio(webm, 1000, 20)).toMatchObject({ ok: true });
    expect(checkAudio(webm, MAX_AUDIO_BYTES + 1, 20)).toEqual({ ok: false, reason: "size" });
    expect(checkAudio(webm, 1000, MAX_AUDIO_SECONDS + 1)).toEqual({ ok: false, reason: "duration" });
    expect(checkAudio(webm, 1000, 0)).toEqual({ ok: false, reason: "duration" });
    expect(checkAudio(webm, 0, 20)).toEqual({ ok: false, reason: "type" });
  });
});
