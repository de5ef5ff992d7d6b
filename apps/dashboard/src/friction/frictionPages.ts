/** The Friction chunk: loops, repeated contacts and long waits, fetched when "Friction" first opens. */
export { FrictionPage } from './FrictionPage.js';
