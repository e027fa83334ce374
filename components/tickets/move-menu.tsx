"use client";

import { useState } from "react";
import { MenuButton } from "@/components/ui/menu-button";
import { useBoard } from "./board-context";

interface MoveMenuProps {
  id: number;
  ticketId: string;
  label: string;
}

/**
 * The way to move a card without dragging: a menu button, usable with Tab, arrows,
 * Enter and Escape. Its name starts with its visible text ("Déplacer vers… T-12"),
 * so a voice user can say what they see and a screen reader still tells the
 * cards' buttons apart.
 */
export function MoveMenu({ id, ticketId, label }: MoveMenuProps) {
  const { statuses, move, statusOf } = useBoard();
  const [open, setOpen] = useState(false);
  const current = statusOf(id);
  return (
    <span className="ml-auto">
      <MenuButton
        label={`${label} ${ticketId}`}
        open={open}
        onOpenChange={setOpen}
        items={statuses
          .filter((s) => s.status !== current)
          .map((target) => ({ label: target.label, onSelect: () => move(id, target.status, { refocus: true }) }))}
        buttonClassName="inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-2 text-xs font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100"
      >
        {label}
      </MenuButton>
    </span>
  );
}
