/**
 * Frontier tab: for each limit on the number of mines, the most volume (or
 * value) the other rules allow, one exact solve per limit. Computed
 * sequentially through one explore worker (each limit tried depends on
 * the results before it), with progress and cancel. A point of the chart or
 * a row of the table opens as a new scenario with that limit, in the editor;
 * a click on the chart asks first (naming the point's figures), as a point is
 * easy to hit by accident while reading the chart.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import type { EChartsType } from 'echarts/core';
import { unitLabel } from '../../domain/units';
import type { Frontier, FrontierPoint } from '../../model/explore/frontier';
import { fmt } from '../../present/names';
import { whyText } from './sweepView';
import { DEFAULT_MAX_SOLVES, MINE_LIMITS, type FrontierMeasure, type MineLimit } from '../../model/explore/frontier';
import { EChart } from '../charts/EChart';
import { lang, t } from '../i18n';
import { AlertLine } from '../shell/AlertLine';
import { fmtDuration, Progress, StaleNote } from './common';
import { frontierOption, marksOf, measureOf, measureUnit } from './frontierView';
import { cancelFrontier, current, frontierRun, openFrontierPoint, startFrontier } from './state';
import { draftId } from '../state/draft';
import { ConfirmDialog } from '../shell/Modal';
import { Table, type Column } from '../table/Table';
import { staleness } from '../../store';
import { dataset, modelVersionOf } from '../state/model';

export function FrontierTab(): JSX.Element {
  const cur = createMemo(current);
  const [limit, setLimit] = createSignal<MineLimit>('class3');
  const [measure, setMeasure] = createSignal<'auto' | FrontierMeasure>('auto');
  const [maxSolves, setMaxSolves] = createSignal(String(DEFAULT_MAX_SOLVES));
  const run = () => frontierRun();
  const here = () => run()?.scenarioId === draftId();
  const running = () => run()?.phase === 'running';
  const result = () => (here() ? run()?.result ?? null : null);
  const stale = () => {
    const c = cur();
    const r = run();
    return here() && !!r && staleness(r, c.ok ? c.draft : null, modelVersionOf(dataset())).stale;
  };
  const start = () =>
    void startFrontier({
      limit: limit(),
      ...(measure() === 'auto' ? {} : { measure: measure() as FrontierMeasure }),
      maxSolves: Math.max(3, Math.floor(Number(maxSolves()) || DEFAULT_MAX_SOLVES)),
    });
  const option = createMemo(() => {
    const f = result();
    return f ? frontierOption(f, lang()) : null;
  });
  /** the chart point clicked, waiting for the planner's yes */
  const [asking, setAsking] = createSignal<{ f: Frontier; p: FrontierPoint } | null>(null);
  const onChart = (c: EChartsType) => {
    c.on('click', (e) => {
      const f = result();
      const data = e.data as { limit?: number } | undefined;
      const p = f?.points.find((x) => x.limit === data?.limit);
      if (f && p) setAsking({ f, p });
    });
  };
  const limitName = (l: MineLimit) => t(`explore.limit.short.${l}`);
  const figures = (f: Frontier, p: FrontierPoint) =>
    [
      f.measure === 'volume' && p.volume !== null ? t('workflow.frontier.volume', { x: fmt(p.volume, lang()), unit: unitLabel(measureUnit(f), lang()) }) : '',
      p.value !== null ? t('workflow.frontier.value', { x: fmt(p.value, lang()), unit: unitLabel('万元', lang()) }) : '',
      p.mines !== null ? t('workflow.frontier.mines', { n: p.mines }) : '',
      t(`explore.status.${p.status}`),
    ]
      .filter(Boolean)
      .join(t('workflow.listSep'));
  /** a row per limit tried: the measure (and the value beside the volume), mines, status, marks, and a button that opens it */
  const columns = (f: Frontier): Column<FrontierPoint>[] => [
    {
      header: () => t('explore.frontier.col.limit'),
      cell: (p) => (
        <th scope="row" class="num">
          {p.limit}
        </th>
      ),
    },
    {
      header: () => (
        <>
          {t(f.measure === 'volume' ? 'explore.frontier.col.volume' : 'explore.frontier.col.maxValue')} <span class="muted">{unitLabel(measureUnit(f), lang())}</span>
        </>
      ),
      cell: (p) => <td class="num">{fmt(measureOf(p, f), lang())}</td>,
    },
    ...(f.measure === 'volume'
      ? [
          {
            header: () => (
              <>
                {t('explore.frontier.col.value')} <span class="muted">{unitLabel('万元', lang())}</span>
              </>
            ),
            cell: (p: FrontierPoint) => <td class="num">{fmt(p.value, lang())}</td>,
          },
        ]
      : []),
    { header: () => t('explore.frontier.col.mines'), cell: (p) => <td class="num">{p.mines ?? '—'}</td> },
    {
      header: () => t('explore.col.status'),
      cell: (p) => (
        <td>
          {t(`explore.status.${p.status}`)}
          {p.carried ? ` ${t('explore.frontier.carried')}` : ''}
        </td>
      ),
    },
    {
      header: () => t('explore.frontier.col.mark'),
      cell: (p) => <td>{marksOf(f, p).map((m) => (m === 'plan' ? t('explore.frontier.plan', { n: f.cap }) : t(`explore.frontier.${m}`))).join(' · ')}</td>,
    },
    {
      header: () => t('explore.frontier.col.open'),
      cell: (p) => (
        <td class="actions">
          <button type="button" onClick={() => void openFrontierPoint(f.limit, p.limit)} aria-label={t('explore.frontier.open', { limit: limitName(f.limit), n: p.limit })}>
            {t('explore.frontier.openShort')}
          </button>
        </td>
      ),
    },
  ];
  return (
    <div class="frontier-tab">
      <Show when={asking()}>
        {(a) => (
          <ConfirmDialog
            id="frontier-confirm"
            title={t('workflow.frontier.title')}
            body={t('workflow.frontier.body', { limit: limitName(a().f.limit), n: a().p.limit, figures: figures(a().f, a().p) })}
            ok={t('workflow.frontier.ok')}
            cancel={t('workflow.cancel')}
            onOk={() => {
              // read before closing: the dialog's accessor is gone once asking() is cleared
              const { f, p } = a();
              setAsking(null);
              void openFrontierPoint(f.limit, p.limit);
            }}
            onCancel={() => setAsking(null)}
          />
        )}
      </Show>
      <p class="intro muted">{t('explore.frontier.intro')}</p>
      <form
        class="panel frontier-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div class="field-row">
          <div class="field">
            <label for="frontier-limit">{t('explore.frontier.limit')}</label>
            <select id="frontier-limit" value={limit()} disabled={running()} onChange={(e) => setLimit(e.currentTarget.value as MineLimit)}>
              <For each={MINE_LIMITS}>{(l) => <option value={l} selected={l === limit()}>{t(`explore.limit.${l}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="frontier-measure">{t('explore.frontier.measure')}</label>
            <select id="frontier-measure" value={measure()} disabled={running()} onChange={(e) => setMeasure(e.currentTarget.value as 'auto' | FrontierMeasure)}>
              <option value="auto" selected={measure() === 'auto'}>
                {t('explore.measure.auto', { measure: t(`explore.measure.${limit() === 'total' ? 'value' : 'volume'}`) })}
              </option>
              <option value="volume" selected={measure() === 'volume'}>
                {t('explore.measure.volume')}
              </option>
              <option value="value" selected={measure() === 'value'}>
                {t('explore.measure.value')}
              </option>
            </select>
          </div>
          <div class="field">
            <label for="frontier-max">{t('explore.frontier.maxSolves')}</label>
            <input id="frontier-max" type="number" min="3" step="1" value={maxSolves()} disabled={running()} onInput={(e) => setMaxSolves(e.currentTarget.value)} />
          </div>
          <button type="submit" class="primary" disabled={running() || !cur().ok}>
            {t('explore.frontier.run')}
          </button>
        </div>
        <p class="hint">{t('explore.frontier.how')}</p>
      </form>

      <Show when={running() && run()}>
        {(r) => (
          <Progress
            done={r().progress?.solves ?? 0}
            total={r().progress?.maxSolves ?? Number(maxSolves())}
            remainingMs={r().progress && r().progress!.solves > 0 ? (r().elapsedMs / r().progress!.solves) * (r().progress!.maxSolves - r().progress!.solves) : null}
            elapsedMs={r().elapsedMs}
            label={t('explore.frontier.progressLabel')}
            text={t('explore.frontier.progress', { n: r().progress?.solves ?? 0, max: r().progress?.maxSolves ?? '', phase: r().progress ? t(`explore.frontier.phase.${r().progress!.phase}`) : '' })}
            onCancel={cancelFrontier}
            cancelLabel={t('explore.frontier.cancel')}
          />
        )}
      </Show>
      <AlertLine when={here() && run()?.phase === 'failed'} class="field-error">
        {t('explore.frontier.failed', { reason: run()?.error ?? '' })}
      </AlertLine>

      <Show when={result()} fallback={<Show when={!running()}><p class="empty">{t('explore.frontier.none')}</p></Show>}>
        {(f) => (
          <section class="frontier-result" data-limit={f().limit} data-phase={run()?.phase}>
            <p class="frontier-summary">
              {f().fewest !== null ? t('explore.frontier.fewest', { n: f().fewest ?? 0 }) : ''} {t('explore.frontier.cap', { n: f().cap })} ·{' '}
              {t('explore.frontier.solves', { n: f().solves, time: fmtDuration(run()?.elapsedMs ?? 0) })}
              <Show when={f().cancelled}> · {t('explore.frontier.cancelled')}</Show>
              <Show when={stale()}>
                <StaleNote text={t('explore.frontier.stale')} />
              </Show>
            </p>
            <Show when={f().infeasible}>
              {(r) => (
                <div class="problems-box" role="alert">
                  <p>{t('explore.frontier.infeasible')}</p>
                  <ul>
                    <For each={whyText(r(), lang())}>{(x) => <li>{x}</li>}</For>
                  </ul>
                </div>
              )}
            </Show>
            <Show when={option() && f().points.length > 0}>
              <EChart option={option()!} label={t('explore.frontier.chart', { limit: t(`explore.limit.${f().limit}`), measure: t(`explore.measure.${f().measure}`) })} height={360} onChart={onChart} />
              <p class="hint">{t('explore.frontier.openHint')}</p>
              <div class="scroll-table">
                <Table
                  class="grid frontier-table"
                  label={t('explore.frontier.table', { limit: t(`explore.limit.${f().limit}`) })}
                  columns={columns(f())}
                  rows={f().points}
                  rowProps={(p) => ({ 'data-limit': p.limit, class: marksOf(f(), p).length ? 'marked' : undefined })}
                />
              </div>
            </Show>
          </section>
        )}
      </Show>
    </div>
  );
}
