import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { argsOf, readDockerfile, Stage } from './support/dockerfile';
import { fromRoot } from './support/paths';
import { PIPELINE_SERVICES, SERVICE_NAMES } from './support/pipeline-services';
import { runtimePackagesOf } from './support/runtime-packages';

const HEALTHCHECK = fromRoot('deploy', 'docker', 'healthcheck.js');

describe('Dockerfile (validated statically: no Docker engine here)', () => {
  jest.setTimeout(60000);

  const dockerfile = readDockerfile();
  const { stages } = dockerfile;
  const final = stages.at(-1)!;
  const stage = (name: string): Stage => stages.find((s) => s.name === name)!;

  it('builds in stages on a current Node LTS image', () => {
    expect(dockerfile.globalArgs['NODE_IMAGE']).toMatch(/^node:(22|24)[-.]/);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    stages.forEach((s, i) => expect(['${NODE_IMAGE}', ...stages.slice(0, i).map((earlier) => earlier.name)]).toContain(s.from));
  });

  it('compiles the service named by SERVICE with Nx, and refuses any other name', () => {
    const build = stage('build');
    const [run] = argsOf(build, 'RUN');
    expect(run).toContain('npx nx build "${SERVICE}"');
    const accepted = /case "\$\{SERVICE\}" in ([\w|-]+)\)/.exec(run)?.[1].split('|');
    expect(accepted?.sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it.each(PIPELINE_SERVICES)('copies and starts the Nx build output of $name where the Dockerfile expects it', ({ name }) => {
    const project = JSON.parse(readFileSync(fromRoot('services', name, 'project.json'), 'utf8')) as {
      targets: { build: { outputs: string[] }; serve: { options: { command: string } } };
    };
    expect(project.targets.build.outputs).toEqual([`{workspaceRoot}/dist/services/${name}`]);
    expect(project.targets.serve.options.command).toBe(`node dist/services/${name}/services/${name}/src/main.js`);
    expect(argsOf(final, 'COPY')).toContain('--from=build /src/dist/services/${SERVICE}/ ./');
    expect(argsOf(final, 'RUN')).toContain('ln -s "services/${SERVICE}/src/main.js" main.js');
    expect(argsOf(final, 'CMD')).toEqual(['["node", "--enable-source-maps", "main.js"]']);
  });

  it('ships production dependencies only, runs as a non-root user and checks readiness', () => {
    const nodeModules = argsOf(final, 'COPY').filter((c) => c.includes('node_modules'));
    expect(nodeModules).toEqual(['--from=prod-deps /app/node_modules ./node_modules']);
    expect(argsOf(stage('prod-deps'), 'RUN').join(' ')).toContain('npm ci --omit=dev');
    const [user] = argsOf(final, 'USER');
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(argsOf(final, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    expect(argsOf(final, 'HEALTHCHECK')[0]).toMatch(/CMD \["node", "healthcheck.js", "\/health\/ready"\]$/);
    expect(argsOf(final, 'COPY')).toContain('deploy/docker/healthcheck.js ./healthcheck.js');
  });

  it.each(PIPELINE_SERVICES)('finds every package $name requires at run time among the production dependencies', ({ name }) => {
    const { dependencies } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing = [...runtimePackagesOf(fromRoot('services', name, 'src', 'main.ts'))]
      .filter(([pkg]) => !(pkg in dependencies))
      .map(([pkg, file]) => `${pkg} (required by ${file})`);
    expect(missing).toEqual([]);
  });

  it('keeps generated and local files out of the build context, but not what the build needs', () => {
    const ignored = readFileSync(fromRoot('.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.git', '.nx', '.cache', 'node_modules', 'dist']));
    const needed = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'libs/kafka/src/index.ts', 'services/ingestion/project.json', 'deploy/docker/healthcheck.js'];
    const excluded = needed.filter((file) => ignored.some((pattern) => file === pattern || file.startsWith(`${pattern}/`)));
    expect(excluded).toEqual([]);
  });
});

describe('deploy/docker/healthcheck.js (the containers\' health check)', () => {
  const run = promisify(execFile);
  const servers: Server[] = [];

  async function serve(status: number): Promise<number> {
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/health/ready' || request.url === '/health/live' ? status : 404;
      response.end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async function check(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stderr: string }> {
    try {
      await run(process.execPath, [HEALTHCHECK, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 10000 });
      return { code: 0, stderr: '' };
    } catch (error) {
      const failed = error as { code?: number; stderr?: string };
      return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
    }
  }

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('passes while /health/ready answers 200', async () => {
    const port = await serve(200);
    expect(await check({ HTTP_PORT: String(port) })).toEqual({ code: 0, stderr: '' });
  });

  it('fails while the service is not ready (503), saying so', async () => {
    const port = await serve(503);
    expect(await check({ HTTP_PORT: String(port) })).toEqual({ code: 1, stderr: expect.stringContaining('answered 503') });
  });

  it('checks the path it is given', async () => {
    const port = await serve(200);
    expect((await check({ HTTP_PORT: String(port) }, ['/nowhere'])).code).toBe(1);
    expect((await check({ HTTP_PORT: String(port) }, ['/health/live'])).code).toBe(0);
  });

  it('fails when nothing listens', async () => {
    const port = await serve(200);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect((await check({ HTTP_PORT: String(port) })).code).toBe(1);
  });

  it('fails with a reason when it cannot tell the port', async () => {
    expect(await check({ MLOPS_SERVICE: 'unknown' })).toEqual({ code: 1, stderr: expect.stringContaining('set HTTP_PORT') });
  });

  it('knows each service\'s default port', () => {
    const source = readFileSync(HEALTHCHECK, 'utf8');
    const table = /DEFAULT_HTTP_PORTS = \{([^}]*)\}/.exec(source)![1];
    const ports = Object.fromEntries([...table.matchAll(/'?([a-z-]+)'?: (\d+)/g)].map(([, name, port]) => [name, Number(port)]));
    expect(ports).toEqual(Object.fromEntries(PIPELINE_SERVICES.map((s) => [s.name, s.defaultHttpPort])));
  });
});
