export { createServer, DEFAULT_PUBLIC_DIR, type ServerOptions } from './createServer.js';
export { runCli } from './cli.js';
export { generateDemoJourneys, type DemoOptions } from './demo/generateDemoJourneys.js';
export { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';
export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from './testing/startWebhookReceiver.js';
export { parseCsv } from './testing/parseCsv.js';
export { createSolidPng } from './testing/createSolidPng.js';
export { readPdfPagePixels, readPdfText } from './testing/readPdfPage.js';
