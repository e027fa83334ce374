// Where the worker may send a request that someone configured: webhook URLs today,
// push endpoints tomorrow. A URL pointing into a private network would let whoever
// sets it make the worker probe that network, so production refuses it; local runs
// and tests opt in (WEBHOOK_ALLOW_PRIVATE=1) to reach a local receiver.
//
// Addresses are classified by ipaddr.js, which follows IANA's special-purpose
// registries, instead of a hand-kept list: the list we kept missed NAT64, 6to4,
// site-local and IPv4-compatible forms. Names are checked here; a public name that
// resolves to a private address is beyond what a check before fetch can see.
import ipaddr from "ipaddr.js";
import type { IPv4, IPv6 } from "ipaddr.js";

export type OutboundUrlProblem = "invalid" | "scheme" | "private" | "credentials";

export interface OutboundUrlOptions {
  allowPrivate: boolean;
}

const PRIVATE_SUFFIXES = [".localhost", ".local", ".internal", ".lan", ".home.arpa"];

// Public DNS zones that answer with loopback (localtest.me, lvh.me) or with whatever
// address the name spells (10.0.0.1.nip.io): no real endpoint lives there.
const LOOPBACK_OR_ECHO_ZONES = ["localtest.me", "lvh.me", "nip.io", "sslip.io", "xip.io"];

function ipv4(hi: number, lo: number): IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
}

/**
 * The IPv4 addresses an IPv6 address carries, in the forms that carry them at a fixed
 * place. ipaddr.js already gives most of these forms a range of their own (refused as
 * not unicast), but it calls IPv4-compatible ::a.b.c.d plain unicast, and checking the
 * embedded address keeps each form closed even if a later release reclassifies it.
 */
function embeddedIpv4(address: IPv6): IPv4[] {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  const zero = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  // IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d
  if (zero(0, 5) && (p[5] === 0 || p[5] === 0xffff)) return [ipv4(p[6], p[7])];
  // IPv4-translated ::ffff:0:a.b.c.d (RFC 6145)
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return [ipv4(p[6], p[7])];
  // NAT64 well-known prefix 64:ff9b::a.b.c.d (RFC 6052)
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return [ipv4(p[6], p[7])];
  // 6to4 2002:aabb:ccdd::/48
  if (p[0] === 0x2002) return [ipv4(p[1], p[2])];
  // Teredo 2001:0:server:flags:port:client, the client address inverted
  if (p[0] === 0x2001 && p[1] === 0) return [ipv4(p[2], p[3]), ipv4(p[6] ^ 0xffff, p[7] ^ 0xffff)];
  return [];
}

function isPublicAddress(address: IPv4 | IPv6): boolean {
  if (address.range() !== "unicast") return false;
  return address.kind() === "ipv4" || embeddedIpv4(address as IPv6).every(isPublicAddress);
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  // Also the numeric forms that are not dotted quads (2130706433, 0x7f.1), should a
  // hostname arrive without WHATWG URL parsing, which rewrites them as dotted quads.
  if (ipaddr.isValid(host)) return !isPublicAddress(ipaddr.parse(host));
  // A name whose last label is a number is an IPv4 address to WHATWG URL parsing; one
  // that ipaddr.js cannot read (999.1.1.1) is refused rather than guessed at.
  const lastLabel = host.slice(host.lastIndexOf(".") + 1);
  if (host.includes(":") || /^(\d+|0x[0-9a-f]*)$/.test(lastLabel)) return true;
  if (!host.includes(".")) return true; // localhost and bare intranet names
  if (PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  return LOOPBACK_OR_ECHO_ZONES.some((zone) => host === zone || host.endsWith(`.${zone}`));
}

export function checkOutboundUrl(value: string, options: OutboundUrlOptions): OutboundUrlProblem | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (url.username || url.password) return "credentials";
  if (!options.allowPrivate && isPrivateHost(url.hostname)) return "private";
  return null;
}
