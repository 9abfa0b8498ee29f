import { createRandom } from '@mlops/drift-stats';

/**
 * A seeded, learnable binary task as CSV: approve when income is high for the age, with a city
 * and a membership flag, an id column, an event time, and a model's prediction that is right
 * 90% of the time (what an external model would have logged).
 */
export function loanCsv(rows: number, seed: number): string {
  const rng = createRandom(seed);
  const cities = ['Paris', 'Berlin', 'Rome'];
  const lines = ['id,ts,age,income,city,member,label,predicted,score'];
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let i = 0; i < rows; i++) {
    const age = 20 + Math.floor(rng.next() * 60);
    const income = 20 + Math.floor(rng.next() * 130);
    const label = (age < 40 ? income > 60 : income > 100) ? 1 : 0;
    const right = rng.next() < 0.9;
    const predicted = right ? label : 1 - label;
    const score = predicted === 1 ? 0.5 + rng.next() / 2 : rng.next() / 2;
    const city = cities[Math.floor(rng.next() * cities.length)];
    lines.push([`r${i}`, new Date(start + i * 60_000).toISOString(), age, income, city, rng.next() < 0.5, label, predicted, score.toFixed(4)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
