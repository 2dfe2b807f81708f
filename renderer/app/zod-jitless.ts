import { z } from 'zod';

// The UI's CSP forbids eval. zod's fast path probes `new Function('')`, which the browser
// reports as a CSP violation even though zod then falls back; tell zod not to try. Imported
// first by main.tsx, before anything that builds a schema.
z.config({ jitless: true });
