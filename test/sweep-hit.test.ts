/**
 * The point a sweep chart's pointer is at (sweepHit.ts), as the worker that
 * draws the chart finds it: on real sweeps of the Hotan model (real solves),
 * drawn by ECharts without a DOM (its server-side mode lays the chart out as
 * a canvas would), every item found at its own place with its tooltip, the
 * nearest point across on a line, nothing outside the plot.
 */
import { HeatmapChart, LineChart } from 'echarts/charts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/dataset';
import { checkScenarioAgainst, loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import type { Scenario } from '../src/domain/scenario';
import { runSweep, type SweepSpec } from '../src/model/explore/sweep';
import { echarts, type ChartOption, type EChartsType } from '../src/present/charts/echarts';
import { itemAt, type ChartItem } from '../src/ui/explore/sweepHit';
import { sweepOption, sweepRows } from '../src/ui/explore/sweepView';
import { inProcessWorker } from './helpers/in-process-pool';

echarts.use([LineChart, HeatmapChart]);

let d: Dataset;
let baseline: Scenario;
let chart: EChartsType | undefined;

beforeAll(() => {
  d = loadDatasetFile('models/hotan-2021-2025.json');
  baseline = checkScenarioAgainst(loadScenarioFile('scenarios/baseline.json'), d, 'baseline');
});

afterEach(() => chart?.dispose());

/** A sweep solved and drawn as the worker draws it, at 640 × `height`. */
async function drawnSweep(spec: SweepSpec, key: string, height: number): Promise<{ chart: EChartsType; option: ChartOption }> {
  const res = await runSweep(d, baseline, spec, [inProcessWorker()]);
  const rows = sweepRows(spec, res.points.map((p, index) => ({ index, ...p })), [key], 'zh');
  const option = sweepOption(d, spec, rows, key, 'zh');
  chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 640, height });
  chart.setOption(option);
  return { chart, option };
}

type Series = { id: string; data: ChartItem[] };

describe('a line: the point nearest the pointer across', () => {
  const spec: SweepSpec = { axes: [{ path: 'caps.sand.min', from: 1000, to: 3000, steps: 5 }] };

  it('finds each point, solved or not, at its place and a little above and below it, with its tooltip', async () => {
    const { chart, option } = await drawnSweep(spec, 'volume.sand', 340);
    const series = option.series as Series[];
    const items = series.flatMap((s) => s.data.map((p, dataIndex) => ({ s, p, dataIndex })).filter(({ p }) => p.value[1] !== '-'));
    // 1000…3000 in five: the floors above the demand met that cannot be reached are infeasible, each a ✕ at the foot
    expect(items.filter(({ s }) => s.id === 'infeasible').length).toBeGreaterThan(0);
    expect(items.filter(({ s }) => s.id === 'output').length).toBeGreaterThan(0);
    expect(items).toHaveLength(5);
    for (const { s, p, dataIndex } of items) {
      const [x, y] = chart.convertToPixel({ seriesId: s.id }, p.value) as number[];
      for (const dy of [0, -8, 8])
        expect(itemAt(chart, option, x!, y! + dy), `${s.id} ${p.value.join(',')} ${dy}`).toEqual({ seriesId: s.id, dataIndex, tip: p.tip });
    }
    const bad = items.find(({ s }) => s.id === 'infeasible')!;
    const [bx, by] = chart.convertToPixel({ seriesId: 'infeasible' }, bad.p.value) as number[];
    expect(itemAt(chart, option, bx!, by!)?.tip).toContain('不可行');
  });

  it('between two points, the nearer one; outside the plot, none', async () => {
    const { chart, option } = await drawnSweep(spec, 'volume.sand', 340);
    const xs = (option.series as Series[]).flatMap((s) => s.data.filter((p) => p.value[1] !== '-').map((p) => ({ value: p.value[0] as number, tip: p.tip })));
    xs.sort((a, b) => a.value - b.value);
    const pixel = (v: number) => (chart.convertToPixel({ gridIndex: 0 }, [v, 0]) as number[])[0]!;
    const [a, b] = [xs[1]!, xs[2]!];
    const [pa, pb] = [pixel(a.value), pixel(b.value)];
    const y = 200;
    expect(itemAt(chart, option, pa + (pb - pa) * 0.4, y)?.tip).toBe(a.tip);
    expect(itemAt(chart, option, pa + (pb - pa) * 0.6, y)?.tip).toBe(b.tip);
    // the title's band and the canvas's corners are outside the plot
    expect(itemAt(chart, option, 320, 10)).toBeNull();
    expect(itemAt(chart, option, 2, 338)).toBeNull();
  });
});

describe('a heat map: the cell under the pointer', () => {
  const spec: SweepSpec = {
    axes: [
      { path: 'caps.sand.min', from: 1000, to: 3000, steps: 3 },
      { path: 'caps.clay', from: 50, to: 100, steps: 2 },
    ],
  };

  it('finds every cell, solved or not, anywhere inside it, and nothing outside the grid', async () => {
    const { chart, option } = await drawnSweep(spec, 'volume.clay', 420);
    const series = option.series as Series[];
    const cells = series.flatMap((s) => s.data.map((c, dataIndex) => ({ s, c, dataIndex })));
    expect(cells).toHaveLength(6);
    expect(cells.some(({ s }) => s.id === 'infeasible')).toBe(true);
    // a cell's width and height, from the centres of two neighbours
    const [x0, y0] = chart.convertToPixel({ gridIndex: 0 }, [0, 0]) as number[];
    const [x1, y1] = chart.convertToPixel({ gridIndex: 0 }, [1, 1]) as number[];
    const [w, h] = [Math.abs(x1! - x0!), Math.abs(y1! - y0!)];
    for (const { s, c, dataIndex } of cells) {
      const [x, y] = chart.convertToPixel({ gridIndex: 0 }, [c.value[0], c.value[1]]) as number[];
      for (const [dx, dy] of [[0, 0], [0.45, 0.45], [-0.45, -0.45], [0.45, -0.45]] as const)
        expect(itemAt(chart, option, x! + dx * w, y! + dy * h), `${s.id} ${c.value.join(',')}`).toEqual({ seriesId: s.id, dataIndex, tip: c.tip });
    }
    const infeasible = cells.find(({ s }) => s.id === 'infeasible')!;
    expect(infeasible.c.tip).toContain('不可行');
    // left of the first column, below the last row, over the visual map on the right
    expect(itemAt(chart, option, x0! - w, y0!)).toBeNull();
    expect(itemAt(chart, option, x0!, y0! + h)).toBeNull();
    expect(itemAt(chart, option, 630, 210)).toBeNull();
  });
});
