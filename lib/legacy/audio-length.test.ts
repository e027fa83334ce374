import { describe, expect, it } from "vitest";
import { audioSeconds } from "./audio-length";

const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** A WebM element: its id, its size as a one-byte vint (or "unknown"), its content. */
const element = (id: number[], content: number[] | Uint8Array | "unknown") =>
  content === "unknown" ? bytes(id, [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) : bytes(id, [0x80 | content.length], content);
const block = (timecode: number) => element([0xa3], [0x81, (timecode >> 8) & 0xff, timecode & 0xff, 0x80, 1, 2, 3]);

describe("a voice note's length, read from its file", () => {
  it("is a MediaRecorder WebM's last block time, segment and clusters of unknown size", () => {
    const webm = bytes(
      element([0x1a, 0x45, 0xdf, 0xa3], [0x42, 0x82, 0x84, ...Buffer.from("webm")]),
      element([0x18, 0x53, 0x80, 0x67], "unknown"),
      element([0x15, 0x49, 0xa9, 0x66], [...element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40])]),
      element([0x1f, 0x43, 0xb6, 0x75], "unknown"),
      element([0xe7], [0]),
      block(0),
      block(980),
      element([0x1f, 0x43, 0xb6, 0x75], "unknown"),
      element([0xe7], [0x03, 0xe8]),
      block(0),
      block(6020),
    );
    expect(audioSeconds(webm, "audio/webm")).toBe(7);
  });

  it("is a WebM's stated Duration when it has one", () => {
    const duration = new Uint8Array(8);
    new DataView(duration.buffer).setFloat64(0, 12_400);
    const webm = bytes(element([0x18, 0x53, 0x80, 0x67], "unknown"), element([0x15, 0x49, 0xa9, 0x66], [...element([0x44, 0x89], duration)]));
    expect(audioSeconds(webm, "audio/webm")).toBe(12);
  });

  it("is an Ogg Opus file's last granule position less its pre-skip", () => {
    const head = bytes(Buffer.from("OggS"), new Array(24).fill(0), Buffer.from("OpusHead"), [1, 1, 0x38, 0x01], new Array(8).fill(0));
    const last = new Uint8Array(27);
    last.set(Buffer.from("OggS"));
    new DataView(last.buffer).setBigInt64(6, BigInt(312 + 48_000 * 5), true);
    expect(audioSeconds(bytes(head, last), "audio/ogg")).toBe(5);
  });

  it("is an MP4 file's movie duration over its time scale", () => {
    const mvhd = new Uint8Array(32);
    mvhd.set(Buffer.from("mvhd"), 4);
    new DataView(mvhd.buffer).setUint32(20, 1000);
    new DataView(mvhd.buffer).setUint32(24, 12_345);
    expect(audioSeconds(mvhd, "audio/mp4")).toBe(12);
  });

  it("is unknown for a file that does not say, or is cut short", () => {
    expect(audioSeconds(bytes([0x1a, 0x45, 0xdf, 0xa3], new Array(12).fill(0)), "audio/webm")).toBeNull();
    expect(audioSeconds(Uint8Array.from(Buffer.from("OggS rien")), "audio/ogg")).toBeNull();
    expect(audioSeconds(new Uint8Array(0), "audio/mp4")).toBeNull();
  });
});
