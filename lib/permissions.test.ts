import { describe, expect, it } from "vitest";
import { parseConversation, type Conversation } from "./messages/model";
import {
  can,
  canDeleteMessage,
  canDeleteOwnedBy,
  canEditTicketText,
  canReadConversation,
  isRole,
  permissions,
  roles,
  type Permission,
  type Role,
} from "./permissions";

// The table from the tickets issue, row by row: operator, technician, supervisor, admin,
// and the guest's column (issue #23): messages in their groups, nothing else.
const expected: Record<Permission, [boolean, boolean, boolean, boolean, boolean]> = {
  "ticket.view": [true, true, true, true, false],
  "ticket.create": [true, true, true, true, false],
  "ticket.comment": [true, true, true, true, false],
  "ticket.addMedia": [true, true, true, true, false],
  "ticket.move": [false, true, true, true, false],
  "ticket.take": [false, true, true, true, false],
  "ticket.assign": [false, false, true, true, false],
  "ticket.schedule": [false, false, true, true, false],
  "ticket.setPriority": [false, false, true, true, false],
  "ticket.editAny": [false, true, true, true, false],
  "ticket.delete": [false, false, true, true, false],
  "ticket.markDown": [false, true, true, true, false],
  "media.deleteOthers": [false, false, true, true, false],
  "comment.deleteOthers": [false, false, true, true, false],
  "machine.view": [true, true, true, true, false],
  "machine.manage": [false, false, false, true, false],
  "plan.view": [false, true, true, true, false],
  "plan.manage": [false, false, true, true, false],
  "ticket.checklist": [false, true, true, true, false],
  "message.read": [true, true, true, true, true],
  "message.send": [true, true, true, true, true],
  "message.deleteTeam": [false, false, true, true, false],
  "group.manage": [false, false, true, true, false],
  "stats.view": [false, false, true, true, false],
  "broadcast.manage": [false, false, true, true, false],
  "screen.manage": [false, false, false, true, false],
  "column.manage": [false, false, false, true, false],
  "user.list": [false, false, true, true, false],
  "user.manage": [false, false, false, true, false],
  "settings.manage": [false, false, false, true, false],
  "audit.view": [false, false, false, true, false],
  "notifications.manage": [false, false, false, true, false],
};
const order: Role[] = ["operator", "technician", "supervisor", "admin", "guest"];

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
    expect(canEditTicketText({ id: 7, role: "guest" }, { reportedBy: 7, status: "received" })).toBe(false);
  });

  it("know the guest as a role of its own, apart from the plant's", () => {
    expect(isRole("guest")).toBe(true);
    expect(roles).not.toContain("guest");
  });

  it("let authors delete their own comments and media, and leads anyone's", () => {
    expect(canDeleteOwnedBy({ id: 3, role: "operator" }, 3, "comment")).toBe(true);
    expect(canDeleteOwnedBy({ id: 3, role: "technician" }, 4, "media")).toBe(false);
    expect(canDeleteOwnedBy({ id: 3, role: "supervisor" }, 4, "media")).toBe(true);
    expect(canDeleteOwnedBy({ id: 3, role: "admin" }, 4, "comment")).toBe(true);
  });

  describe("conversations", () => {
    const team = parseConversation("team")!;
    const pair = parseConversation("3-4")!;
    // Group 9's members, as lib/messages/members.ts reads them: users 3 and 6.
    const group: Conversation = { kind: "group", key: "g9", groupId: 9, members: [3, 6] };
    const staff = order.filter((role) => role !== "guest");

    // Users 3 and 4 talk privately; user 5 is a third person. Row by role, for each reader.
    for (const role of staff) {
      it(`let a ${role} read the team channel and their own pair, never another pair`, () => {
        expect(canReadConversation({ id: 5, role }, team)).toBe(true);
        expect(canReadConversation({ id: 3, role }, pair)).toBe(true);
        expect(canReadConversation({ id: 4, role }, pair)).toBe(true);
        expect(canReadConversation({ id: 5, role }, pair)).toBe(false);
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

    for (const role of order) {
      it(`let a ${role} read a group while they are in it, and only then`, () => {
        expect(canReadConversation({ id: 6, role }, group)).toBe(true);
        expect(canReadConversation({ id: 5, role }, group)).toBe(false);
        // Members unknown (the key alone): nobody.
        expect(canReadConversation({ id: 6, role }, parseConversation("g9")!)).toBe(false);
      });

      it(`let a ${role} delete their own group messages only, and nobody a group's change`, () => {
        expect(canDeleteMessage({ id: 6, role }, { senderId: 6, conversationKey: "g9" })).toBe(true);
        expect(canDeleteMessage({ id: 6, role }, { senderId: 3, conversationKey: "g9" })).toBe(false);
        expect(canDeleteMessage({ id: 6, role }, { senderId: 6, conversationKey: "g9", event: '{"kind":"left","name":"X"}' })).toBe(false);
      });
    }

    it("keep a guest out of the team channel and of every pair, their own included", () => {
      expect(canReadConversation({ id: 5, role: "guest" }, team)).toBe(false);
      expect(canReadConversation({ id: 3, role: "guest" }, pair)).toBe(false);
    });

    it("let leads, and only leads, delete someone else's team message", () => {
      const expectedByRole = { operator: false, technician: false, supervisor: true, admin: true, guest: false };
      for (const role of order) expect(canDeleteMessage({ id: 5, role }, { senderId: 3, conversationKey: "team" }), role).toBe(expectedByRole[role]);
    });

    it("refuse keys that name no conversation", () => {
      for (const key of ["", "4-3", "3-3", "0-4", "3-4-5", "équipe", "03-4", "g0", "g", "g-1", "G9", "g09"]) expect(parseConversation(key), key).toBeNull();
    });
  });
});
