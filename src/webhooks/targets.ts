/**
 * Where a webhook may be sent (SSRF): only http(s) URLs whose every resolved address is public. Loopback, private
 * (RFC 1918, RFC 4193), link-local (RFC 3927, RFC 4291 — cloud metadata lives at 169.254.169.254), shared (RFC 6598),
 * multicast and unspecified addresses are refused unless the operator allows them (WEBHOOKS_ALLOW_PRIVATE). The
 * connection then goes to the addresses that were checked (a pinned lookup), so a second DNS answer cannot swap in
 * another one (DNS rebinding).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address carried in IPv6 (::ffff:a.b.c.d, 64:ff9b::a.b.c.d), checked as the IPv4 address it is. */
function embeddedIpv4(address: string): string | undefined {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  // The same in hex (::ffff:7f00:1 is 127.0.0.1).
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an address is one a webhook must not reach without the operator's leave. */
export function isNonPublicAddress(address: string): boolean {
  const embedded = embeddedIpv4(address);
  if (embedded) return isNonPublicAddress(embedded);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

export interface CheckedTarget {
  url: URL;
  /** The addresses the host resolved to, every one checked: connect only to these. */
  addresses: { address: string; family: 4 | 6 }[];
}

export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Checks a webhook URL: scheme, no credentials, and every address of its host (resolved now). Throws TargetRefused
 * with a message safe to show the person who entered the URL.
 */
export async function checkTarget(
  raw: string,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetRefused('only http and https URLs');
  if (url.username || url.password)
    throw new TargetRefused('no credentials in the URL (the signature authenticates Charter)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw new TargetRefused(`the host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new TargetRefused(`the host ${host} does not resolve`);
  if (!options.allowPrivate) {
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused)
      throw new TargetRefused(`the host resolves to a loopback, private or link-local address (${refused.address})`);
  }
  return { url, addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) };
}
