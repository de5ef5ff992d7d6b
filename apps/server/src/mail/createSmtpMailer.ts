import type { SendMail } from '@parcours/api';
import { createTransport } from 'nodemailer';

/** The environment variables that turn mail on. */
export const SMTP_ENV = {
  /** `smtp://user:password@host:587` or `smtps://…:465`. */
  url: 'PARCOURS_SMTP_URL',
  /** The sender, e.g. `Parcours <parcours@example.com>`. Default `parcours@<smtp host>`. */
  from: 'PARCOURS_SMTP_FROM',
} as const;

/**
 * A mailer over SMTP (nodemailer) when `PARCOURS_SMTP_URL` is set, else undefined:
 * invitation links are then only shown to copy. Plain text only (a scheduled report's
 * PDF attached): nothing to render, nothing to track.
 */
export function createSmtpMailer(env: NodeJS.ProcessEnv = process.env): SendMail | undefined {
  const url = env[SMTP_ENV.url];
  if (!url) return undefined;
  const transport = createTransport(url);
  const from = env[SMTP_ENV.from] || `parcours@${new URL(url).hostname}`;
  return async ({ to, subject, text, attachments }) => {
    await transport.sendMail({
      from,
      to,
      subject,
      text,
      ...(attachments && {
        attachments: attachments.map(({ filename, content, contentType }) => ({
          filename,
          content: Buffer.from(content),
          contentType,
        })),
      }),
    });
  };
}
