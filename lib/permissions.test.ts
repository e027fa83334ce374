import { describe, expect, it } from "vitest";
import { can, canDeleteOwnedBy, canEditTicketText, permissions, roles, type Permission, type Role } from "./permissions";

// The table from the tickets issue, row by row: operator, technician, supervisor, admin.
const expected: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  "ticket.view": [true, true, true, true],
  "ticket.create": [true, true, true, true],
  "ticket.comment": [true, true, true, true],
  "ticket.addMedia": [true, true, true, true],
  "ticket.move": [false, true, true, true],
  "ticket.take": [false, true, true, true],
  "ticket.assign": [false, false, true, true],
  "ticket.schedule": [false, false, true, true],
  "ticket.setPriority": [false, false, true, true],
  "ticket.editAny": [false, true, true, true],
  "ticket.delete": [false, false, true, true],
  "media.deleteOthers": [false, false, true, true],
  "comment.deleteOthers": [false, false, true, true],
  "machine.view": [true, true, true, true],
  "machine.manage": [false, false, false, true],
  "user.list": [false, false, true, true],
  "user.manage": [false, false, false, true],
  "settings.manage": [false, false, false, true],
  "audit.view": [false, false, false, true],
  "notifications.manage": [false, false, false, true],
};
const order: Role[] = ["operator", "technician", "supervisor", "admin"];

describe("permissions", () => {
  it("cover every permission in the table", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, row] of Object.entries(expected) as [Permission, boolean[]][]) {
    for (const [i, role] of order.entries()) {
      it(`${row[i] ? "allow" : "refuse"} ${permission} for ${role}`, () => {
        expect(can({ id: 1, role }, permission)).toBe(row[i]);
      });
    }
  }

  it("refuse everything to nobody", () => {
    expect(can(null, "ticket.view")).toBe(false);
  });

  it("let operators edit only their own tickets, and only while received", () => {
    const operator = { id: 7, role: "operator" as const };
    expect(canEditTicketText(operator, { reportedBy: 7, status: "received" })).toBe(true);
    expect(canEditTicketText(operator, { reportedBy: 7, status: "diagnostic" })).toBe(false);
    expect(canEditTicketText(operator, { reportedBy: 8, status: "received" })).toBe(false);
    for (const role of roles.filter((r) => r !== "operator")) {
      expect(canEditTicketText({ id: 1, role }, { reportedBy: 9, status: "completed" })).toBe(true);
    }
  });

  it("let authors delete their own comments and media, and leads anyone's", () => {
    expect(canDeleteOwnedBy({ id: 3, role: "operator" }, 3, "comment")).toBe(true);
    expect(canDeleteOwnedBy({ id: 3, role: "technician" }, 4, "media")).toBe(false);
    expect(canDeleteOwnedBy({ id: 3, role: "supervisor" }, 4, "media")).toBe(true);
    expect(canDeleteOwnedBy({ id: 3, role: "admin" }, 4, "comment")).toBe(true);
  });
});
