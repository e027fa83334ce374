import { describe, expect, it } from "vitest";
import {
  can,
  canDeleteMessage,
  canDeleteOwnedBy,
  canEditTicketText,
  canReadConversation,
  permissions,
  roles,
  type Permission,
  type Role,
} from "./permissions";

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
  "ticket.markDown": [false, true, true, true],
  "media.deleteOthers": [false, false, true, true],
  "comment.deleteOthers": [false, false, true, true],
  "machine.view": [true, true, true, true],
  "machine.manage": [false, false, false, true],
  "plan.view": [false, true, true, true],
  "plan.manage": [false, false, true, true],
  "ticket.checklist": [false, true, true, true],
  "message.read": [true, true, true, true],
  "message.send": [true, true, true, true],
  "message.deleteTeam": [false, false, true, true],
  "stats.view": [false, false, true, true],
  "broadcast.manage": [false, false, true, true],
  "screen.manage": [false, false, false, true],
  "column.manage": [false, false, false, true],
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

  describe("conversations", () => {
    // Users 3 and 4 talk privately; user 5 is a third person. Row by role, for each reader.
    for (const role of order) {
      it(`let a ${role} read the team channel and their own pair, never another pair`, () => {
        expect(canReadConversation({ id: 5, role }, "team")).toBe(true);
        expect(canReadConversation({ id: 3, role }, "3-4")).toBe(true);
        expect(canReadConversation({ id: 4, role }, "3-4")).toBe(true);
        expect(canReadConversation({ id: 5, role }, "3-4")).toBe(false);
      });

      it(`let a ${role} delete their own messages, in the team channel and in their pair`, () => {
        expect(canDeleteMessage({ id: 3, role }, { senderId: 3, conversationKey: "team" })).toBe(true);
        expect(canDeleteMessage({ id: 3, role }, { senderId: 3, conversationKey: "3-4" })).toBe(true);
      });

      it(`never let a ${role} delete the other person's private message`, () => {
        expect(canDeleteMessage({ id: 4, role }, { senderId: 3, conversationKey: "3-4" })).toBe(false);
        expect(canDeleteMessage({ id: 5, role }, { senderId: 3, conversationKey: "3-4" })).toBe(false);
      });
    }

    it("let leads, and only leads, delete someone else's team message", () => {
      const expectedByRole = { operator: false, technician: false, supervisor: true, admin: true };
      for (const role of order) expect(canDeleteMessage({ id: 5, role }, { senderId: 3, conversationKey: "team" }), role).toBe(expectedByRole[role]);
    });

    it("refuse keys that name no conversation", () => {
      for (const key of ["", "4-3", "3-3", "0-4", "3-4-5", "équipe", "03-4"]) expect(canReadConversation({ id: 3, role: "admin" }, key), key).toBe(false);
    });
  });
});
