/**
 * SSRF guard (issue 19, defect 1): every spelling of a loopback, private, link-local or metadata
 * address is refused without --allow-private, whether it is the URL's literal, what a name
 * resolves to, or where a redirect points. Real HTTP servers on loopback, no mocks: the page is
 * reachable by each form (shown with allowPrivate), so a refusal is the guard's doing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { canonicalAddress, isPrivateAddress, notPublicBecause, parseAddress } from './address.js';
import { fetchUrl } from './url.js';
import { readInputs, type ReadItem } from './index.js';

const PAGE = '<html><head><title>Quay report</title></head><body><article><p>The harbour board met on Monday and agreed to rebuild the north quay before the winter storms, its chair said.</p></article></body></html>';
let local: Server;
let relay: Server | null = null;
let port = 0;
let relayBase = '';

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
}

before(async () => {
  local = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  port = await listen(local, '127.0.0.1');
  // A second server stands for a public site (it is let through by allowAddresses) that redirects
  // to wherever ?to= says.
  const r = createServer((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to === null) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    res.writeHead(302, { location: to });
    res.end();
  });
  try {
    relayBase = `http://127.0.0.2:${await listen(r, '127.0.0.2')}`;
    relay = r;
  } catch {
    relay = null; // no 127.0.0.2 on this machine: the redirect test says so and skips
  }
});
after(() => {
  local.closeAllConnections();
  local.close();
  relay?.closeAllConnections();
  relay?.close();
});

/** The attack forms of issue 19 that reach 127.0.0.1:PORT. */
const LOOPBACK_FORMS = ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:127.0.0.1]', '[0:0:0:0:0:ffff:7f00:1]', '[::ffff:0:7f00:1]'.replace(':0:', ':'), '2130706433', '0x7f.1', 'localhost'];

async function fetchCode(url: string, options: { allowPrivate?: boolean; allowAddresses?: string[] } = {}): Promise<string> {
  const r = await fetchUrl(url, { maxBytes: 1_000_000, timeoutMs: 5000, ...options });
  return r.ok ? 'ok' : r.item.kind === 'problem' ? r.item.message.code : 'source';
}

test('every spelling of the loopback address is refused (CC126), and each reaches the page when allowed', async () => {
  for (const host of LOOPBACK_FORMS) {
    const url = `http://${host}:${port}/`;
    assert.equal(await fetchCode(url), 'CC126', url);
    assert.equal(await fetchCode(url, { allowPrivate: true }), 'ok', `${url} is reachable, so the refusal above is the guard's`);
  }
});

test('a redirect from a public address to any non-public form is refused', async (t) => {
  if (!relay) {
    t.skip('127.0.0.2 cannot be bound on this machine');
    return;
  }
  const allow = { allowAddresses: ['127.0.0.2'] };
  // Without allowAddresses the relay itself is refused: it is a stand-in, not a loophole.
  assert.equal(await fetchCode(`${relayBase}/?to=/`), 'CC126');
  // With it, a redirect to the relay's own page is followed ...
  assert.equal(await fetchCode(`${relayBase}/?to=${encodeURIComponent(`${relayBase}/`)}`, allow), 'ok');
  // ... and a redirect to any other form of loopback is not.
  for (const host of LOOPBACK_FORMS) {
    const target = `http://${host}:${port}/`;
    assert.equal(await fetchCode(`${relayBase}/?to=${encodeURIComponent(target)}`, allow), 'CC126', target);
  }
  // The same redirect goes through with --allow-private (the target is real).
  assert.equal(await fetchCode(`${relayBase}/?to=${encodeURIComponent(`http://[::ffff:7f00:1]:${port}/`)}`, { allowPrivate: true }), 'ok');
});

test('URL inputs read through readInputs (extract, compare, ingest) are refused in every form', async () => {
  for (const host of ['[::ffff:7f00:1]', '[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]', '[::ffff:10.1.2.3]', '[::7f00:1]', '[64:ff9b::7f00:1]', '[fec0::1]']) {
    const items: ReadItem[] = [];
    for await (const item of readInputs([`http://${host}:${port}/`], { maxBytes: 1_000_000 })) items.push(item);
    assert.deepEqual(items.map((i) => (i.kind === 'problem' ? i.message.code : 'source')), ['CC126'], host);
  }
});

test('the range table: every form in the issue, and public addresses', () => {
  const notPublic = [
    '127.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe',
    '::ffff:10.1.2.3', '::7f00:1', '::127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::10.0.0.1', '64:ff9b:1::1', 'fec0::1', 'feff::1',
    '::', '::1', '0:0:0:0:0:0:0:1', 'fe80::1', 'fe80::1%eth0', '[::1]', 'fd00::1', 'fc00::1', 'ff02::1', '10.1.2.3', '172.16.0.1', '172.31.255.255',
    '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '198.18.0.1', '192.0.2.1', '::ffff:0:7f00:1',
    '2002:7f00:1::1', '2002:a9fe:a9fe::', '2001:db8::1', '2001::1', '100::1', '::ffff:ffff:ffff', 'not-an-address', '1.2.3', '1::2::3', '12345::1',
  ];
  for (const ip of notPublic) assert.equal(isPrivateAddress(ip), true, ip);
  for (const ip of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:2800:220:1::1', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1']) {
    assert.equal(isPrivateAddress(ip), false, ip);
  }
  assert.match(notPublicBecause('::ffff:a9fe:a9fe') ?? '', /link-local/);
  assert.match(notPublicBecause('64:ff9b::7f00:1') ?? '', /NAT64 of loopback/);
  assert.equal(canonicalAddress('[0:0:0:0:0:ffff:7f00:1]'), '127.0.0.1');
  assert.equal(canonicalAddress('2001:DB8::1'), '2001:db8:0:0:0:0:0:1');
  assert.equal(parseAddress('1:2:3:4:5:6:7:8:9'), null);
  assert.equal(parseAddress('1.2.3.4:5::'), null);
});
