import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSession } from './store/session';
import { App } from './ui/App';
import { showToast } from './ui/toasts';
import './styles/base.css';
import './styles/layout.css';
import './styles/board.css';
import './styles/detail.css';
import './styles/find.css';
import './styles/history.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the app's files, so a reload without a network opens the app
// (vite.config.ts). A new version takes over quietly and shows on the next load: no reload
// under someone's fingers. Only built apps have one (not the Vite dev server).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('No offline copy of the app:', error));
}

restoreSession().catch(() => showToast('Can’t reach the server. Reload the page to try again.'));
