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

restoreSession().catch(() => showToast('Can’t reach the server. Reload the page to try again.'));
