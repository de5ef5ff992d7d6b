import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.js';
import { PARCOURS_BIN } from './support/paths.js';

// Issue 2: `npm start` (= `parcours start --demo`) serves the dashboard with demo data
// at the URL it prints. Run as a real process, as a newcomer would.
let dir: string;
let child: ChildProcess;
let output = '';
let browser: Browser;

function startDemo(db: string): Promise<{ url: string; secretKey: string; projectId: string }> {
  child = spawn(process.execPath, [PARCOURS_BIN, 'start', '--demo', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Dashboard: (\S+)$/m.exec(output)?.[1];
      const secretKey = /secret key: (\S+)/.exec(output)?.[1];
      const projectId = /Demo project (\S+):/.exec(output)?.[1];
      if (url && secretKey && projectId) resolve({ url, secretKey, projectId });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`parcours start exited with ${code}:\n${output}`)));
  });
}

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
  it('prints the keys and a dashboard URL that shows a demo person’s cross-channel timeline', async () => {
    const { url, secretKey, projectId } = await startDemo(join(dir, 'demo.db'));
    expect(url).toMatch(/^http:\/\/localhost:\d+\/#key=sk_/);

    const origin = new URL(url).origin;
    const project = await fetch(`${origin}/trpc/admin.project`, {
      headers: { Authorization: `Bearer ${secretKey}` },
    });
    expect((await project.json()).result.data.projectId).toBe(projectId);
    const overview = await fetch(
      `${origin}/trpc/journeys.overview?input=${encodeURIComponent(JSON.stringify({ projectId, from: Date.now() - 60 * 86_400_000, to: Date.now() }))}`,
      { headers: { Authorization: `Bearer ${secretKey}` } },
    );
    const totals = (await overview.json()).result.data.totals;
    expect(totals.persons).toBeGreaterThan(2_000);
    expect(totals.events).toBeGreaterThan(10_000);

    const page = await browser.newPage();
    await page.goto(url);
    // The key moves from the address bar into the session: it must not linger in history.
    await page.waitForFunction(() => !location.hash.includes('key='));
    // The landing page is the overview; the person search is one click away.
    await page.click('nav >> text=Persons');
    await page.selectOption('#person-id-kind', 'anonymousId');
    await page.fill('#person-id', 'demo-web-0');
    await page.click('button[type=submit]');
    await page.waitForSelector('table tbody tr');
    const rows = await page.locator('table tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect(await page.textContent('body')).toContain('demo-web-0');
    await page.close();
  });

  it('finds its demo data again on a second start, with a fresh secret key', async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const first = /secret key: (\S+)/.exec(output)![1]!;
    output = '';
    const second = await startDemo(join(dir, 'demo.db'));
    expect(output).not.toContain('just generated');
    expect(second.secretKey).not.toBe(first);
    const origin = new URL(second.url).origin;
    const stale = await fetch(`${origin}/trpc/admin.project`, {
      headers: { Authorization: `Bearer ${first}` },
    });
    expect(stale.status).toBe(401);
  });
});
