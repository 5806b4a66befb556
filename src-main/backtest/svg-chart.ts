/** One point of a chart: x in engine time (ms), y in the series' unit. */
export interface ChartPoint {
  x: number;
  y: number;
}

/** Size, labels and colours of a chart. */
export interface ChartOptions {
  title: string;
  width: number;
  height: number;
  /** How a y value is written on the axis. */
  formatY: (y: number) => string;
  /** How an x value is written on the axis. */
  formatX: (x: number) => string;
  stroke: string;
  /** Fill the area between the line and y = 0 (drawdowns) with this colour. */
  fill?: string;
  /** Draw y growing downwards (drawdowns hang from the top). */
  invertY?: boolean;
}

const PAD = { left: 84, right: 16, top: 28, bottom: 28 };
const Y_TICKS = 4;

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * A static line chart as inline SVG (no script, no external reference): the series scaled into the plot
 * area, horizontal grid lines with y labels at 5 levels, the first and last x labelled, and an optional
 * area down to y = 0. An empty series gives the frame with "no data".
 */
export function lineChart(points: readonly ChartPoint[], options: ChartOptions): string {
  const { width, height } = options;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const parts: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text x="${PAD.left}" y="18" class="chart-title">${escapeHtml(options.title)}</text>`,
  ];
  if (points.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">no data</text></svg>`);
    return parts.join('');
  }
  let minX = points[0]!.x;
  let maxX = points[points.length - 1]!.x;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (options.fill !== undefined) {
    minY = Math.min(minY, 0);
    maxY = Math.max(maxY, 0);
  }
  if (maxY === minY) {
    const pad = Math.abs(maxY) > 0 ? Math.abs(maxY) * 0.01 : 1;
    minY -= pad;
    maxY += pad;
  }
  if (maxX === minX) {
    minX -= 1;
    maxX += 1;
  }
  const sx = (x: number): number => PAD.left + ((x - minX) / (maxX - minX)) * plotW;
  const sy = (y: number): number => {
    const share = (y - minY) / (maxY - minY);
    return PAD.top + (options.invertY ? share : 1 - share) * plotH;
  };
  for (let i = 0; i <= Y_TICKS; i++) {
    const value = minY + ((maxY - minY) * i) / Y_TICKS;
    const y = fixed(sy(value));
    parts.push(
      `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text x="${PAD.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(options.formatY(value))}</text>`,
    );
  }
  const bottom = height - 8;
  parts.push(
    `<text x="${PAD.left}" y="${bottom}">${escapeHtml(options.formatX(minX))}</text>`,
    `<text x="${width - PAD.right}" y="${bottom}" text-anchor="end">${escapeHtml(options.formatX(maxX))}</text>`,
  );
  const line = points.map((p) => `${fixed(sx(p.x))},${fixed(sy(p.y))}`).join(' ');
  if (options.fill !== undefined) {
    const zero = fixed(sy(0));
    const first = fixed(sx(points[0]!.x));
    const last = fixed(sx(points[points.length - 1]!.x));
    parts.push(
      `<polygon points="${first},${zero} ${line} ${last},${zero}" fill="${options.fill}" stroke="none"/>`,
    );
  }
  parts.push(
    `<polyline points="${line}" fill="none" stroke="${options.stroke}" stroke-width="1.5" stroke-linejoin="round"/>`,
    '</svg>',
  );
  return parts.join('');
}
