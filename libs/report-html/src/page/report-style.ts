import { CURRENT_COLOR, REFERENCE_COLOR, TEXT_COLOR } from '../charts/chart-palette';

/** The report's stylesheet (inline: the file must render offline, alone). */
export const REPORT_STYLE = `
:root { --ref: ${REFERENCE_COLOR}; --cur: ${CURRENT_COLOR}; --text: ${TEXT_COLOR}; --line: #e3e5e8; --drift: #c5221f; --ok: #188038; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
.subtitle, .hint, footer { color: #5f6368; }
.verdict { border-left: 6px solid var(--ok); background: #f1f8f3; padding: 12px 18px; margin-top: 18px; border-radius: 4px; }
.verdict.drifted { border-color: var(--drift); background: #fcf1f0; }
.verdict h2 { margin: 0 0 4px; font-size: 19px; } .verdict.drifted h2 { color: var(--drift); } .verdict.stable h2 { color: var(--ok); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.card-title { font-size: 12px; color: #5f6368; } .card-value { font-size: 20px; font-weight: 600; } .card-note { font-size: 12px; color: #5f6368; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #5f6368; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.basis { color: #80868b; font-size: 11px; }
button.sort, button.expand { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
button.sort { text-transform: inherit; letter-spacing: inherit; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; } th[aria-sort="descending"] button.sort::after { content: " ▼"; }
button.expand { font-weight: 600; color: #1a57b6; } button.expand::before { content: "▸ "; color: #80868b; }
button.expand[aria-expanded="true"]::before { content: "▾ "; }
.role { font-size: 11px; background: #eef1f6; border-radius: 3px; padding: 1px 5px; margin-left: 4px; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px; }
.badge.drift { background: #fce8e6; color: var(--drift); } .badge.ok { background: #e6f4ea; color: var(--ok); } .badge.none { background: #f1f3f4; color: #5f6368; }
tbody.drifted > tr.row { background: #fffafa; }
tr.flagged > * { background: #fffafa; color: var(--drift); }
.approx { color: #80868b; }
.detail > td { background: #fafbfc; }
.detail-body { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; padding: 8px 0; }
.stats { width: auto; min-width: 280px; } .stats td, .stats th { padding: 3px 10px; font-size: 13px; }
.metrics { width: auto; min-width: 420px; }
figure.chart { margin: 0; } figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart.spark { width: 132px; height: 34px; }
.no-chart { color: #80868b; font-size: 12px; }
.legend-key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: -1px; }
.windows td { font-size: 13px; }
footer { margin-top: 32px; font-size: 12px; }
@media print { .detail { display: table-row !important; } button.expand::before { content: ""; } }
`;
