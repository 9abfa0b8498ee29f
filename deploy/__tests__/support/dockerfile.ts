import { readFileSync } from 'node:fs';
import { fromRoot } from './paths';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Splits a Dockerfile (the service image's by default) into stages of instructions (continuation lines joined, comments dropped). */
export function readDockerfile(file = 'Dockerfile'): Dockerfile {
  const lines = readFileSync(fromRoot(file), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const dockerfile: Dockerfile = { globalArgs: {}, stages: [] };
  for (const line of lines) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      dockerfile.stages.push({ name: name ?? String(dockerfile.stages.length), from, instructions: [] });
    } else if (dockerfile.stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=');
      dockerfile.globalArgs[name] = value;
    } else {
      dockerfile.stages.at(-1)?.instructions.push(instruction);
    }
  }
  return dockerfile;
}

export const argsOf = (stage: Stage, keyword: string): string[] => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** The JSON (exec) form of a CMD, HEALTHCHECK … CMD or ENTRYPOINT argument, as an array. */
export function execForm(args: string): string[] {
  const json = /\[.*\]$/.exec(args)?.[0];
  if (!json) throw new Error(`not in exec form: ${args}`);
  return JSON.parse(json) as string[];
}

/** Folders the stage's RUN instructions give to an owner with `chown -R <uid>:<gid> <folder>`. */
export function chownedFolders(stage: Stage): { owner: string; folder: string }[] {
  return argsOf(stage, 'RUN').flatMap((run) => [...run.matchAll(/chown -R (\d+(?::\d+)?) (\S+)/g)].map(([, owner, folder]) => ({ owner, folder })));
}

/** Folders the stage's RUN instructions create with `mkdir -p`. */
export function createdFolders(stage: Stage): string[] {
  return argsOf(stage, 'RUN').flatMap((run) => [...run.matchAll(/mkdir -p ((?:[^\s&;|]+ ?)+)/g)].flatMap(([, list]) => list.trim().split(' ')));
}
