/**
 * Sensitivity and the path to 2025. Sensitivity: for each binding policy
 * constraint of the solved scenario, what one unit more (or less) is worth,
 * found by re-solving, and over what range that holds, in planner sentences;
 * the constraints are spread over the explore workers. The path: yearly
 * quotas 2020→2025 per county and mineral within a year-to-year change
 * limit, as a chart and a CSV.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { unitLabel } from '../../domain/units';
import { downloadBlob, MIME } from '../shell/download';
import { countyName, fmt, fmtSig, mineralName, safeFileName } from '../../present/names';
import { DEFAULT_PATH_FRACTION, type PathRow } from '../../model/explore/path';
import type { ConstraintSensitivity, Move, ValueRange } from '../../model/explore/sensitivity';
import { EChart } from '../charts/EChart';
import { lang, t } from '../i18n';
import { dataset, modelVersionOf } from '../state/model';
import { draftId } from '../state/draft';
import { AlertLine } from '../shell/AlertLine';
import { Picker } from '../shell/Picker';
import { fmtDuration, Progress, StaleNote } from './common';
import { pathCsv, pathMinerals, pathOption } from './pathView';
import { clampWorkers, defaultWorkerCount, MAX_WORKERS } from './pool';
import { cancelSensitivity, current, pathRun, sensitivityRun, startPath, startSensitivity } from './state';
import { label, Table, type Column } from '../table/Table';
import { hasSolution } from '../../model/report';
import { staleness } from '../../store';

/** Solver noise (−1.5e-11) reads as 0. */
const tiny = (x: number) => (Math.abs(x) < 1e-6 ? 0 : x);

function perUnit(m: Move, unit: string): string {
  if (m.perUnit === null) return t('explore.sens.noSolution');
  const u = m.uncertainty > 0 ? ` ${Number.isFinite(m.uncertainty) ? t('explore.sens.gap', { u: fmtSig(m.uncertainty, lang()) }) : t('explore.sens.unproven')}` : '';
  return `${fmtSig(tiny(m.perUnit), lang())} ${t('explore.sens.perUnit', { unit })}${u}`;
}

function rangeText(r: ValueRange | null, unit: string): string {
  if (!r) return '—';
  const from = fmt(Math.min(r.from, r.to), lang(), 4);
  const to = fmt(Math.max(r.from, r.to), lang(), 4);
  return t(r.openEnd ? 'explore.sens.rangeOpen' : 'explore.sens.range', { from, to, unit });
}

function SensitivitySection(): JSX.Element {
  const cur = createMemo(current);
  const [workers, setWorkers] = createSignal(String(defaultWorkerCount()));
  const run = () => (sensitivityRun()?.scenarioId === draftId() ? sensitivityRun() : null);
  const busy = () => sensitivityRun()?.phase === 'running' || sensitivityRun()?.phase === 'solving';
  const stale = () => {
    const c = cur();
    const r = run();
    return !!r && staleness(r, c.ok ? c.draft : null, modelVersionOf(dataset())).stale;
  };
  const unitOf = (c: ConstraintSensitivity) => (c.family === 'rights' ? t('explore.unit.mines') : unitLabel(c.unit, lang()));
  const columns: Column<ConstraintSensitivity>[] = [
    {
      header: label('explore.sens.col.constraint'),
      cell: (c) => (
        <th scope="row">
          {t(c.label.key, c.label.params)} <code class="id">{c.constraint}</code>
        </th>
      ),
    },
    {
      header: label('explore.sens.col.rhs'),
      cell: (c) => (
        <td class="num">
          {c.side === 'upper' ? '≤ ' : '≥ '}
          {fmt(c.rhs, lang(), 4)} {unitOf(c)}
        </td>
      ),
    },
    { header: label('explore.sens.col.up'), cell: (c) => <td class="num">{perUnit(c.up, unitOf(c))}</td> },
    { header: label('explore.sens.col.down'), cell: (c) => <td class="num">{perUnit(c.down, unitOf(c))}</td> },
    { header: label('explore.sens.col.dual'), cell: (c) => <td class="num">{c.dual === null ? '—' : fmtSig(tiny(c.dual), lang())}</td> },
    {
      header: label('explore.sens.col.range'),
      cell: (c) => (
        <td>
          {rangeText(c.upRange, unitOf(c))}
          <Show when={c.downRange}>
            <br />
            <span class="muted">{t('explore.sens.downRange', { range: rangeText(c.downRange, unitOf(c)) })}</span>
          </Show>
        </td>
      ),
    },
  ];
  return (
    <section class="panel sensitivity" aria-labelledby="sens-h">
      <h3 id="sens-h">{t('explore.sens.title')}</h3>
      <p class="intro muted">{t('explore.sens.intro')}</p>
      <div class="field-row">
        <div class="field">
          <label for="sens-workers">{t('explore.workers')}</label>
          <input id="sens-workers" type="number" min="1" max={MAX_WORKERS} step="1" value={workers()} disabled={busy()} onInput={(e) => setWorkers(e.currentTarget.value)} />
        </div>
        <button type="button" class="primary" disabled={busy() || !cur().ok} onClick={() => void startSensitivity(clampWorkers(Number(workers())))}>
          {t('explore.sens.run')}
        </button>
      </div>
      <Show when={run()?.phase === 'solving'}>
        <p class="muted" role="status">
          {t('explore.sens.solving')}
        </p>
      </Show>
      <Show when={run()?.phase === 'running' && run()}>
        {(r) => (
          <Progress
            done={r().rows.length}
            total={r().names.length}
            remainingMs={r().rows.length > 0 ? (r().elapsedMs / r().rows.length) * (r().names.length - r().rows.length) : null}
            elapsedMs={r().elapsedMs}
            label={t('explore.sens.progressLabel')}
            text={t('explore.sens.progress', { done: r().rows.length, total: r().names.length, solves: r().solves })}
            onCancel={cancelSensitivity}
            cancelLabel={t('explore.sens.cancel')}
          />
        )}
      </Show>
      <AlertLine when={run()?.phase === 'failed'} class="field-error">
        {run()?.error}
      </AlertLine>
      <Show when={run() && (run()?.phase === 'done' || run()?.phase === 'cancelled') && !hasSolution(run()!)}>
        <p class="empty">{t('explore.sens.unsolved', { status: t(`explore.status.${run()?.status ?? 'timeout'}`) })}</p>
      </Show>
      <Show when={run() && run()?.phase === 'done' && run()?.names.length === 0 && hasSolution(run()!)}>
        <p class="empty">{t('explore.sens.none')}</p>
      </Show>
      <Show when={run() && run()!.rows.length > 0 && run()}>
        {(r) => (
          <>
            <p class="sens-summary">
              {t('explore.sens.done', { solves: r().solves, time: fmtDuration(r().elapsedMs) })}
              <Show when={r().phase === 'cancelled'}> · {t('explore.sens.cancelled')}</Show>
              <Show when={stale()}>
                <StaleNote text={t('explore.sens.stale')} />
              </Show>
            </p>
            <ul class="sentences">
              <For each={r().rows}>{(c) => <li data-constraint={c.constraint}>{t(c.sentence.key, c.sentence.params)}</li>}</For>
            </ul>
            <div class="scroll-table">
              <Table
                class="grid sensitivity-table"
                label={t('explore.sens.table')}
                columns={columns}
                rows={r().rows}
                rowProps={(c) => ({ 'data-constraint': c.constraint })}
              />
            </div>
            <p class="hint">{t('explore.sens.gapNote', { gap: `${fmt(r().mipGap * 100, lang(), 3)}%` })}</p>
            <p class="hint">{t('explore.sens.dualNote')}</p>
          </>
        )}
      </Show>
    </section>
  );
}

function PathSection(): JSX.Element {
  const d = dataset();
  const cur = createMemo(current);
  const [percent, setPercent] = createSignal(String(DEFAULT_PATH_FRACTION * 100));
  const [mineral, setMineral] = createSignal<string | null>(null);
  const run = () => (pathRun()?.scenarioId === draftId() ? pathRun() : null);
  const busy = () => pathRun()?.phase === 'running' || pathRun()?.phase === 'solving';
  const result = () => run()?.result ?? null;
  const minerals = createMemo(() => {
    const r = result();
    return r ? pathMinerals(d, r) : [];
  });
  const shownMineral = () => (mineral() && minerals().includes(mineral() as string) ? (mineral() as string) : minerals()[0] ?? null);
  const option = createMemo(() => {
    const r = result();
    const m = shownMineral();
    return r && m ? pathOption(d, r, m, lang()) : null;
  });
  const fraction = () => Number(percent()) / 100;
  const valid = () => Number.isFinite(fraction()) && fraction() > 0;
  const stale = () => {
    const c = cur();
    const r = run();
    return !!r && staleness(r, c.ok ? c.draft : null, modelVersionOf(dataset())).stale;
  };
  const exportCsv = () => {
    const r = result();
    const c = cur();
    if (r) downloadBlob(`${safeFileName(c.ok ? c.name : 'scenario')}-${t('explore.path.file')}.csv`, pathCsv(d, r, lang()), MIME.csv);
  };
  const pct = (x: number) => `${fmt(x * 100, lang(), 1)}%`;
  /** a row per county and mineral: its quota in each year of the path, the change limit and the largest step taken */
  const pathColumns = (years: readonly number[]): Column<PathRow>[] => [
    { header: label('explore.path.col.county'), cell: (x) => <th scope="row">{countyName(d, x.county, lang())}</th> },
    { header: label('explore.path.col.mineral'), cell: (x) => <td>{mineralName(d, x.mineral, lang())}</td> },
    { header: label('explore.path.col.unit'), cell: (x) => <td>{unitLabel(x.unit, lang())}</td> },
    ...years.map((y): Column<PathRow> => ({ header: () => y, cell: (x) => <td class="num">{fmt(x.quotas[y] ?? 0, lang())}</td> })),
    { header: label('explore.path.col.limit'), cell: (x) => <td class="num">{fmt(x.limit, lang())}</td> },
    { header: label('explore.path.col.maxStep'), cell: (x) => <td class="num">{fmt(x.maxStep, lang())}</td> },
  ];
  return (
    <section class="panel path" aria-labelledby="path-h">
      <h3 id="path-h">{t('explore.path.title')}</h3>
      <p class="intro muted">{t('explore.path.intro')}</p>
      <form
        class="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid()) void startPath({ fraction: fraction() });
        }}
      >
        <div class="field">
          <label for="path-fraction">{t('explore.path.fraction')}</label>
          <span class="input-unit">
            <input id="path-fraction" type="number" min="0" step="any" value={percent()} aria-invalid={!valid()} disabled={busy()} onInput={(e) => setPercent(e.currentTarget.value)} />
            <span class="unit muted">%</span>
          </span>
        </div>
        <button type="submit" class="primary" disabled={busy() || !cur().ok || !valid()}>
          {t('explore.path.run')}
        </button>
      </form>
      <Show when={busy()}>
        <p class="muted" role="status">
          {run()?.phase === 'solving' ? t('explore.sens.solving') : t('explore.path.running')}
        </p>
      </Show>
      <AlertLine when={run()?.phase === 'failed'} class="field-error">
        {run()?.error}
      </AlertLine>
      <Show when={result()}>
        {(r) => (
          <div class="path-result" data-status={r().status}>
            <Show when={stale()}>
              <p>
                <StaleNote text={t('explore.path.stale')} />
              </p>
            </Show>
            <Show
              when={r().status === 'limit-too-tight'}
              fallback={
                <p class="valid-note" role="status">
                  {t('explore.path.ok', { limit: pct(r().asked.fraction) })}
                </p>
              }
            >
              <div class="findings" role="status">
                <p>{t('explore.path.tight', { asked: pct(r().asked.fraction), need: r().smallest.fraction === null ? '—' : pct(r().smallest.fraction ?? 0) })}</p>
                <ul>
                  <For each={Object.entries(r().smallest.fractionByMineral)}>
                    {([m, need]) => <li>{t('explore.path.needBy', { mineral: mineralName(d, m, lang()), need: pct(need), used: pct(r().used.fraction[m] ?? need) })}</li>}
                  </For>
                </ul>
              </div>
            </Show>
            <div class="toolbar">
              <Picker label={t('explore.path.mineral')} items={minerals()} keyOf={(m) => m} text={(m) => mineralName(d, m, lang())} picked={shownMineral()} onPick={setMineral} />
              <button type="button" onClick={exportCsv}>
                {t('explore.path.csv')}
              </button>
            </div>
            <Show when={option()}>
              <EChart option={option()!} label={t('explore.path.chart', { mineral: mineralName(d, shownMineral() ?? '', lang()), unit: '' })} height={340} />
            </Show>
            <div class="scroll-table">
              <Table
                class="grid path-table"
                label={t('explore.path.table')}
                columns={pathColumns(r().years)}
                rows={r().rows}
                rowProps={(x) => ({ 'data-county': x.county ?? 'none', 'data-mineral': x.mineral })}
              />
            </div>
            <h4>{t('explore.path.assumptions')}</h4>
            <ul class="note">
              <For each={r().assumptions}>{(a) => <li>{t(a.key, a.params)}</li>}</For>
              <For each={r().omitted}>{(o) => <li>{t(o.reason.key, o.reason.params)}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
    </section>
  );
}

export function SensitivityTab(): JSX.Element {
  return (
    <div class="sensitivity-tab">
      <SensitivitySection />
      <PathSection />
    </div>
  );
}
