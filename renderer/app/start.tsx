/** Starts the app in the page: the controller, its first load, and React. */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LibraryOutline } from '../../core/api.js';
import type { ApiConnection } from '../api/connect-api.js';
import { withOutlineAskedEarly } from '../api/early-outline.js';
import { Controller } from '../controller/controller.js';
import { ControllerContext } from '../kit/context.js';
import { App } from './App.js';

export function startApp(root: HTMLElement, connection: ApiConnection, outline: Promise<LibraryOutline>): void {
  const controller = new Controller(withOutlineAskedEarly(connection.api, outline));
  connection.onEvent((event) => controller.handleEvent(event));
  void controller.load();
  void controller.notesSync.start();

  // Notes save on a timer; when the window goes away, save what is pending at once.
  window.addEventListener('pagehide', () => controller.notes.flushAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') controller.notes.flushAll();
  });

  createRoot(root).render(
    <StrictMode>
      <ControllerContext.Provider value={controller}>
        <App />
      </ControllerContext.Provider>
    </StrictMode>,
  );
}
