/**
 * Sweep tab: one parameter over a range (or two on a grid), each point an
 * exact solve spread over the worker pool, with progress, time left and a
 * cancel that keeps the points done. Every sweep is stored with its
 * scenario and listed here again after a reload.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type Accessor, type JSX } from 'solid-js';
import type { SweepAxis, SweepSpec } from '../../model/explore/sweep';
import { axisValues, MAX_SWEEP_POINTS } from '../../model/explore/sweep';
import { fieldLabel } from '../../domain/field-labels';
import { deleteSweep, staleness, type StoredSweepPoint, sweepPoints, type SweepRecord, sweepsFor } from '../../store';
import { lang, t } from '../i18n';
import { Picker } from '../shell/Picker';
import { formatTime } from '../shell/RunInfo';
import { db } from '../state/db';
import { draftId } from '../state/draft';
import { createLive } from '../state/live';
import { dataset, modelVersionOf } from '../state/model';
import { fmt } from '../../present/names';
import { AlertLine } from '../shell/AlertLine';
import { fmtDuration, Progress, StaleNote } from './common';
import { PARAM_GROUPS, sweepParams, type SweepParam } from './labels';
import { clampWorkers, coreCount, defaultWorkerCount, MAX_WORKERS } from './pool';
import { cancelSweep, current, finishedSweepPoints, startSweep, sweepRun } from './state';
import { SweepResults } from './SweepResults';
import { canDrawInWorker, keepChartWorkerReady } from './SweepWorkerChart';
import { SWEEP_CHART_WARM_UP } from './sweepView';
import { preloadCharts } from '../charts/EChart';

interface AxisForm {
  path: string;
  from: string;
  to: string;
  steps: string;
}

/** The two ends of an axis' range, entered alike. */
const BOUNDS = ['from', 'to'] as const;

function AxisFields(props: { n: 1 | 2; axis: AxisForm; params: SweepParam[]; onChange: (a: AxisForm) => void; disabled: boolean; exclude?: string }): JSX.Element {
  const p = () => props.params.find((x) => x.path === props.axis.path);
  const id = (s: string) => `sweep-${s}-${props.n}`;
  const pick = (path: string) => {
    const next = props.params.find((x) => x.path === path);
    props.onChange({ path, from: String(next?.range.from ?? 0), to: String(next?.range.to ?? 1), steps: props.axis.steps });
  };
  return (
    <fieldset class="axis" disabled={props.disabled}>
      <legend>{props.n === 1 ? t('explore.sweep.param') : t('explore.sweep.param2')}</legend>
      <div class="field-row">
        <div class="field">
          <label for={id('param')}>{props.n === 1 ? t('explore.sweep.param') : t('explore.sweep.param2')}</label>
          <select id={id('param')} value={props.axis.path} onChange={(e) => pick(e.currentTarget.value)}>
            <For each={PARAM_GROUPS}>
              {(g) => (
                <optgroup label={t(`explore.group.${g}`)}>
                  <For each={props.params.filter((x) => x.group === g && x.path !== props.exclude)}>
                    {(x) => (
                      <option value={x.path} selected={x.path === props.axis.path}>
                        {x.label}
                      </option>
                    )}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
          <span class="hint current-value" data-path={props.axis.path}>
            <Show when={p()?.current !== null && p()?.current !== undefined} fallback={t('explore.sweep.currentNone')}>
              {t('explore.sweep.current', { value: fmt(p()?.current ?? null, lang(), 4), unit: p()?.unit ?? '' })}
            </Show>{' '}
            {p()?.own ? t('explore.sweep.own') : t('explore.sweep.default')} · <code>{props.axis.path}</code>
          </span>
        </div>
        <For each={BOUNDS}>
          {(end) => (
            <div class="field">
              <label for={id(end)}>{t(`explore.sweep.${end}`)}</label>
              <span class="input-unit">
                <input id={id(end)} type="number" step="any" value={props.axis[end]} onInput={(e) => props.onChange({ ...props.axis, [end]: e.currentTarget.value })} />
                <span class="unit muted">{p()?.unit}</span>
              </span>
            </div>
          )}
        </For>
        <div class="field">
          <label for={id('steps')}>{t('explore.sweep.steps')}</label>
          <input id={id('steps')} type="number" min="1" step="1" value={props.axis.steps} onInput={(e) => props.onChange({ ...props.axis, steps: e.currentTarget.value })} />
        </div>
        <Show when={p()?.integer && fractional(props.axis)}>
          <p class="hint">{t('explore.sweep.wholeMines')}</p>
        </Show>
      </div>
    </fieldset>
  );
}

/** Whether an axis has values that are not whole numbers (a mine count acts as its whole part). */
function fractional(a: AxisForm): boolean {
  try {
    return axisValues(toAxis(a)).some((x) => !Number.isInteger(x));
  } catch {
    return false;
  }
}

function toAxis(a: AxisForm): SweepAxis {
  return { path: a.path, from: Number(a.from), to: Number(a.to), steps: Number(a.steps) };
}

/** The points a form would solve, or null while it is incomplete. */
function pointCount(axes: AxisForm[]): number | null {
  let n = 1;
  for (const a of axes) {
    try {
      if (a.from.trim() === '' || a.to.trim() === '' || a.steps.trim() === '') return null;
      n *= axisValues(toAxis(a)).length;
    } catch {
      return null;
    }
  }
  return n;
}

export function SweepTab(): JSX.Element {
  const d = dataset();
  // a sweep's first chart is drawn while the sweep starts: its worker is started before, while the tab waits for the planner; where
  // the page draws the chart itself (no worker can), ECharts is loaded and run once before instead
  onMount(() => {
    if (canDrawInWorker()) onCleanup(keepChartWorkerReady());
    else preloadCharts(SWEEP_CHART_WARM_UP);
  });
  const cur = createMemo(current);
  const params = createMemo(() => {
    const c = cur();
    return c.ok ? sweepParams(d, c.scenario, lang()) : sweepParams(d, { format: 'quota-scenario/1', name: '-', model: d.id }, lang());
  });
  const initial = (path: string, steps = '5'): AxisForm => {
    const p = params().find((x) => x.path === path);
    return { path, from: String(p?.range.from ?? 0), to: String(p?.range.to ?? 1), steps };
  };
  const [a1, setA1] = createSignal<AxisForm>(initial('caps.sand'));
  const [grid, setGrid] = createSignal(false);
  const [a2, setA2] = createSignal<AxisForm>(initial('rightsCaps.class3', '4'));
  const [workers, setWorkers] = createSignal(String(defaultWorkerCount()));
  const [message, setMessage] = createSignal<string | null>(null);
  const [picked, setPicked] = createSignal<string | null>(null);
  const [output, setOutput] = createSignal('volume.sand');

  const running = () => sweepRun();
  const runningHere = () => running()?.scenarioId === draftId();
  const axes = () => (grid() ? [a1(), a2()] : [a1()]);
  const count = () => pointCount(axes());

  // stored sweeps of the current scenario, live (another tab's sweeps too): headers only, a write of a point reads no points
  const live = createMemo<Accessor<SweepRecord[]>>(() => {
    const id = draftId();
    return id ? createLive(() => sweepsFor(db(), id), []) : () => [];
  });
  const stored = () => live()();
  createEffect(on(draftId, () => setPicked(null), { defer: true }));
  const shown = createMemo<SweepRecord | undefined>(() => stored().find((s) => s.id === picked()) ?? stored()[0]);
  const shownId = createMemo(() => shown()?.id ?? null);
  // a memo: the running sweep changes at each redraw, whether it is the one shown only at its start and end
  const runsShown = createMemo(() => {
    const r = running();
    return !!r && r.recordId === shownId();
  });
  // the shown sweep's spec, the same object while it is shown (each read of the headers makes new ones)
  const shownSpec = createMemo(() => shown()?.spec, undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  // the points of a stored sweep come from the database; a sweep running here, or the last one that ran here, has them in memory (they are stored before they are shown)
  const storedPoints = createMemo<Accessor<readonly StoredSweepPoint[] | null>>(() => {
    const id = shownId();
    if (!id || runsShown()) return () => null;
    const kept = finishedSweepPoints(id);
    return kept ? () => kept : createLive<StoredSweepPoint[] | null>(() => sweepPoints(db(), id), null);
  });
  let lastPoints: readonly StoredSweepPoint[] = [];
  let lastShownId: string | null = null;
  const shownPoints = createMemo<readonly StoredSweepPoint[]>(() => {
    const r = running();
    const fromDb = storedPoints()();
    // until a stored sweep's points are read, the points last shown stay (a sweep that just ended does not flash empty)
    lastPoints = r && r.recordId === shownId() ? r.points : (fromDb ?? (shownId() === lastShownId ? lastPoints : []));
    lastShownId = shownId();
    return lastPoints;
  });
  const stale = () => {
    const s = shown();
    const c = cur();
    return !!s && staleness(s, c.ok ? c.draft : null, modelVersionOf(d)).stale;
  };

  const run = async () => {
    setMessage(null);
    const spec: SweepSpec = { axes: grid() ? [toAxis(a1()), toAxis(a2())] : [toAxis(a1())] };
    const started = startSweep(spec, clampWorkers(Number(workers())));
    const res = await started;
    if (!res.ok) setMessage(res.message);
  };
  // a new sweep is shown as soon as its record exists
  createEffect(
    on(running, (r) => {
      if (r) setPicked(r.recordId);
    }),
  );
  const remove = async (id: string) => {
    await deleteSweep(db(), id);
    if (picked() === id) setPicked(null);
  };

  return (
    <div class="sweep-tab">
      <p class="intro muted">{t('explore.sweep.intro')}</p>
      <form
        class="panel sweep-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <AxisFields n={1} axis={a1()} params={params()} onChange={setA1} disabled={!!running()} exclude={grid() ? a2().path : undefined} />
        <label class="check">
          <input type="checkbox" checked={grid()} disabled={!!running()} onChange={(e) => setGrid(e.currentTarget.checked)} />
          {t('explore.sweep.grid')}
        </label>
        <Show when={grid()}>
          <AxisFields n={2} axis={a2()} params={params()} onChange={setA2} disabled={!!running()} exclude={a1().path} />
        </Show>
        <div class="field-row run-row">
          <div class="field">
            <label for="sweep-workers">{t('explore.workers')}</label>
            <input id="sweep-workers" type="number" min="1" max={MAX_WORKERS} step="1" value={workers()} disabled={!!running()} onInput={(e) => setWorkers(e.currentTarget.value)} />
            <span class="hint">{t('explore.workersHint', { n: defaultWorkerCount(), cores: coreCount(), max: MAX_WORKERS })}</span>
          </div>
          <span class="point-count" aria-live="polite">
            <Show when={count() !== null} fallback={t('explore.sweep.incomplete')}>
              {(count() ?? 0) > MAX_SWEEP_POINTS ? t('explore.sweep.tooMany', { n: count() ?? 0, max: MAX_SWEEP_POINTS }) : t('explore.sweep.count', { n: count() ?? 0 })}
            </Show>
          </span>
          <button type="submit" class="primary" disabled={!!running() || !cur().ok || count() === null}>
            {t('explore.sweep.run')}
          </button>
        </div>
        <AlertLine when={message()} class="field-error">
          {message()}
        </AlertLine>
      </form>

      <Show when={running()}>
        {(r) => (
          <Progress
            done={r().points.length}
            total={r().total}
            remainingMs={r().remainingMs}
            elapsedMs={r().elapsedMs}
            label={t('explore.sweep.progressLabel')}
            text={t('explore.sweep.progress', { done: r().points.length, total: r().total, workers: r().workers }) + (runningHere() ? '' : ` · ${t('explore.sweep.elsewhere')}`)}
            stopping={r().stopping}
            onCancel={cancelSweep}
            cancelLabel={t('explore.sweep.cancel')}
          />
        )}
      </Show>

      <Show when={stored().length > 0} fallback={<p class="empty">{t('explore.sweep.none')}</p>}>
        <div class="toolbar">
          <Picker
            label={t('explore.sweep.saved')}
            items={stored()}
            keyOf={(s) => s.id}
            text={(s) => `${formatTime(s.createdAt)} · ${s.spec.axes.map((a) => fieldLabel(a.path, lang(), d)).join(' × ')} · ${t(`explore.sweep.state.${s.state}`)}`}
            picked={shown()?.id}
            onPick={setPicked}
          />
          <Show when={shown() && shown()?.state !== 'running'}>
            <button type="button" class="danger" onClick={() => void remove(shown()?.id ?? '')}>
              {t('explore.sweep.delete')}
            </button>
          </Show>
        </div>
        <Show when={shown()}>
          {(s) => (
            <section class="sweep-shown" data-sweep={s().id} data-state={runsShown() ? 'running' : s().state}>
              <p class="sweep-summary">
                {t('explore.sweep.summary', {
                  done: runsShown() ? shownPoints().length : s().done,
                  total: s().total,
                  workers: s().workers,
                  time: fmtDuration(runsShown() ? (running()?.elapsedMs ?? 0) : s().elapsedMs),
                })}{' '}
                · <span class="sweep-state">{t(`explore.sweep.state.${runsShown() ? 'running' : s().state}`)}</span>
                <Show when={s().state === 'interrupted'}> · {t('explore.sweep.interrupted')}</Show>
                <Show when={s().error}> · {s().error}</Show>
                <Show when={stale()}>
                  <StaleNote text={t('explore.sweep.stale')} />
                </Show>
              </p>
              <SweepResults dataset={d} spec={shownSpec() ?? s().spec} points={shownPoints()} name={s().scenarioName} output={output()} onOutput={setOutput} live={runsShown()} />
            </section>
          )}
        </Show>
      </Show>
    </div>
  );
}
