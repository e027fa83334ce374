"use client";

import { useState } from "react";
import type { PdfLabel, PdfLogo } from "@/lib/machines/label-pdf";
import type { LabelLayout } from "@/lib/machines/labels";

interface DownloadPdfButtonProps {
  labels: PdfLabel[];
  layout: LabelLayout;
  company: { name: string; logoSrc?: string };
  words: { serial: string; scan: string };
  title: string;
  fileName: string;
  text: { download: string; preparing: string; failed: string };
}

/**
 * Builds the label sheets' PDF in the browser and saves it. The writer is
 * imported on click, so the page loads no more script than before, and the
 * worker only serves the data.
 */
export function DownloadPdfButton({ labels, layout, company, words, title, fileName, text }: DownloadPdfButtonProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function download() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { labelPdf, logoBox } = await import("@/lib/machines/label-pdf");
      const logo = company.logoSrc ? await logoAsJpeg(company.logoSrc, (image) => logoBox(layout, image).width) : undefined;
      save(labelPdf({ layout, labels, company: { name: company.name, logo }, words, title }), fileName);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {/* aria-disabled rather than disabled: the button keeps the keyboard focus while it works. */}
      <button type="button" className="btn-secondary" aria-disabled={busy} onClick={download}>
        {busy ? text.preparing : text.download}
      </button>
      {failed && (
        <p role="alert" className="order-last basis-full rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {text.failed}
        </p>
      )}
    </>
  );
}

/**
 * The page's own logo (PNG, JPEG or WebP) drawn on white and taken as a JPEG,
 * the one image format a PDF reader decodes by itself. Labels print on white
 * paper, so white behind a transparent logo is exactly what prints. Undefined
 * when the logo does not load: the page's <img> then shows nothing either.
 */
async function logoAsJpeg(src: string, printedWidth: (image: { width: number; height: number }) => number): Promise<PdfLogo | undefined> {
  const image = new Image();
  image.src = src;
  try {
    await image.decode();
  } catch {
    return undefined;
  }
  const { naturalWidth: width, naturalHeight: height } = image;
  if (!width || !height) return undefined;
  // Enough pixels for 600 dpi at the printed size (in points), never more than the logo has.
  const scale = Math.min(1, ((printedWidth({ width, height }) / 72) * 600) / width);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
  if (!jpeg) throw new Error("the canvas made no JPEG");
  return { jpeg: new Uint8Array(await jpeg.arrayBuffer()), width: canvas.width, height: canvas.height };
}

function save(pdf: Uint8Array<ArrayBuffer>, fileName: string) {
  const url = URL.createObjectURL(new Blob([pdf], { type: "application/pdf" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
