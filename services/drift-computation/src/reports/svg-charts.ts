/**
 * Small charts as inline SVG strings, drawn here so the HTML report works offline with no
 * script or CDN. Text is escaped; sizes are fixed so the page lays out before it loads.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));

/** Paired bars per bucket: reference (grey) and current (blue or red when the feature drifted). */
export function pairedBarChart(buckets: readonly { key: string; reference: number; current: number }[], options: { drifted: boolean; title: string }): string {
  const width = 460;
  const height = 170;
  const left = 34;
  const bottom = 46;
  const plotH = height - bottom - 14;
  const max = Math.max(1e-9, ...buckets.flatMap((b) => [b.reference, b.current]));
  const slot = (width - left - 6) / Math.max(1, buckets.length);
  const bar = Math.max(1, slot / 2 - 1);
  const y = (v: number) => 14 + plotH - (v / max) * plotH;
  const colour = options.drifted ? '#c0392b' : '#2e86de';
  const bars = buckets
    .map((b, i) => {
      const x = left + i * slot;
      const label = b.key.length > 12 ? `${b.key.slice(0, 11)}…` : b.key;
      return [
        `<rect x="${x.toFixed(1)}" y="${y(b.reference).toFixed(1)}" width="${bar.toFixed(1)}" height="${(14 + plotH - y(b.reference)).toFixed(1)}" fill="#b2bec3"><title>${escapeHtml(b.key)} reference ${(b.reference * 100).toFixed(1)}%</title></rect>`,
        `<rect x="${(x + bar + 1).toFixed(1)}" y="${y(b.current).toFixed(1)}" width="${bar.toFixed(1)}" height="${(14 + plotH - y(b.current)).toFixed(1)}" fill="${colour}"><title>${escapeHtml(b.key)} current ${(b.current * 100).toFixed(1)}%</title></rect>`,
        `<text x="${(x + slot / 2).toFixed(1)}" y="${height - bottom + 12}" font-size="9" text-anchor="end" transform="rotate(-40 ${(x + slot / 2).toFixed(1)} ${height - bottom + 12})">${escapeHtml(label)}</text>`,
      ].join('');
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<line x1="${left}" y1="${14 + plotH}" x2="${width - 4}" y2="${14 + plotH}" stroke="#636e72"/>`,
    `<text x="2" y="12" font-size="10">${(max * 100).toFixed(0)}%</text>`,
    bars,
    '</svg>',
  ].join('');
}

/** One or more series over the same x positions (windows), with an optional dashed threshold line. */
export function lineChart(series: readonly { name: string; colour: string; values: readonly (number | null)[] }[], options: { title: string; threshold?: number; labels: readonly string[] }): string {
  const width = 640;
  const height = 180;
  const left = 40;
  const plotW = width - left - 10;
  const plotH = height - 40;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (options.threshold !== undefined) all.push(options.threshold);
  const lo = Math.min(0, ...all);
  const hi = Math.max(1e-9, ...all);
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => 10 + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const paths = series
    .map((s) => {
      const points = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
      const dots = s.values.map((v, i) => (v === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${s.colour}"><title>${escapeHtml(`${s.name} ${options.labels[i] ?? ''}: ${fmt(v)}`)}</title></circle>`)).join('');
      return `<polyline fill="none" stroke="${s.colour}" stroke-width="1.5" points="${points.join(' ')}"/>${dots}`;
    })
    .join('');
  const threshold = options.threshold === undefined ? '' : `<line x1="${left}" x2="${width - 10}" y1="${y(options.threshold).toFixed(1)}" y2="${y(options.threshold).toFixed(1)}" stroke="#e17055" stroke-dasharray="4 3"/>`;
  const legend = series.map((s, i) => `<text x="${left + 8 + i * 150}" y="${height - 8}" font-size="11" fill="${s.colour}">■ ${escapeHtml(s.name)}</text>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<line x1="${left}" y1="${10 + plotH}" x2="${width - 10}" y2="${10 + plotH}" stroke="#636e72"/>`,
    `<text x="2" y="14" font-size="10">${fmt(hi)}</text><text x="2" y="${10 + plotH}" font-size="10">${fmt(lo)}</text>`,
    threshold,
    paths,
    legend,
    '</svg>',
  ].join('');
}
