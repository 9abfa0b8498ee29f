import type { Config } from 'vega-lite';
import { AXIS_COLOR, CURRENT_COLOR, REFERENCE_COLOR, SIDES, TEXT_COLOR } from './chart-palette';

/**
 * Vega-Lite settings shared by every chart. `aria: false` drops a label per mark (the page names
 * each chart once, on its <figure>), which keeps a 200-column report a few MB smaller.
 */
export const CHART_CONFIG: Config = {
  aria: false,
  background: 'transparent',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  axis: { labelColor: TEXT_COLOR, titleColor: TEXT_COLOR, domainColor: AXIS_COLOR, tickColor: AXIS_COLOR, gridColor: '#eceef1', labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal' },
  legend: { labelColor: TEXT_COLOR, labelFontSize: 11, labelLimit: 240, orient: 'top', direction: 'horizontal', title: null, symbolType: 'square' },
};

/** Colour by side, fixed so reference is always blue and current orange. */
export const SIDE_COLOR_SCALE = { domain: [...SIDES], range: [REFERENCE_COLOR, CURRENT_COLOR] };
