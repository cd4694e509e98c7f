/**
 * What the deployment files say, read the way the tools read them, for the tests that hold them to
 * the build: the Dockerfile's stages and instructions, and the three commands the one image runs.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** The image's commands (Dockerfile CMD for the API; compose and Kubernetes name the other two). */
export const IMAGE_COMMANDS = {
  api: ['node', '--enable-source-maps', 'dist/apps/api/src/main.js'],
  worker: ['node', '--enable-source-maps', 'dist/apps/worker/src/main.js'],
  migrate: ['node', '--enable-source-maps', 'dist/libs/persistence/src/cli/migrate.js'],
} as const;

export interface DockerInstruction {
  op: string;
  args: string;
}

export interface DockerStage {
  name: string;
  from: string;
  instructions: DockerInstruction[];
}

/** Stages of a Dockerfile: comments dropped, `\` continuations joined, instructions upper-cased. */
export function readDockerfile(file = path.join(ROOT, 'infra/docker/Dockerfile')): DockerStage[] {
  const lines = readFileSync(file, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name, from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** ENV lines of a stage as a record (`ENV A=1 B=2` form). */
export function envOf(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.instructions.filter((i) => i.op === 'ENV')) {
    for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
  }
  return env;
}
