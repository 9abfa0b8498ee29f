import type { TabularModel } from '@mlops/model';

/**
 * One loaded model version with a count of the batches using it. A retired version is disposed
 * (its tensors freed) only when its last in-flight batch releases it, so a hot swap never pulls
 * a model out from under a running prediction.
 */
export class ServedModel {
  private inFlight = 0;
  private retired = false;
  private disposed = false;

  constructor(
    readonly name: string,
    readonly version: string,
    readonly model: Pick<TabularModel, 'predict' | 'validate' | 'dispose' | 'schema' | 'task' | 'classes'>,
    readonly loadedAt: Date,
  ) {}

  get busy(): number {
    return this.inFlight;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  acquire(): void {
    if (this.disposed) throw new Error(`model ${this.name} version ${this.version} is disposed`);
    this.inFlight++;
  }

  release(): void {
    this.inFlight--;
    this.disposeIfIdle();
  }

  retire(): void {
    this.retired = true;
    this.disposeIfIdle();
  }

  private disposeIfIdle(): void {
    if (this.retired && this.inFlight === 0 && !this.disposed) {
      this.disposed = true;
      this.model.dispose();
    }
  }
}
