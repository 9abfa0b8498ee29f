import { parse, Runtime, View } from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite → Vega → SVG strings, headless (no DOM, no canvas, no network). A report draws
 * hundreds of charts from a handful of specs, and compiling a spec, and building a View's
 * dataflow from it, costs several times more than drawing: so each template is compiled once per
 * process, and a TemplateView draws chart after chart by swapping in the rows.
 */
const runtimes = new Map<string, Runtime>();

function runtimeOf(key: string, spec: () => TopLevelSpec): Runtime {
  let runtime = runtimes.get(key);
  if (runtime === undefined) {
    runtime = parse(compile(spec()).spec);
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** One View of a template, drawing one chart at a time (calls must not overlap). */
export class TemplateView {
  private readonly view: View;

  /** `key` names the template; `spec` builds it the first time the key is seen; rows go to data set `dataName`. */
  constructor(key: string, spec: () => TopLevelSpec, private readonly dataName: string) {
    this.view = new View(runtimeOf(key, spec), { renderer: 'none' });
  }

  async render(rows: readonly object[]): Promise<string> {
    // Replacing the data set re-runs only the dataflow: scales, axes and marks update in place
    // (kept items may come out in another order in the SVG; the picture is the same).
    return compactSvg(await this.view.data(this.dataName, rows as object[]).toSVG());
  }

  finalize(): void {
    this.view.finalize();
  }
}

/** Draws a one-off spec whose data is inline. */
export async function renderSpecSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

const GEOMETRY = /(\s(?:d|transform|x|y|x1|x2|y1|y2|width|height)=")([^"]*)"/g;
const LONG_DECIMAL = /(-?\d+\.\d{3,})(?:e-\d+)?/g;

/**
 * Rounds coordinates to 1/100 px (Vega writes full doubles such as 6.6000000000000005), only
 * inside geometry attributes so text from user data is never touched: about a third smaller.
 */
export function compactSvg(svg: string): string {
  return svg.replace(GEOMETRY, (_, head: string, value: string) => `${head}${value.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 100) / 100))}"`);
}
