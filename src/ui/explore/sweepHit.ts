/**
 * The point of a sweep chart the pointer is at, found from the option drawn
 * (sweepView's, whose items carry their tooltips) and ECharts' own pixel
 * conversions. A chart drawn in a worker has no DOM events and no tooltip of
 * its own: the page forwards the pointer and shows the tooltip this finds.
 *
 * On a heat map, the cell under the pointer. On a line, the point nearest the
 * pointer across (as a tooltip that follows the axis would): a planner reads
 * a point by moving along the line, not by hitting a 7-pixel dot.
 */
import type { ChartOption, EChartsType } from '../../present/charts/echarts';

export interface ChartItem {
  value: (number | string)[];
  tip: string;
}

interface ChartSeries {
  id: string;
  type: string;
  data: ChartItem[];
}

/** An item pointed at: its series and place there (to highlight it), and its tooltip. */
export interface Hit {
  seriesId: string;
  dataIndex: number;
  tip: string;
}

type PixelChart = Pick<EChartsType, 'containPixel' | 'convertFromPixel' | 'convertToPixel'>;

/** How far outside the plot a line's point can still be pointed at, in pixels: the points at either end sit on its edge. */
const LINE_MARGIN = 12;

export function itemAt(chart: PixelChart, option: ChartOption, x: number, y: number): Hit | null {
  const series = option.series as ChartSeries[];
  return series.some((s) => s.type === 'heatmap') ? cellAt(chart, series, x, y) : pointAcross(chart, series, x, y);
}

function cellAt(chart: PixelChart, series: ChartSeries[], x: number, y: number): Hit | null {
  if (!chart.containPixel({ gridIndex: 0 }, [x, y])) return null;
  const [i, j] = chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as number[];
  for (const s of series) {
    const dataIndex = s.data.findIndex((c) => c.value[0] === i && c.value[1] === j);
    if (dataIndex >= 0) return { seriesId: s.id, dataIndex, tip: s.data[dataIndex]!.tip };
  }
  return null;
}

function pointAcross(chart: PixelChart, series: ChartSeries[], x: number, y: number): Hit | null {
  const inside = [-1, 1].some((dx) => [-1, 1].some((dy) => chart.containPixel({ gridIndex: 0 }, [x + dx * LINE_MARGIN, y + dy * LINE_MARGIN])));
  if (!inside) return null;
  let best: Hit | null = null;
  let bestDistance = Infinity;
  for (const s of series)
    s.data.forEach((p, dataIndex) => {
      // a gap in the line ('-', a point without the output) is not drawn
      if (p.value[1] === '-') return;
      const [px] = chart.convertToPixel({ seriesId: s.id }, p.value) as number[];
      const distance = Math.abs((px as number) - x);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { seriesId: s.id, dataIndex, tip: p.tip };
      }
    });
  return best;
}
