import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@mlops/observability';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DecisionOutcome } from '../decisions/operator-command';
import type { GateResult } from '@mlops/lifecycle';

/** Deployment's Prometheus series. */
@Injectable()
export class DeploymentMetrics {
  private readonly decisions: Counter<'model' | 'outcome'>;
  private readonly gates: Counter<'model' | 'gate' | 'status'>;
  private readonly champion: Gauge<'model' | 'version'>;
  private readonly championOf = new Map<string, string>();

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.decisions = new Counter({
      name: 'mlops_deployments_total',
      help: 'Deployment decisions: promoted, rolled_back, refused, held, duplicate, stale, unchanged, pinned, unpinned.',
      labelNames: ['model', 'outcome'],
      registers,
    });
    this.gates = new Counter({
      name: 'mlops_deployment_gates_total',
      help: 'Gate results (pin, checksum, load, sanity, metric, approval) by status: pass, fail, skipped.',
      labelNames: ['model', 'gate', 'status'],
      registers,
    });
    this.champion = new Gauge({ name: 'mlops_champion_info', help: 'Always 1 for the champion this deployment service last set.', labelNames: ['model', 'version'], registers });
  }

  decision(model: string, outcome: DecisionOutcome, gates: readonly GateResult[]): void {
    this.decisions.inc({ model, outcome });
    for (const g of gates) this.gates.inc({ model, gate: g.gate, status: g.status });
  }

  championSet(model: string, version: string): void {
    const previous = this.championOf.get(model);
    if (previous !== undefined) this.champion.remove({ model, version: previous });
    this.champion.set({ model, version }, 1);
    this.championOf.set(model, version);
  }
}
