import { randomBytes } from 'node:crypto';

/** A topic or group name no other test (or earlier run against the same broker) uses. */
export function uniqueName(base: string): string {
  return `test.${base}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}
