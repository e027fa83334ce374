// Open boards follow what happens to tickets: after D1 has a change, every open
// page hears "tickets changed" through the conversation hub (lib/messages/live.ts)
// and renders again through its own server render, which shows each reader only
// what they may see. The event names no ticket, so it tells nobody anything. It
// goes out after the response (lib/after-response.ts) and a failed publish never
// fails the change: a page catches up when its socket reopens.
import { continueAfterResponse } from "../after-response";
import { publishLive } from "../messages/live";
import { TEAM } from "../messages/model";
import type { ActionContext } from "../operation";

/** Tells every open socket, as a team-channel message is told: the team channel's audience is every active user. */
export function ticketsChanged(ctx: Pick<ActionContext, "publishLive">): void {
  continueAfterResponse(publishLive(ctx, TEAM, { type: "tickets" }));
}
