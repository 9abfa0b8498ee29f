import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { prometheusConfig } from './prometheus-config';

describe('prometheusConfig', () => {
  const config = prometheusConfig({
    targets: [
      { address: '127.0.0.1:13001', service: 'ingestion' },
      { address: '127.0.0.1:13002', service: 'inference' },
    ],
    ruleFiles: [],
    scrapeInterval: '1s',
    evaluationInterval: '1s',
  });

  it("scrapes every target under job mlops with its service label, keeping the services' own labels", () => {
    const job = (parse(config) as { scrape_configs: { job_name: string; honor_labels: boolean; static_configs: unknown[] }[] }).scrape_configs[0];
    expect(job.job_name).toBe('mlops');
    expect(job.honor_labels).toBe(true);
    expect(job.static_configs).toEqual([
      { targets: ['127.0.0.1:13001'], labels: { service: 'ingestion' } },
      { targets: ['127.0.0.1:13002'], labels: { service: 'inference' } },
    ]);
  });

  it('passes `promtool check config`', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prometheus-config-'));
    try {
      writeFileSync(path.join(dir, 'prometheus.yml'), config);
      expect(execFileSync('promtool', ['check', 'config', path.join(dir, 'prometheus.yml')], { encoding: 'utf8' })).toContain('SUCCESS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
