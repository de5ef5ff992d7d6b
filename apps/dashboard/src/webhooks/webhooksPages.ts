/** The Webhooks chunk: the destinations page, fetched when it first opens. */
export { WebhooksPage } from './WebhooksPage.js';
