/**
 * The `<script>` tag that loads the SDK from this server with the project's write key:
 * paste it into a site's `<head>`. `defer`, and no inline code, so it works under the
 * site's own CSP with `script-src` allowing this origin.
 */
export function createScriptTag(origin: string, writeKey: string): string {
  return `<script defer src="${origin}/sdk.js" data-write-key="${writeKey}"></script>`;
}

/** The same with the npm package, for apps with a bundler. */
export function createNpmSnippet(origin: string, writeKey: string): string {
  return [
    '// npm install @parcours/sdk',
    "import { createTracker } from '@parcours/sdk';",
    '',
    `const parcours = createTracker({ writeKey: '${writeKey}', host: '${origin}' });`,
    "parcours.track('Signed up', { plan: 'pro' });",
  ].join('\n');
}

/**
 * A `curl` command that sends one touchpoint to this server's collector, for a first
 * test from a terminal. The shell fills in a new id and the current time
 * (`date +%s`), so the command can be run again and each run is a new touchpoint.
 */
export function createCurlCommand(origin: string, writeKey: string): string {
  const event = `{"id":"curl-'$(date +%s)'","type":"track","name":"Tested with curl","anonymousId":"curl-test","timestamp":'$(date +%s000)'}`;
  return [
    `curl -X POST '${origin}/trpc/collect' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"writeKey":"${writeKey}","batch":[${event}]}'`,
  ].join('\n');
}

/**
 * One line of Node for the site's backend (`createHmac` from `node:crypto`): the `userHash` that proves it asserted a
 * user id, HMAC-SHA256 of the id with the project's identity secret. The secret stays
 * in an environment variable, never in a page.
 */
export function createUserHashSnippet(): string {
  return "createHmac('sha256', process.env.PARCOURS_IDENTITY_SECRET).update(userId).digest('hex')";
}
