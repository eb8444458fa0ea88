import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/connect-api.js';
import { App } from './app/App.js';
import { ControllerContext } from './app/context.js';
import { Controller } from './app/controller.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

const connection = connectApi();
const controller = new Controller(connection.api);
connection.onEvent((event) => controller.handleEvent(event));
void controller.load();

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
