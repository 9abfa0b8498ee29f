/** The promotion gates, in the order they run. */
export type GateName = 'pin' | 'checksum' | 'load' | 'sanity' | 'metric' | 'approval';

export interface GateResult {
  readonly gate: GateName;
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly detail: string;
}

export const pass = (gate: GateName, detail: string): GateResult => ({ gate, status: 'pass', detail });
export const fail = (gate: GateName, detail: string): GateResult => ({ gate, status: 'fail', detail });
export const skipped = (gate: GateName, detail: string): GateResult => ({ gate, status: 'skipped', detail });

export function failed(results: readonly GateResult[]): GateResult[] {
  return results.filter((r) => r.status === 'fail');
}

/** One line for logs and events: `checksum: pass; load: fail (…)`. */
export function summarizeGates(results: readonly GateResult[]): string {
  return results.map((r) => `${r.gate}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`).join('; ');
}
