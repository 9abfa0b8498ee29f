import * as tf from '@tensorflow/tfjs';
import type { StructuredLogger } from '@mlops/observability';
import { catchAsyncError } from '../__tests__/catch-error';
import { BackendNotSelectedError, BackendUnavailableError, InvalidModelOptionError } from '../errors';
import { requireBackend, selectBackend } from './select-backend';

function recordingLogger(lines: { level: string; message: string; context?: Record<string, unknown> }[]): StructuredLogger {
  const logger: StructuredLogger = {
    debug: (message, context) => lines.push({ level: 'debug', message, context }),
    info: (message, context) => lines.push({ level: 'info', message, context }),
    warn: (message, context) => lines.push({ level: 'warn', message, context }),
    error: (message, context) => lines.push({ level: 'error', message, context }),
    child: () => logger,
  };
  return logger;
}

function tfjsNodeInstalled(): boolean {
  try {
    require.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('selectBackend', () => {
  it('refuses to run before a backend is chosen', () => {
    expect(() => requireBackend()).toThrow(BackendNotSelectedError);
  });

  it('selects wasm (SIMD) and logs the choice once', async () => {
    const lines: { level: string; message: string; context?: Record<string, unknown> }[] = [];
    const info = await selectBackend('wasm', { logger: recordingLogger(lines) });
    expect(info).toMatchObject({ name: 'wasm', tfjsVersion: tf.version_core, simd: true, multiThreaded: false });
    expect(tf.getBackend()).toBe('wasm');
    expect(requireBackend()).toBe(info);
    expect(await selectBackend('wasm', { logger: recordingLogger(lines) })).toBe(info);
    expect(lines).toEqual([{ level: 'info', message: 'tfjs backend selected', context: { setting: 'TFJS_BACKEND', backend: 'wasm', tfjsVersion: tf.version_core, simd: true, multiThreaded: false } }]);
  });

  it('switches to cpu when asked, with a warning', async () => {
    const lines: { level: string; message: string; context?: Record<string, unknown> }[] = [];
    await selectBackend('cpu', { logger: recordingLogger(lines) });
    expect(tf.getBackend()).toBe('cpu');
    expect(lines.map((l) => l.message)).toEqual(['tfjs backend switched', 'tfjs backend selected']);
    await selectBackend('wasm');
  });

  it('refuses an unknown name, naming the setting', async () => {
    const error = await catchAsyncError(() => selectBackend('webgpu', { setting: 'MODEL_BACKEND' }));
    expect(error).toBeInstanceOf(InvalidModelOptionError);
    expect((error as Error).message).toBe('MODEL_BACKEND: must be one of wasm | cpu | tensorflow, got "webgpu"');
  });

  it('fails loudly when tfjs-node cannot load, never falling back', async () => {
    const error = await catchAsyncError(() =>
      selectBackend('tensorflow', { importModule: () => Promise.reject(new Error("Cannot find module '@tensorflow/tfjs-node'")) }),
    );
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toMatch(/^TFJS_BACKEND=tensorflow: @tensorflow\/tfjs-node could not be loaded \(Cannot find module/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('fails loudly when tfjs-node loads but registers no backend with this tfjs', async () => {
    const error = await catchAsyncError(() => selectBackend('tensorflow', { importModule: () => Promise.resolve({}) }));
    expect((error as Error).message).toMatch(/registered no backend/);
  });

  (tfjsNodeInstalled() ? it.skip : it)('with the real import: tfjs-node is absent here, and the error says so', async () => {
    await expect(selectBackend('tensorflow')).rejects.toThrow(BackendUnavailableError);
    expect(requireBackend().name).toBe('wasm');
  });
});
