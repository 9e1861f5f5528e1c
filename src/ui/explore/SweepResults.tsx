/**
 * A sweep's results: the output to chart, the chart (line or heat map), and
 * the table of every point done with its status, the main outputs and, for a
 * point without a solution, why. Works on any set of points (a running
 * sweep's, a cancelled one's, a stored one's).
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import { downloadBlob, MIME } from '../shell/download';
import { fmt, safeFileName } from '../../present/names';
import { outputKeys, type SweepSpec } from '../../model/explore/sweep';
import { hasSolution, type SolveReport } from '../../model/report';
import type { StoredSweepPoint } from '../../store/sweeps';
import { EChart } from '../charts/EChart';
import { lang, t } from '../i18n';
import { outputInfo, type OutputInfo } from './labels';
import { chartTitle, fmtOutput, paramLabel, sweepCsv, sweepOption, sweepRows, tableOutputs, type SweepRow } from './sweepView';
import { canDrawInWorker, SweepWorkerChart } from './SweepWorkerChart';
import { pagesOf } from '../table/pages';
import { Table, type Column } from '../table/Table';

const OUTPUT_GROUPS: OutputInfo['group'][] = ['overall', 'volume', 'mines', 'county', 'zone'];

/** County and zone outputs a solved point has, per report (a redraw of a running sweep looks at each report once). */
const presentCache = new WeakMap<SolveReport, string[]>();
function presentKeys(r: SolveReport): string[] {
  let keys = presentCache.get(r);
  if (!keys) {
    keys = [];
    if (hasSolution(r)) {
      for (const q of r.counties) if (q.volume > 0) keys.push(`county.${q.county ?? 'none'}.${q.mineral}`);
      for (const z of r.zones) if (z.volume > 0) keys.push(`zone.${z.zone}`);
    }
    presentCache.set(r, keys);
  }
  return keys;
}

/**
 * How often the chart of a running sweep is redrawn at most. Each redraw
 * remakes the whole chart (20-60 ms of script for a heat map of a 15×15
 * grid), in a worker that shares the machine's cores with the solver, or on
 * the page where there is no such worker: it follows the table at half its pace.
 */
const LIVE_CHART_EVERY_MS = 1000;

/**
 * The chart drawn on the page, where a worker cannot draw it: its option is made only here. It streams
 * (EChart: merged, and first drawn in two frames) whatever its renderer: the chart of a sweep that just ended, drawn in
 * one task, was the longest the page had at that sweep's end (44-66 ms of script).
 */
function SweepChart(props: { dataset: Dataset; spec: SweepSpec; rows: readonly SweepRow[]; output: string; renderer: 'canvas' | 'svg'; height: number }): JSX.Element {
  const option = createMemo(() => sweepOption(props.dataset, props.spec, props.rows, props.output, lang()));
  return (
    <EChart
      renderer={props.renderer}
      streaming
      option={option()}
      label={chartTitle(props.dataset, props.spec, props.output, lang())}
      height={props.height}
    />
  );
}

/** A point's status, marked when it has no solution, with the reasons why. */
function StatusCell(props: { row: SweepRow }): JSX.Element {
  return (
    <td class="status" title={props.row.why.join('\n') || undefined}>
      <Show
        when={props.row.kind === 'solved'}
        fallback={
          <span class={`mark ${props.row.kind}`}>
            {props.row.kind === 'infeasible' ? '✕ ' : '? '}
            {t(`explore.status.${props.row.status}`)}
          </span>
        }
      >
        {t(`explore.status.${props.row.status}`)}
      </Show>
      <Show when={props.row.why.length > 0}>
        <ul class="why">
          <For each={props.row.why}>{(w) => <li>{w}</li>}</For>
        </ul>
      </Show>
    </td>
  );
}

export function SweepResults(props: {
  dataset: Dataset;
  spec: SweepSpec;
  points: readonly StoredSweepPoint[];
  name: string;
  output?: string;
  onOutput?: (key: string) => void;
  /** the sweep is running: its chart is redrawn at most every LIVE_CHART_EVERY_MS (on a canvas where the page draws it) */
  live?: boolean;
}): JSX.Element {
  const [own, setOwn] = createSignal('volume.sand');
  const key = () => props.output ?? own();
  const setKey = (k: string) => (props.onOutput ? props.onOutput(k) : setOwn(k));
  /** outputs worth charting: the overall ones, and the county/zone figures some point has */
  const keys = createMemo(
    () => {
      const present = new Set<string>();
      for (const p of props.points) for (const k of presentKeys(p.report)) present.add(k);
      return outputKeys(props.dataset).filter((k) => !(k.startsWith('county.') || k.startsWith('zone.')) || present.has(k));
    },
    undefined,
    // the same list as before (the usual case as a sweep's points come) keeps the output menu as it is
    { equals: (a, b) => a.length === b.length && a.every((k, i) => k === b[i]) },
  );
  const infos = createMemo(() => keys().map((k) => outputInfo(props.dataset, k, lang())));
  const columns = createMemo(() => {
    const base = tableOutputs(props.dataset);
    return base.includes(key()) ? base : [key(), ...base];
  });
  const rows = createMemo(() => sweepRows(props.spec, props.points, columns(), lang()));
  const pages = pagesOf(rows);
  // the chart follows the table in a task of its own: a redraw of both in one task was the longest the main thread had during a sweep
  const [chartRows, setChartRows] = createSignal(rows());
  let chartTimer: ReturnType<typeof setTimeout> | undefined;
  let chartAt = -Infinity;
  createEffect(
    on(
      rows,
      (r) => {
        clearTimeout(chartTimer);
        const wait = props.live ? Math.max(0, chartAt + LIVE_CHART_EVERY_MS - performance.now()) : 0;
        chartTimer = setTimeout(() => {
          chartAt = performance.now();
          setChartRows(r);
        }, wait);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(chartTimer));
  const renderer = (): 'canvas' | 'svg' => (props.live ? 'canvas' : 'svg');
  const [workerFailed, setWorkerFailed] = createSignal(false);
  const inWorker = () => !workerFailed() && canDrawInWorker();
  const chartHeight = () => (props.spec.axes.length === 2 ? 420 : 340);
  const params = createMemo(() => props.spec.axes.map((a) => paramLabel(props.dataset, a.path, lang())));
  const colInfos = createMemo(() => columns().map((k) => outputInfo(props.dataset, k, lang())));
  /** the swept values (each a row header), the status with why a point has no solution, the outputs with the charted one marked */
  const tableColumns = createMemo((): Column<SweepRow>[] => [
    ...params().map(
      (p, j): Column<SweepRow> => ({
        header: () => (
          <>
            {p.label} <span class="muted">{p.unit}</span>
          </>
        ),
        cell: (r) => (
          <th scope="row" class="num">
            {fmt(r.params[j], lang(), 4)}
          </th>
        ),
      }),
    ),
    { header: () => t('explore.col.status'), cell: (r) => <StatusCell row={r} /> },
    ...colInfos().map(
      (i): Column<SweepRow> => ({
        headClass: i.key === key() ? 'chosen' : undefined,
        header: () => (
          <>
            {i.label} <span class="muted">{i.unit}</span>
          </>
        ),
        cell: (r) => <td class={`num${i.key === key() ? ' chosen' : ''}`}>{fmtOutput(r.values[i.key] ?? null, i, lang())}</td>,
      }),
    ),
  ]);
  const exportCsv = () => {
    const csv = sweepCsv(props.dataset, props.spec, rows(), columns(), lang());
    downloadBlob(`${safeFileName(props.name)}-${t('explore.sweep.file')}.csv`, csv, MIME.csv);
  };
  return (
    <div class="sweep-results">
      <div class="toolbar">
        <label class="inline">
          {t('explore.sweep.output')}
          <select value={key()} onChange={(e) => setKey(e.currentTarget.value)}>
            <For each={OUTPUT_GROUPS}>
              {(g) => (
                <optgroup label={t(`explore.outGroup.${g}`)}>
                  <For each={infos().filter((i) => i.group === g)}>{(i) => <option value={i.key} selected={i.key === key()}>{`${i.label} (${i.unit})`}</option>}</For>
                </optgroup>
              )}
            </For>
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={rows().length === 0}>
          {t('explore.sweep.csv')}
        </button>
      </div>
      {/* the chart is drawn in a worker (SweepWorkerChart), running or not, and stays from one sweep shown to the next, so that
          no sweep's start waits for a worker: the page's own draw of a sweep that just ended was its longest task then (71-85 ms
          of script for a 15×15 heat map). Where it cannot be, a running sweep's chart is drawn on a canvas of the page, since in
          SVG each redraw makes and patches a DOM node per cell (the chart's script in the long tasks of a running 15×15 grid fell
          from 1.1 s to 0.45 s on a canvas); once the sweep ends it is drawn in SVG */}
      <Show when={inWorker()}>
        <SweepWorkerChart
          dataset={props.dataset}
          spec={props.spec}
          rows={chartRows()}
          output={key()}
          lang={lang()}
          height={chartHeight()}
          label={chartTitle(props.dataset, props.spec, key(), lang())}
          onFail={() => setWorkerFailed(true)}
        />
      </Show>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('explore.sweep.noPoints')}</p>}>
        <Show when={!inWorker() && renderer()} keyed>
          {(renderer) => <SweepChart dataset={props.dataset} spec={props.spec} rows={chartRows()} output={key()} renderer={renderer} height={chartHeight()} />}
        </Show>
        <pages.Controls />
        <div class="scroll-table">
          <Table class="grid sweep-table" label={t('explore.sweep.table')} columns={tableColumns()} rows={pages.rows()} rowProps={(r) => ({ 'data-index': r.index, 'data-status': r.status, class: r.kind !== 'solved' ? `no-solution ${r.kind}` : undefined })} />
        </div>
      </Show>
    </div>
  );
}
