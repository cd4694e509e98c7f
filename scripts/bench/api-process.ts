/**
 * The API as production runs it (apps/api/src/main.ts, configured from the environment), forked by
 * `npm run bench:api` so that it can be told to stop over IPC: `process.exit` lets `node --cpu-prof`
 * write its profile, which a signal would not.
 */
process.on('message', (m: unknown) => {
  if (m === 'stop') process.exit(0);
});
require('../../apps/api/src/main');
