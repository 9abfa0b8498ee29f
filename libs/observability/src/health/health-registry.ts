/** A named check that says whether one dependency (Kafka, the model store, ...) is usable now. */
export interface HealthIndicator {
  readonly name: string;
  check(): HealthCheckResult | Promise<HealthCheckResult>;
}

export interface HealthCheckResult {
  up: boolean;
  /** Short, human-readable; never a secret, a broker password or a raw feature value. */
  detail?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, HealthCheckResult>;
}

/** Readiness is the conjunction of every registered indicator; liveness needs none. */
export class HealthRegistry {
  private readonly indicators = new Map<string, HealthIndicator>();

  register(indicator: HealthIndicator): void {
    if (this.indicators.has(indicator.name)) throw new Error(`health indicator "${indicator.name}" is registered twice`);
    this.indicators.set(indicator.name, indicator);
  }

  async readiness(): Promise<ReadinessReport> {
    const checks: Record<string, HealthCheckResult> = {};
    for (const indicator of this.indicators.values()) {
      try {
        checks[indicator.name] = await indicator.check();
      } catch (error) {
        checks[indicator.name] = { up: false, detail: `check failed: ${(error as Error).message}` };
      }
    }
    const ready = Object.values(checks).every((c) => c.up);
    return { ready, checks };
  }
}
