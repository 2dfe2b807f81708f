import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/spotlight/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { createWindowClient } from '../api';
import { ApiProvider } from '../api/provider';
import { keepFresh } from '../api/queries';
import { createQueryClient } from '../api/query-client';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { cssVariablesResolver, theme } from './theme';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

const client = createWindowClient();
const queries = createQueryClient();
keepFresh(client, queries);

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      {/* Bottom left, over the sidebar's foot: at the bottom right, a toast (an autosave's
          "… saved · Undo") covered the wizard's Next button and the drawers' last fields, and
          a pointer resting on it to reach them keeps it open. */}
      <Notifications position="bottom-left" limit={4} />
      <ErrorBoundary>
        <ApiProvider client={client}>
          <QueryClientProvider client={queries}>
            {/* A hash router: the desktop UI is served from app://, where paths are files. */}
            <HashRouter>
              <App />
            </HashRouter>
          </QueryClientProvider>
        </ApiProvider>
      </ErrorBoundary>
    </MantineProvider>
  </StrictMode>,
);
