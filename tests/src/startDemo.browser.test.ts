import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.js';
import { PARCOURS_BIN } from './support/paths.js';

// Issue 2: `npm start` (= `parcours start --demo`) serves the dashboard with demo data
// at the URL it prints, for the demo user whose password it prints (issue 7). Run as a
// real process, as a newcomer would.
let dir: string;
let child: ChildProcess;
let output = '';
let browser: Browser;

interface Demo {
  url: string;
  projectId: string;
  email: string;
  password: string;
}

function startDemo(db: string): Promise<Demo> {
  child = spawn(process.execPath, [PARCOURS_BIN, 'start', '--demo', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Dashboard: (\S+)$/m.exec(output)?.[1];
      const projectId = /Demo project (\S+):/.exec(output)?.[1];
      const [, email, password] = /^Sign in at \S+ as (\S+) with password (\S+)$/m.exec(output) ?? [];
      if (url && projectId && email && password) resolve({ url, projectId, email, password });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`parcours start exited with ${code}:\n${output}`)));
  });
}

/** Signs in as the API does for the dashboard; the `parcours_session=…` cookie to send back. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('parcours_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

/**
 * The demo's overview over the last 60 days, read with a session cookie. Like the
 * dashboard, it asks again while the server answers 503 (its journey index is still
 * warming after the start), after the Retry-After it sends, for at most 30 s.
 */
async function getOverview(origin: string, projectId: string, cookie: string): Promise<Response> {
  const input = { projectId, from: Date.now() - 60 * 86_400_000, to: Date.now() };
  const url = `${origin}/trpc/journeys.overview?input=${encodeURIComponent(JSON.stringify(input))}`;
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 503 || Date.now() > giveUpAt) return response;
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(response.headers.get('retry-after'))));
  }
}

let firstSession: { password: string; cookie: string } | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-demo-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('parcours start --demo', () => {
  it('prints the demo user’s password and a dashboard URL that shows a demo person’s cross-channel timeline', async () => {
    const { url, projectId, email, password } = await startDemo(join(dir, 'demo.db'));
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(email).toBe('demo@parcours.local');
    expect(output).not.toMatch(/secret key|#key=/);

    const origin = new URL(url).origin;
    const cookie = await signIn(origin, email, password);
    const overview = await getOverview(origin, projectId, cookie);
    const totals = (await overview.json()).result.data.totals;
    expect(totals.persons).toBeGreaterThan(2_000);
    expect(totals.events).toBeGreaterThan(10_000);
    firstSession = { password, cookie };

    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    // A fresh browser has no session: the sign-in form, then the demo project's overview.
    await page.fill('#sign-in-email', email);
    await page.fill('#sign-in-password', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.kpis');
    expect(page.url()).toContain(`#/p/${projectId}`);
    // The persons list is one click away: search a device id, open the person found.
    await page.click('nav >> text=Persons');
    await page.fill('#persons-q', 'demo-web-0');
    await page.click('form[aria-label="Search persons"] button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.data-table tbody tr').length === 1);
    await page.click('.data-table tbody th a.id');
    await page.waitForSelector('#person-heading');
    await page.waitForSelector('table tbody tr');
    const rows = await page.locator('table tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect(await page.textContent('body')).toContain('demo-web-0');
    await page.close();
  });

  it('finds its demo data again on a second start, with the same password, without signing anyone out', async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    output = '';
    const second = await startDemo(join(dir, 'demo.db'));
    expect(output).not.toContain('just generated');
    expect(second.password).toBe(firstSession!.password);
    const origin = new URL(second.url).origin;
    // The session opened before the restart still reads the demo project.
    expect((await getOverview(origin, second.projectId, firstSession!.cookie)).status).toBe(200);
  });
});
