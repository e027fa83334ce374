import { describe, expect, it } from "vitest";
import { auditFilters } from "./audit";

describe("auditFilters", () => {
  it("keeps valid filters and drops malformed ones instead of failing the page", () => {
    expect(auditFilters.parse({ action: "user.created", actor: "3", from: "2026-11-01", page: "2" })).toEqual({
      action: "user.created",
      actor: 3,
      from: "2026-11-01",
      to: undefined,
      page: 2,
    });
    expect(auditFilters.parse({ action: "'; DROP", actor: "x", from: "yesterday", page: "-4" })).toEqual({
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
