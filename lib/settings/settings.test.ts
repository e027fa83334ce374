import { describe, expect, it } from "vitest";
import { isTimeZone } from "./settings";

describe("isTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    for (const tz of ["America/Toronto", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC"]) {
      expect(isTimeZone(tz), tz).toBe(true);
    }
  });

  it("refuses unknown names, offsets and abbreviations", () => {
    for (const tz of ["Mars/Olympus", "EST5EDT-", "+05:00", "", "America/Toronto<script>", "Toronto"]) {
      expect(isTimeZone(tz), tz).toBe(false);
    }
  });
});
