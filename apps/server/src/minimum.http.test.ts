import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 9, "collect the minimum", over real HTTP on a real SQLite file: what reaches
// the bytes of the database and its WAL after `collect` and `consent` have answered.
let dir: string;
let file: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-minimum-'));
  file = join(dir, 'minimum.db');
  store = openSqliteStore({ filename: file });
  // Trusting the proxy makes X-Forwarded-For the client's address: the worst case.
  server = createServer({
    store,
    publicDir: dir,
    logError: () => {},
    limits: TEST_SERVER_LIMITS,
    trustProxy: true,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = await store.createProject({ name: 'Shop' });
});
afterEach(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const CLIENT_HEADERS = {
  'Content-Type': 'text/plain',
  'X-Forwarded-For': '203.0.113.7',
  'X-Real-IP': '198.51.100.23',
  Forwarded: 'for=192.0.2.60;proto=https',
};

async function post(
  path: 'collect' | 'consent',
  body: object,
  headers: Record<string, string> = CLIENT_HEADERS,
) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { result?: { data: unknown } } };
}

/** The strings of `needles` found in the bytes of the database file or its WAL (both must exist). */
function findInFiles(needles: readonly string[]): string[] {
  expect(existsSync(file)).toBe(true);
  expect(existsSync(`${file}-wal`)).toBe(true);
  const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
  return needles.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
}

const T = Date.UTC(2026, 10, 2);
const touchpoint = (id: string, extra: object) => ({
  id,
  type: 'track',
  name: 'Viewed offer',
  anonymousId: 'device-minimum-1',
  timestamp: T,
  ...extra,
});

describe('collect the minimum over HTTP', () => {
  it('stores no IP address: neither the socket address nor any client address header', async () => {
    const collected = await post('collect', {
      writeKey: project.writeKey,
      batch: [touchpoint('ip-1', { name: 'Arrived from proxy', context: { url: 'https://shop.example/' } })],
    });
    expect(collected.json.result?.data).toEqual({ accepted: 1, duplicates: 0 });
    const consented = await post('consent', {
      writeKey: project.writeKey,
      records: [
        {
          id: 'consent-ip-1',
          timestamp: T,
          granted: ['analytics'],
          denied: ['marketing'],
          policyVersion: '1',
          source: 'banner',
          anonymousId: 'device-minimum-1',
          path: '/offer',
        },
      ],
    });
    expect(consented.status).toBe(200);
    // The grep can see what was stored…
    expect(findInFiles(['Arrived from proxy', 'consent-ip-1'])).toEqual([
      'Arrived from proxy',
      'consent-ip-1',
    ]);
    // …and no address.
    expect(findInFiles(['127.0.0.1', '203.0.113.7', '198.51.100.23', '192.0.2.60'])).toEqual([]);
  });

  it('PII fixtures in properties, context, URLs and consent paths never reach the file', async () => {
    const PII = [
      'ann.lee+shop@example.com',
      'ann.lee%2Bshop%40example.com',
      'bob_99@mail.example.co.uk',
      '+33 6 12 34 56 78',
      '06 12 34 56 78',
      '(555) 123-4567',
      '4111 1111 1111 1111',
      '5500-0000-0000-0004',
      '4012888888881881',
      'FR76 3000 6000 0112 3456 7890 189',
      'DE89370400440532013000',
      'GB82 WEST 1234 5698 7654 32',
      'reset-token-9f8e7d6c',
      '2001:db8::7',
      'carol@example.org',
    ];
    const collected = await post('collect', {
      writeKey: project.writeKey,
      batch: [
        touchpoint('pii-1', {
          properties: {
            email: 'ann.lee+shop@example.com',
            note: 'call me on +33 6 12 34 56 78 or 06 12 34 56 78',
            us: '(555) 123-4567',
            card: '4111 1111 1111 1111',
            card2: '5500-0000-0000-0004',
            cardNumber: 4012888888881881,
            iban: 'FR76 3000 6000 0112 3456 7890 189',
            payout: 'DE89370400440532013000 / GB82 WEST 1234 5698 7654 32',
            orderId: '4111111111111112',
            ip: '2001:db8::7',
          },
          context: {
            url: 'https://shop.example/offer?utm_source=newsletter&email=ann.lee%2Bshop%40example.com&token=reset-token-9f8e7d6c#t=reset-token-9f8e7d6c',
            referrer: 'https://mail.example/inbox?user=bob_99@mail.example.co.uk',
            path: '/offer',
          },
        }),
        touchpoint('pii-2', {
          type: 'page',
          name: '/account/carol@example.org',
          context: { path: '/account/x' },
        }),
      ],
    });
    expect(collected.json.result?.data).toEqual({ accepted: 2, duplicates: 0 });
    const consented = await post('consent', {
      writeKey: project.writeKey,
      records: [
        {
          id: 'consent-pii-1',
          timestamp: T,
          granted: ['analytics'],
          denied: [],
          policyVersion: '1',
          source: 'banner',
          anonymousId: 'device-minimum-1',
          path: '/unsubscribe/carol@example.org?token=reset-token-9f8e7d6c',
        },
      ],
    });
    expect(consented.status).toBe(200);
    expect(findInFiles(PII)).toEqual([]);
    // What is kept: the allow-listed parameter, the near-miss order id, the placeholders.
    expect(
      findInFiles([
        'utm_source=newsletter',
        '4111111111111112',
        '[email]',
        '[phone]',
        '[card]',
        '[iban]',
        '[ip]',
        '/unsubscribe/[email]',
      ]),
    ).toHaveLength(8);
    const timeline = await store.getPersonTimeline(project.projectId, { anonymousId: 'device-minimum-1' });
    expect(timeline?.events[0]?.context?.url).toBe('https://shop.example/offer?utm_source=newsletter');
    expect(timeline?.events[1]?.name).toBe('/account/[email]');
  });

  it('privacy.setCollectionSettings switches redaction per project and per property, audited', async () => {
    const officer = (await store.createSecretKey(project.projectId, { scope: 'privacy', label: 'dpo key' }))
      .key;
    const call = async (path: string, input: object, mutation: boolean) => {
      const headers = { Authorization: `Bearer ${officer}`, 'Content-Type': 'application/json' };
      const response = mutation
        ? await fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })
        : await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
      const json = (await response.json()) as { result?: { data: unknown }; error?: { message: string } };
      return { status: response.status, data: json.result?.data, error: json.error };
    };
    const { projectId } = project;
    expect((await call('privacy.collectionSettings', { projectId }, false)).data).toEqual({
      queryAllowList: ['utm_*'],
      redactPii: true,
      piiExemptProperties: [],
    });
    const bare = await call('privacy.setCollectionSettings', { projectId, queryAllowList: ['*'] }, true);
    expect(bare.status).toBe(400);
    expect(bare.error?.message).toContain('queryAllowList');
    const middle = await call('privacy.setCollectionSettings', { projectId, queryAllowList: ['a*b'] }, true);
    expect(middle.status).toBe(400);

    const exempt = await call(
      'privacy.setCollectionSettings',
      { projectId, queryAllowList: ['utm_*', 'ref', 'ref'], piiExemptProperties: ['supportEmail'] },
      true,
    );
    expect(exempt.data).toEqual({
      queryAllowList: ['utm_*', 'ref'],
      redactPii: true,
      piiExemptProperties: ['supportEmail'],
    });
    await post('collect', {
      writeKey: project.writeKey,
      batch: [
        touchpoint('s-1', {
          properties: { supportEmail: 'help@shop.example', customer: 'dan@example.net' },
          context: { url: 'https://shop.example/?ref=partner&gclid=abc123' },
        }),
      ],
    });
    expect(findInFiles(['help@shop.example', 'dan@example.net', 'ref=partner', 'gclid=abc123'])).toEqual([
      'help@shop.example',
      'ref=partner',
    ]);

    await call('privacy.setCollectionSettings', { projectId, redactPii: false }, true);
    await post('collect', {
      writeKey: project.writeKey,
      batch: [touchpoint('s-2', { properties: { customer: 'erin@example.net' } })],
    });
    expect(findInFiles(['erin@example.net'])).toEqual(['erin@example.net']);

    const { entries } = await store.getAuditLog(projectId, {
      limit: 10,
      action: 'privacy.collectionSettings',
    });
    expect(entries.map((entry) => [entry.action, entry.actor.label, entry.detail.redactPii])).toEqual([
      ['privacy.collectionSettingsChanged', 'dpo key', false],
      ['privacy.collectionSettingsChanged', 'dpo key', true],
    ]);
    expect(entries[1]!.detail).toMatchObject({
      queryAllowList: 'utm_*, ref',
      'previous queryAllowList': 'utm_*',
    });
  });
});
