import path from 'node:path';
import { registryEnvSchema } from '@mlops/service-runtime';
import { argsOf, readDockerfile } from './dockerfile';
import { parsedConfig, PipelineService } from './pipeline-services';

/** The registry variables (libs/service-runtime): every service must get the same values. */
export const REGISTRY_SETTINGS: readonly string[] = Object.keys(registryEnvSchema.shape);

/** Just enough for any service's schema to pass, so its defaults can be read. */
const MINIMAL_ENV = { KAFKA_BROKERS: 'kafka:9092' };

/**
 * The settings naming folders a service writes to: those whose default is a folder under ./var
 * (relative to the working directory, which is read-only in the image). Read from the service's
 * own schema, so a folder added later is checked too.
 */
export function folderSettingsOf(service: PipelineService): string[] {
  return Object.entries(parsedConfig(service, MINIMAL_ENV))
    .filter(([, value]) => typeof value === 'string' && /^(\.\/)?var\//.test(value))
    .map(([name]) => name)
    .sort();
}

/** The working directory of the service image (the Dockerfile's last WORKDIR), where relative paths start. */
export function imageWorkdir(): string {
  const final = readDockerfile().stages.at(-1)!;
  return argsOf(final, 'WORKDIR').at(-1) ?? '/';
}

/** `folder` resolved in the container, and the first of `mounts` it lies in (undefined when none). */
export function mountHolding(folder: string, mounts: readonly string[]): string | undefined {
  const absolute = path.posix.resolve(imageWorkdir(), folder);
  return mounts.find((mount) => {
    const relative = path.posix.relative(mount, absolute);
    return relative === '' || (!relative.startsWith('..') && !path.posix.isAbsolute(relative));
  });
}
