/**
 * The admin app's dev server (`npm run dev` runs it) serves the app and nothing else of the
 * repository (issue 14, finding 11: it served any file under the repo, logs included).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startAdminApp, type AdminApp } from '@tandem/test-support';

const ROOT = path.resolve(__dirname, '..', '..');
let admin: AdminApp;

beforeAll(async () => {
  admin = await startAdminApp({ apiUrl: 'http://127.0.0.1:9' });
}, 90_000);
afterAll(() => admin?.close());

it('serves the app', async () => {
  expect((await fetch(`${admin.url}/`)).status).toBe(200);
});

it('refuses files of the repository outside the app, a log and a key file among them', async () => {
  const secretDir = path.join(ROOT, '.tandem');
  fs.mkdirSync(secretDir, { recursive: true });
  const probe = path.join(secretDir, 'dev-server-probe.log');
  fs.writeFileSync(probe, 'pupil K801200300401\n');
  try {
    for (const file of [probe, path.join(ROOT, 'README.md'), path.join(ROOT, 'scripts', 'dev.sh'), path.join(ROOT, 'package.json')]) {
      const res = await fetch(`${admin.url}/@fs${file}`);
      expect({ file: path.relative(ROOT, file), status: res.status }).toEqual({ file: path.relative(ROOT, file), status: 403 });
    }
    const traversal = await fetch(`${admin.url}/..%2f..%2fREADME.md`);
    expect(await traversal.text()).not.toContain('Tandem brokers employer encounters');
  } finally {
    fs.rmSync(probe, { force: true });
  }
});
