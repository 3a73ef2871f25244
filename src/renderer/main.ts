/**
 * Entry of the studio page, in the Electron window and in a browser (`roadsynth studio`).
 */
import './styles.css';
import { createApiClient } from './apiClient.js';
import { App } from './App.js';

const app = new App(createApiClient());
(window as unknown as { roadsynthStudio: App }).roadsynthStudio = app;
app.start().catch((err: Error) => {
  const el = document.getElementById('status');
  if (el) {
    el.textContent = `could not start: ${err.message}`;
    el.classList.add('error');
  }
});
