import { describe, expect, it } from "vitest";
import { contentTypeOfKey, sniffImage } from "./logo";

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);

describe("sniffImage", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", () => {
    expect(sniffImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpg");
    expect(sniffImage(new TextEncoder().encode("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("webp");
  });

  it("refuses SVG, HTML, GIF, a RIFF that is not WebP, and nothing at all", () => {
    expect(sniffImage(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("<!doctype html><p>png</p>"))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("GIF89a......"))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("RIFF\x10\x00\x00\x00WAVEfmt "))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe("contentTypeOfKey", () => {
  it("serves the type the key was stored under", () => {
    expect(contentTypeOfKey("branding/logo-abc.webp")).toBe("image/webp");
    expect(contentTypeOfKey("branding/logo-abc.jpg")).toBe("image/jpeg");
  });
});
