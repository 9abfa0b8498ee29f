/**
 * Raw predictions the running ingestion process dropped as duplicates (its
 * `mlops_events_total{topic="…predictions.raw",outcome="duplicate"}`; counters restart with the process).
 */
export async function duplicatesSeenByIngestion(ingestionUrl: string): Promise<number> {
  const text = await (await fetch(`${ingestionUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('mlops_events_total{') && /topic="[^"]*predictions\.raw"/.test(line) && line.includes('outcome="duplicate"'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
