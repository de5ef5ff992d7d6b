import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@parcours/api';
import { openSqliteStore } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.js';
import { createSmtpMailer } from './createSmtpMailer.js';
import { startSmtpReceiver } from '../testing/startSmtpReceiver.js';

// A real SMTP server on loopback receives what Parcours sends.
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(() => smtp.stop());

describe('createSmtpMailer', () => {
  it('is off without PARCOURS_SMTP_URL', () => {
    expect(createSmtpMailer({})).toBeUndefined();
  });

  it('mails an invitation link that the API also shows, when SMTP settings are given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parcours-mail-'));
    const store = openSqliteStore({ filename: join(dir, 'mail.db') });
    const { projectId } = await store.createProject({ name: 'Shop' });
    await store.createUser({
      email: 'owner@example.com',
      name: 'O',
      passwordHash: await hashPassword('owner password!'),
    });
    const sendMail = createSmtpMailer({
      PARCOURS_SMTP_URL: smtp.url,
      PARCOURS_SMTP_FROM: 'Parcours <noreply@parcours.test>',
    });
    const server = createServer({ store, publicDir: dir, sendMail });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const signIn = await fetch(`${base}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: 'owner password!' }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const invite = await fetch(`${base}/trpc/members.invite`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: base },
        body: JSON.stringify({ projectId, email: 'analyst@example.com', role: 'analyst' }),
      });
      const { url, emailed } = (
        (await invite.json()) as { result: { data: { url: string; emailed: boolean } } }
      ).result.data;
      expect(emailed).toBe(true);
      const mail = smtp.received.find((m) => m.to.includes('analyst@example.com'));
      expect(mail, `received: ${JSON.stringify(smtp.received)}`).toBeDefined();
      // Quoted-printable may wrap long lines with "=\r\n": unwrap before looking for the link.
      const text = mail!.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(text).toContain(url);
      expect(text).toContain('From: Parcours <noreply@parcours.test>');
    } finally {
      server.closeAllConnections();
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
