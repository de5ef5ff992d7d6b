/** The Persons chunk: the list and a person's page, fetched when "Persons" first opens. */
export { PersonsPage } from './PersonsPage.js';
