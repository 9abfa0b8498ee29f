import type { HealthCheckResult, HealthIndicator, StructuredLogger } from '@mlops/observability';
import type { Admin, Kafka } from 'kafkajs';
import { sleep, waitAtMost } from '../connection/backoff';

export interface KafkaConnectionMonitorOptions {
  kafka: Kafka;
  logger: StructuredLogger;
  /** How often the broker is asked for cluster metadata. */
  probeIntervalMs?: number;
  /** A probe that takes longer than this counts as a failure. */
  probeTimeoutMs?: number;
}

/**
 * Readiness source for Kafka: asks the cluster for metadata on an interval and reports up only
 * while the last probe answered. Logs each transition once (lost / established), not every probe.
 */
export class KafkaConnectionMonitor implements HealthIndicator {
  readonly name = 'kafka';
  private up = false;
  private lastError = 'not probed yet';
  private readonly stopController = new AbortController();
  private loop: Promise<void> | undefined;
  private admin: Admin | undefined;
  private failures = 0;

  constructor(private readonly options: KafkaConnectionMonitorOptions) {}

  get isUp(): boolean {
    return this.up;
  }

  check(): HealthCheckResult {
    return this.up ? { up: true } : { up: false, detail: this.lastError };
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    // The loop ends at its next step; a probe in flight is bounded by probeTimeoutMs, not awaited.
    await waitAtMost(this.loop, 1000);
    await this.admin?.disconnect().catch(() => undefined);
    this.up = false;
  }

  /** Runs one probe now; used at start-up and by tests. */
  async probe(): Promise<boolean> {
    const timeoutMs = this.options.probeTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const admin = (this.admin ??= this.options.kafka.admin());
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no metadata answer within ${timeoutMs} ms`)), timeoutMs);
        timer.unref();
      });
      await Promise.race([
        (async () => {
          await admin.connect();
          await admin.describeCluster();
        })(),
        timeout,
      ]);
      this.markUp();
    } catch (error) {
      this.markDown((error as Error).message);
      // A fresh admin client next time: kafkajs' cached broker connections may be dead.
      const stale = this.admin;
      this.admin = undefined;
      void stale?.disconnect().catch(() => undefined);
    } finally {
      clearTimeout(timer);
    }
    return this.up;
  }

  private async run(): Promise<void> {
    const interval = this.options.probeIntervalMs ?? 5000;
    while (!this.stopController.signal.aborted) {
      await this.probe();
      await sleep(this.up ? interval : Math.min(interval, 1000 * 2 ** Math.min(this.failures, 4)), this.stopController.signal);
    }
  }

  private markUp(): void {
    if (!this.up) this.options.logger.info('Kafka connection established', { failedProbes: this.failures });
    this.up = true;
    this.failures = 0;
  }

  private markDown(reason: string): void {
    this.failures++;
    this.lastError = `broker unreachable: ${reason}`;
    if (this.up || this.failures === 1) {
      this.options.logger.warn('Kafka not reachable; service is not ready', { reason });
    }
    this.up = false;
  }
}
