import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionProvider } from './auth/SessionContext';
import { SessionStore } from './auth/session';
import { normaliseLocation } from './routing/location';
import './styles.css';

// A deep link from an email (/bookings/<id>) becomes the app's hash route before anything renders.
normaliseLocation();
const store = new SessionStore();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <SessionProvider store={store}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
