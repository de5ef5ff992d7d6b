/** The Live chunk: the Live page, fetched when it first opens. */
export { LivePage } from './LivePage.js';
