"use client";

import { createContext, useContext } from "react";
import type { TicketStatus } from "@/lib/tickets/model";

export interface BoardContextValue {
  statuses: { status: TicketStatus; label: string }[];
  move: (id: number, to: TicketStatus, options?: { refocus?: boolean }) => void;
  statusOf: (id: number) => TicketStatus | undefined;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoard outside <BoardColumns>");
  return value;
}
