/** Renderer entry: mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './theme/fonts';
import './styles.css';
import { startUiSettings } from './state/ui-settings';

// The theme and reading settings before the first render (public/appearance-boot.js has applied last time's).
startUiSettings();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
