// Validates rendered Kubernetes objects against the Kubernetes OpenAPI schemas, with the validators
// that the npm package kubernetes-models compiles from them (types, required fields, enums, formats).
// Like the API server's default, it does not reject unknown fields; the manifest test asserts the
// fields that matter by name.
//
//   kubectl kustomize infra/k8s/overlays/production | node scripts/validate-k8s.mjs
//
// Reads a YAML stream on stdin; prints one line per object and exits 1 if any is invalid or of a
// kind it has no schema for. `--json` prints [{ apiVersion, kind, name, errors }] instead.
import { parseAllDocuments } from 'yaml';

const json = process.argv.includes('--json');
let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = [];
for (const doc of parseAllDocuments(input)) {
  if (doc.errors.length) {
    results.push({ apiVersion: '?', kind: '?', name: '?', errors: doc.errors.map((e) => e.message) });
    continue;
  }
  const object = doc.toJS();
  if (!object) continue;
  const { apiVersion = '', kind = '', metadata = {} } = object;
  const result = { apiVersion, kind, name: metadata.name ?? '?', errors: [] };
  results.push(result);
  let Model;
  try {
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    result.errors.push(`no schema for ${apiVersion} ${kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    result.errors.push(e instanceof Error ? e.message : String(e));
  }
}

if (json) console.log(JSON.stringify(results));
else
  for (const r of results)
    console.log(
      `${r.errors.length ? 'INVALID' : 'valid  '} ${r.apiVersion} ${r.kind} ${r.name}${r.errors.length ? `: ${r.errors.join('; ')}` : ''}`,
    );
process.exitCode = results.length && results.every((r) => !r.errors.length) ? 0 : 1;
