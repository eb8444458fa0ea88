/**
 * The page's entry, kept small: it asks for the library's outline first, then loads the app (React and every
 * component), so that the answer is on its way while the app's code is fetched and compiled.
 */

import { connectApi } from './api/connect-api.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

const connection = connectApi();
const outline = connection.api.getLibraryOutline();
// The app reports a failure when it takes the answer; until then a rejection is not yet anyone's to handle.
outline.catch(() => undefined);

import('./app/start.js').then(
  ({ startApp }) => startApp(root, connection, outline),
  (error: unknown) => {
    root.textContent = `Shelfmark could not start: ${error instanceof Error ? error.message : String(error)}`;
  },
);
