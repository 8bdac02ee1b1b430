/**
 * Which IP addresses are not on the public internet, from one normalised range table. Every
 * address, IPv4 or IPv6, written in any form the URL parser or a resolver can hand over
 * ("127.0.0.1", "::ffff:127.0.0.1", "::ffff:7f00:1", "0:0:0:0:0:ffff:7f00:1", "::7f00:1",
 * "fe80::1%eth0"), is first turned into its 16 bytes (IPv4 as IPv4-mapped IPv6, ::ffff:a.b.c.d);
 * then a few IPv6 forms that carry an IPv4 address inside (NAT64, 6to4, SIIT) are checked by the
 * address they carry, and the 16 bytes are looked up in NOT_PUBLIC. Anything that does not parse
 * is taken as not public: the caller refuses what it cannot read.
 */

/** A range: the first `bits` bits of `prefix` (an address in any form parseAddress reads). */
interface Range {
  readonly cidr: string;
  readonly why: string;
}

/**
 * Addresses that are not public, IPv4 ranges written in their IPv4-mapped form. Sources: the
 * IANA special-purpose registries (RFC 6890 and its updates), RFC 4291 (IPv6 addressing),
 * RFC 3879 (site-local, deprecated but still routed by some stacks).
 */
const NOT_PUBLIC: readonly Range[] = [
  // IPv4 (as ::ffff:a.b.c.d/96+n)
  { cidr: '::ffff:0.0.0.0/104', why: '"this network" (0.0.0.0/8)' },
  { cidr: '::ffff:10.0.0.0/104', why: 'private (10.0.0.0/8)' },
  { cidr: '::ffff:100.64.0.0/106', why: 'shared address space, CGNAT (100.64.0.0/10)' },
  { cidr: '::ffff:127.0.0.0/104', why: 'loopback (127.0.0.0/8)' },
  { cidr: '::ffff:169.254.0.0/112', why: 'link-local, cloud metadata (169.254.0.0/16)' },
  { cidr: '::ffff:172.16.0.0/108', why: 'private (172.16.0.0/12)' },
  { cidr: '::ffff:192.0.0.0/120', why: 'IETF protocol assignments (192.0.0.0/24)' },
  { cidr: '::ffff:192.0.2.0/120', why: 'documentation (192.0.2.0/24)' },
  { cidr: '::ffff:192.88.99.0/120', why: '6to4 relay anycast (192.88.99.0/24)' },
  { cidr: '::ffff:192.168.0.0/112', why: 'private (192.168.0.0/16)' },
  { cidr: '::ffff:198.18.0.0/111', why: 'benchmarking (198.18.0.0/15)' },
  { cidr: '::ffff:198.51.100.0/120', why: 'documentation (198.51.100.0/24)' },
  { cidr: '::ffff:203.0.113.0/120', why: 'documentation (203.0.113.0/24)' },
  { cidr: '::ffff:224.0.0.0/100', why: 'multicast (224.0.0.0/4)' },
  { cidr: '::ffff:240.0.0.0/100', why: 'reserved and broadcast (240.0.0.0/4)' },
  // IPv6
  { cidr: '::/96', why: 'unspecified, loopback and IPv4-compatible (::/96)' },
  { cidr: '::ffff:0:0:0/96', why: 'IPv4-translated (::ffff:0:0:0/96)' },
  { cidr: '64:ff9b:1::/48', why: 'local-use NAT64 (64:ff9b:1::/48)' },
  { cidr: '100::/64', why: 'discard-only (100::/64)' },
  { cidr: '2001::/23', why: 'IETF protocol assignments, Teredo (2001::/23)' },
  { cidr: '2001:db8::/32', why: 'documentation (2001:db8::/32)' },
  { cidr: 'fc00::/7', why: 'unique local (fc00::/7)' },
  { cidr: 'fe80::/10', why: 'link-local (fe80::/10)' },
  { cidr: 'fec0::/10', why: 'site-local (fec0::/10)' },
  { cidr: 'ff00::/8', why: 'multicast (ff00::/8)' },
];

/**
 * IPv6 ranges that carry an IPv4 address at a fixed place: the address is as public as the IPv4
 * address it carries (a NAT64 gateway turns 64:ff9b::a00:1 into 10.0.0.1).
 */
const CARRIES_IPV4: readonly { cidr: string; at: number; why: string }[] = [
  { cidr: '64:ff9b::/96', at: 12, why: 'NAT64' },
  { cidr: '2002::/16', at: 2, why: '6to4' },
];

interface CompiledRange {
  bytes: Uint8Array;
  bits: number;
  why: string;
}

function compile(cidr: string): { bytes: Uint8Array; bits: number } {
  const slash = cidr.indexOf('/');
  const bytes = parseAddress(cidr.slice(0, slash));
  const bits = Number(cidr.slice(slash + 1));
  if (!bytes || !Number.isInteger(bits) || bits < 0 || bits > 128) throw new Error(`bad range in the table: ${cidr}`);
  return { bytes, bits };
}

const TABLE: readonly CompiledRange[] = NOT_PUBLIC.map((r) => ({ ...compile(r.cidr), why: r.why }));
const CARRIERS: readonly (CompiledRange & { at: number })[] = CARRIES_IPV4.map((r) => ({ ...compile(r.cidr), why: r.why, at: r.at }));
/** Global unicast (2000::/3) is the only IPv6 space allocated for the public internet; the rest is refused. */
const GLOBAL_UNICAST = compile('2000::/3');
const MAPPED = compile('::ffff:0.0.0.0/96');

function inRange(a: Uint8Array, r: { bytes: Uint8Array; bits: number }): boolean {
  let bits = r.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((a[i] ?? 0) & mask) !== ((r.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/**
 * The 16 bytes of an IPv4 or IPv6 address (IPv4 as ::ffff:a.b.c.d), or null when it is not one.
 * Takes brackets ("[::1]") and a zone ("fe80::1%eth0"), which name no other address.
 */
export function parseAddress(input: string): Uint8Array | null {
  let s = input.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const out = new Uint8Array(16);
  if (!s.includes(':')) {
    const v4 = ipv4Bytes(s);
    if (!v4) return null;
    out[10] = 0xff;
    out[11] = 0xff;
    out.set(v4, 12);
    return out;
  }
  // IPv6: groups of hex, at most one "::", an optional dotted IPv4 tail.
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const words: number[] = [];
    const parts = half.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = ipv4Bytes(p);
        if (!v4) return null;
        words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(p)) words.push(parseInt(p, 16));
      else return null;
    }
    return words;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  // A dotted tail is only allowed at the very end.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const total = head.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const words = [...head, ...new Array<number>(8 - total).fill(0), ...tail];
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Why an address is not public ("loopback (127.0.0.0/8)"), or null when it is public. */
export function notPublicBecause(ip: string): string | null {
  const bytes = parseAddress(ip);
  if (!bytes) return 'not an IP address';
  return notPublicBytes(bytes);
}

function notPublicBytes(bytes: Uint8Array): string | null {
  for (const c of CARRIERS) {
    if (!inRange(bytes, c)) continue;
    const inner = new Uint8Array(16);
    inner[10] = 0xff;
    inner[11] = 0xff;
    inner.set(bytes.subarray(c.at, c.at + 4), 12);
    const why = notPublicBytes(inner);
    if (why) return `${c.why} of ${why}`;
  }
  for (const r of TABLE) if (inRange(bytes, r)) return r.why;
  if (!inRange(bytes, MAPPED) && !inRange(bytes, GLOBAL_UNICAST) && !CARRIERS.some((c) => inRange(bytes, c))) return 'not in the global unicast space (2000::/3)';
  return null;
}

/** True for addresses that are not on the public internet (and for anything that is not an address). */
export function isPrivateAddress(ip: string): boolean {
  return notPublicBecause(ip) !== null;
}

/** The same address written once way (IPv4 dotted, or IPv6 as 8 hex groups), to compare two forms. */
export function canonicalAddress(ip: string): string | null {
  const b = parseAddress(ip);
  if (!b) return null;
  if (inRange(b, MAPPED)) return `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return words.join(':');
}
