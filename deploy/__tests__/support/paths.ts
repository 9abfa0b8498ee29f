import path from 'node:path';

/** The repository root (this file is deploy/__tests__/support/paths.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const fromRoot = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);
