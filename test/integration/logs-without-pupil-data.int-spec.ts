/**
 * Finding 7 of issue 14: user errors were logged at `error` with a stack, and log messages quoted
 * pupil references, beyond the reach of erasure. This runs a school's pupil journey through the
 * real API and worker with every log level on (import with bad rows, reading the problems, lists,
 * search, a record, changes, refused input, export, erasure), captures everything written to stdout
 * and stderr, and searches it for every pupil identifier: reference (UPN), name, date of birth.
 * The access log (one line per request, issue 15) is searched with everything else.
 */
import { createHubFixture, startTestApi, type HubFixture, type TestApi } from '@tandem/api-testing';
import { academicYearOf, dateOfBirthRangeForYearGroup } from '@tandem/domain';
import { JsonLogger } from '@tandem/platform';
import { startTestWorker, type TestWorker } from '@tandem/worker-testing';

let api: TestApi;
let worker: TestWorker;
let hub: HubFixture;
const captured: string[] = [];
const restore: Array<() => void> = [];

function capture(stream: NodeJS.WriteStream): void {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restore.push(() => (stream.write = original));
}

beforeAll(async () => {
  capture(process.stdout);
  capture(process.stderr);
  const env = { LOG_LEVEL: 'debug' };
  api = await startTestApi({ env, logger: new JsonLogger('debug').child('api') });
  worker = await startTestWorker(api, { env, relay: { pollIntervalMs: 50 }, logger: new JsonLogger('debug').child('worker') });
  hub = await createHubFixture(api);
}, 60_000);

afterAll(async () => {
  for (const undo of restore) undo();
  await worker?.close();
  await api?.close();
});

const PUPILS = [
  { upn: 'K801200300401', name: 'Zephyrine Quillfeather', year: 9 },
  { upn: 'K801200300402', name: 'Bartholomew Okonkwo-Vance', year: 10 },
  { upn: 'K801200300403', name: 'Saoirse Ní Bhraonáin', year: 8 },
];

it('runs a pupil journey and no log line holds a reference, name or date of birth; user errors are info/warn without a stack', async () => {
  const ay = academicYearOf(api.clock.today());
  const dob = (year: number): string => dateOfBirthRangeForYearGroup(year, ay).from;
  const uk = (iso: string): string => iso.split('-').reverse().join('/');
  const badDob = '31/02/2012';
  const csv = [
    'UPN,Name,DOB,SEND',
    ...PUPILS.map((p) => `${p.upn},${p.name},${uk(dob(p.year))},N`),
    `K801200300404,Imogen Thistlewood,${badDob},N`,
    'K801200300405,Peregrine Ashdown,01/01/1990,Y',
  ].join('\r\n');
  const token = hub.tokens.schoolStaff;

  // Import (two rows refused: their messages quote the cells), then read the problems.
  const upload = await api.uploadPupilCsv<{ startPupilImport: { id: string } }>(
    csv,
    { schoolId: hub.schoolA.id, mode: 'VALID_ROWS_ONLY' },
    token,
  );
  const jobId = upload.data?.startPupilImport.id as string;
  let job: { status: string; errors: Array<{ message: string }> } | undefined;
  for (let i = 0; i < 200 && !['SUCCEEDED', 'FAILED'].includes(job?.status ?? ''); i++) {
    job = (
      await api.ok<{ importJob: typeof job }>(`query($id: ID!) { importJob(id: $id) { status errors { message } } }`, { id: jobId }, token)
    ).importJob;
    if (!['SUCCEEDED', 'FAILED'].includes(job?.status ?? '')) await new Promise((r) => setImmediate(r));
  }
  expect(job?.status).toBe('SUCCEEDED');
  expect(job?.errors.map((e) => e.message).join(' ')).toContain(badDob); // the school sees its cell; the log must not

  // Lists, search, one record, a change, refused changes, export, erasure.
  const list = await api.ok<{ pupils: { nodes: Array<{ id: string; reference: string }> } }>(
    `query($s: ID!, $f: PupilFilter) { pupils(schoolId: $s, filter: $f, first: 10) { nodes { id reference displayName dateOfBirth } } }`,
    { s: hub.schoolA.id, f: { search: PUPILS[0]?.upn } },
    token,
  );
  const id = list.pupils.nodes[0]?.id as string;
  await api.ok(`query($id: ID!) { pupil(id: $id) { reference displayName dateOfBirth } }`, { id }, token);
  await api.ok(
    `mutation($id: ID!, $input: UpdatePupilInput!) { updatePupil(id: $id, input: $input) { id } }`,
    { id, input: { displayName: 'Zephyrine Q. Quillfeather' } },
    token,
  );
  const refused = [
    await api.gql(
      `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
      { input: { schoolId: hub.schoolA.id, reference: PUPILS[1]?.upn, yearGroup: 10 } },
      token,
    ),
    await api.gql(
      `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
      { input: { schoolId: hub.schoolA.id, reference: 'K801200300499', displayName: 'Wilhelmina\u0000Crump', yearGroup: 9 } },
      token,
    ),
    await api.gql(
      `mutation($input: CreatePupilInput!) { createPupil(input: $input) { id } }`,
      { input: { schoolId: hub.schoolA.id, reference: 'K801200300498', dateOfBirth: '2012-02-30' } },
      token,
    ),
    await api.gql(`query($id: ID!) { pupil(id: $id) { reference } }`, { id }, hub.tokens.employerContact),
  ];
  expect(refused.every((r) => r.errors?.length && r.errors[0]?.extensions?.code !== 'INTERNAL')).toBe(true);
  await api.ok(`query($id: ID!) { exportPupilData(id: $id) { json } }`, { id }, token);
  await api.ok(`mutation($id: ID!) { erasePupil(id: $id) { id } }`, { id }, token);

  const lines = captured
    .join('')
    .split('\n')
    .filter((l) => l.trim());
  expect(lines.length).toBeGreaterThan(5); // the capture works: the API and worker did log
  const identifiers = [
    ...PUPILS.flatMap((p) => [p.upn, p.name, dob(p.year), uk(dob(p.year))]),
    'K801200300404',
    'Imogen Thistlewood',
    badDob,
    'K801200300405',
    'Peregrine Ashdown',
    '01/01/1990',
    'Wilhelmina',
    'Zephyrine',
    'Quillfeather',
    'K801200300499',
    'K801200300498',
  ];
  const leaks = identifiers.flatMap((value) => lines.filter((l) => l.includes(value)).map((l) => `${value}: ${l.slice(0, 300)}`));
  expect(leaks).toEqual([]);

  const entries = lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as { level?: string; msg?: string; code?: string; stack?: unknown; err?: unknown }];
    } catch {
      return [];
    }
  });
  // The access log (issue 15) is part of what was searched above: one line per request, by route
  // and operation, none of them holding a variable.
  const access = entries.filter((e) => (e as { context?: string }).context === 'access' && e.msg === 'request') as Array<
    Record<string, unknown>
  >;
  expect(access.length).toBeGreaterThanOrEqual(refused.length + 6);
  expect(access.some((e) => e['route'] === '/imports/pupils' && e['outcome'] === 'ok')).toBe(true);
  expect(access.some((e) => e['operation'] === 'erasePupil' && e['outcome'] === 'ok')).toBe(true);
  expect(access.filter((e) => 'variables' in e || 'query' in e || 'url' in e)).toEqual([]);

  const refusals = entries.filter((e) => e.msg === 'GraphQL request refused');
  expect(refusals.length).toBeGreaterThanOrEqual(refused.length);
  expect(refusals.every((e) => (e.level === 'info' || e.level === 'warn') && e.stack === undefined && e.err === undefined)).toBe(true);
  expect(entries.filter((e) => e.level === 'error' || e.level === 'fatal')).toEqual([]);
});
