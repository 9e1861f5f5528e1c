/**
 * The plan as the model holds it: every table with its source (专栏N), the
 * policy figures with the text they come from, and the model's assumptions
 * with their reasons. The data audit's findings sit beside the tables they
 * concern; a flagged row or cell carries the finding's number and is
 * described by it for screen readers.
 */
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
import { auditDataset, type Finding } from '../../domain/audit';
import type { Dataset } from '../../domain/dataset';
import { labelOf } from '../../domain/label';
import { lang, t } from '../i18n';
import { focusSection, href, route } from '../shell/router';
import { dataset } from '../state/model';

interface Numbered {
  n: number;
  finding: Finding;
}

const SECTIONS = ['table4', 'table5', 'table6', 'table11', 'table20', 'table21', 'table22', 'table23', 'policy', 'assumptions', 'units'] as const;
type Section = (typeof SECTIONS)[number];

export function fmtNum(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '—';
  return x.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
}

export function PlanPage() {
  const d = dataset();
  const findings = createMemo<Numbered[]>(() => auditDataset(d).map((finding, i) => ({ n: i + 1, finding })));
  const forTable = (source: string) => findings().filter((f) => f.finding.tables.includes(source));
  createEffect(() => {
    const target = route().rest;
    if (route().page === 'plan' && target) queueMicrotask(() => focusSection(`plan-${target}`));
  });
  const sourceOf = (s: Section) => (s === 'policy' || s === 'assumptions' || s === 'units' ? '' : d[s].source);
  return (
    <section class="page plan-page">
      <div class="page-head">
        <h2>{t('shell.page.plan')}</h2>
        <span class="sub">
          {labelOf(d.name, lang())} · {t('plan.version', { v: d.version })} · {t('plan.findingsCount', { n: findings().length })}
        </span>
      </div>
      <nav class="toc" aria-label={t('plan.toc')}>
        <For each={SECTIONS}>
          {(s) => (
            <a href={href('plan', s)}>
              {sourceOf(s) ? `${sourceOf(s)} ` : ''}
              {t(`plan.section.${s}`)}
              <Show when={sourceOf(s) && forTable(sourceOf(s)).length > 0}>
                <span class="badge" aria-label={t('plan.findingsCount', { n: forTable(sourceOf(s)).length })}>
                  {forTable(sourceOf(s)).length}
                </span>
              </Show>
            </a>
          )}
        </For>
      </nav>
      <Table4 d={d} findings={forTable(d.table4.source)} />
      <Table5 d={d} findings={forTable(d.table5.source)} />
      <Table6 d={d} findings={forTable(d.table6.source)} />
      <Table11 d={d} findings={forTable(d.table11.source)} />
      <Table20 d={d} findings={forTable(d.table20.source)} />
      <Table21 d={d} findings={forTable(d.table21.source)} />
      <Table22 d={d} findings={forTable(d.table22.source)} />
      <Table23 d={d} findings={forTable(d.table23.source)} />
      <Policy d={d} />
      <Assumptions d={d} />
      <Units d={d} />
    </section>
  );
}

/** A table section: the table on the left, the audit's findings about it on the right. */
function PlanSection(props: { id: Section; source: string; findings: Numbered[]; children: JSX.Element; note?: JSX.Element }) {
  return (
    <section class="plan-section" id={`plan-${props.id}`} aria-labelledby={`plan-${props.id}-h`}>
      <h3 id={`plan-${props.id}-h`} tabindex="-1">
        <Show when={props.source}>
          <span class="source">{props.source}</span>{' '}
        </Show>
        {t(`plan.section.${props.id}`)}
      </h3>
      <div class={props.findings.length ? 'with-findings' : ''}>
        <div class="table-wrap">
          {props.children}
          {props.note}
        </div>
        <Show when={props.findings.length > 0}>
          <aside class="findings" aria-label={t('plan.findingsFor', { table: props.source })}>
            <h4>{t('plan.findings')}</h4>
            <ol>
              <For each={props.findings}>
                {(f) => (
                  <li id={`finding-${props.source}-${f.n}`} value={f.n} class={`finding kind-${f.finding.kind}`}>
                    <span class="kind">{t(`plan.kind.${f.finding.kind}`)}</span> {lang() === 'zh' ? f.finding.message : f.finding.messageEn}
                  </li>
                )}
              </For>
            </ol>
          </aside>
        </Show>
      </div>
    </section>
  );
}

/** Findings that flag a row (by its printed name) or one cell of it. */
function flags(findings: Numbered[], source: string, row: string, column?: string): Numbered[] {
  return findings.filter((f) => {
    const s = f.finding.subject;
    if (!s || s.row !== row) return false;
    if (column === undefined) return s.column === undefined;
    return s.table === source && s.column === column;
  });
}

/** A figure cell: its source in the tooltip, flagged with finding numbers when the audit names it. */
function Fig(props: { value: JSX.Element; source: string; flags?: Numbered[]; class?: string }) {
  const ids = () => (props.flags ?? []).map((f) => `finding-${props.source}-${f.n}`).join(' ');
  return (
    <td class={`num ${props.class ?? ''} ${props.flags?.length ? 'flagged' : ''}`} title={props.source} aria-describedby={ids() || undefined}>
      {props.value}
      <Show when={props.flags?.length}>
        <sup class="flag">{(props.flags ?? []).map((f) => f.n).join(',')}</sup>
      </Show>
    </td>
  );
}

/** The row's printed name, with the findings that name the whole row. */
function RowName(props: { name: string; source: string; findings: Numbered[]; mineral?: string | null; d: Dataset }) {
  const f = () => flags(props.findings, props.source, props.name);
  const ids = () => f().map((x) => `finding-${props.source}-${x.n}`).join(' ');
  const modelName = () => {
    if (props.mineral === undefined) return null;
    const m = props.d.minerals.find((x) => x.id === props.mineral);
    return m ? labelOf(m.name, lang()) : null;
  };
  return (
    <th scope="row" class={f().length ? 'flagged' : ''} aria-describedby={ids() || undefined}>
      {props.name}
      <Show when={f().length}>
        <sup class="flag">{f().map((x) => x.n).join(',')}</sup>
      </Show>
      <Show when={props.mineral !== undefined}>
        <Show when={modelName()} fallback={<span class="tag muted">{t('plan.outsideModel')}</span>}>
          <Show when={lang() === 'en' || modelName() !== props.name}>
            <span class="tag">{modelName()}</span>
          </Show>
        </Show>
      </Show>
    </th>
  );
}

type TableProps = { d: Dataset; findings: Numbered[] };

function Table4(props: TableProps) {
  const T = props.d.table4;
  return (
    <PlanSection id="table4" source={T.source} findings={props.findings}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col">{t('plan.unitText')}</th>
            <th scope="col" class="num">{t('plan.deposits')}</th>
            <th scope="col" class="num">{t('plan.reserve')}</th>
            <th scope="col" class="num">{t('plan.cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr classList={{ outside: r.mineral === null }}>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <td>{r.unitText}</td>
                <Fig value={r.deposits} source={T.source} />
                <Fig value={fmtNum(r.reserve)} source={T.source} flags={flags(props.findings, T.source, r.planName, 'reserve')} />
                <Fig value={fmtNum(r.cumulative)} source={T.source} flags={flags(props.findings, T.source, r.planName, 'cumulative')} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table5(props: TableProps) {
  const T = props.d.table5;
  const unitName = (id: string) => {
    const u = props.d.units.find((x) => x.id === id);
    return u ? (lang() === 'zh' ? u.planColumn : labelOf(u.name, 'en').replace(/ (County|City)$/, '')) : id;
  };
  const row = (r: { planName: string; counts: Record<string, number>; total: number }, cls: string, mineral?: string | null, rc?: string) => (
    <tr class={cls} classList={{ outside: mineral === null }}>
      <RowName name={r.planName} source={T.source} findings={props.findings} mineral={mineral} d={props.d} />
      <td>{rc ? t(`plan.class.${rc}`) : ''}</td>
      <For each={T.columns}>
        {(c) => <Fig value={r.counts[c] ?? '—'} source={T.source} flags={flags(props.findings, T.source, r.planName, c)} />}
      </For>
      <Fig value={r.total} source={T.source} class="total" flags={flags(props.findings, T.source, r.planName, 'total')} />
    </tr>
  );
  return (
    <PlanSection id="table5" source={T.source} findings={props.findings}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col">{t('plan.rightsClass')}</th>
            <For each={T.columns}>{(c) => <th scope="col" class="num">{unitName(c)}</th>}</For>
            <th scope="col" class="num">{t('plan.total')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>{(r) => row(r, '', r.mineral, r.rightsClass)}</For>
          <For each={T.subtotals}>{(r) => row(r, 'subtotal', undefined, r.rightsClass)}</For>
          {row(T.total, 'grand-total')}
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table6(props: TableProps) {
  const T = props.d.table6;
  return (
    <PlanSection id="table6" source={T.source} findings={props.findings}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col" class="num">{t('plan.producingMines')}</th>
            <th scope="col">{t('plan.unitText')}</th>
            <th scope="col" class="num">{t('plan.output2020')}</th>
            <th scope="col" class="num">{t('plan.value2020')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr classList={{ outside: r.mineral === null }}>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <Fig value={r.mines} source={T.source} />
                <td>{r.unitText}</td>
                <Fig value={fmtNum(r.output)} source={T.source} />
                <Fig value={fmtNum(r.value)} source={T.source} />
              </tr>
            )}
          </For>
          <tr class="grand-total">
            <RowName name={T.total.planName} source={T.source} findings={props.findings} d={props.d} />
            <Fig value={T.total.mines} source={T.source} flags={flags(props.findings, T.source, T.total.planName, 'mines')} />
            <td />
            <td />
            <Fig value={fmtNum(T.total.value)} source={T.source} flags={flags(props.findings, T.source, T.total.planName, 'value')} />
          </tr>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table11(props: TableProps) {
  const T = props.d.table11;
  return (
    <PlanSection
      id="table11"
      source={T.source}
      findings={props.findings}
      note={<p class="note">{t('plan.shareNote', { pct: fmtNum(T.largeMediumShareMin * 100, 0), source: T.source })}</p>}
    >
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col">{t('plan.unitText')}</th>
            <th scope="col" class="num">{t('plan.target2025')}</th>
            <th scope="col">{t('plan.attribute')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr classList={{ outside: r.mineral === null }}>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <td>{r.unitText}</td>
                <Fig value={fmtNum(r.target)} source={T.source} />
                <td>{r.attribute}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table20(props: TableProps) {
  const T = props.d.table20;
  return (
    <PlanSection id="table20" source={T.source} findings={props.findings}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col">{t('plan.unitText')}</th>
            <th scope="col" class="num">{t('plan.output2020')}</th>
            <th scope="col" class="num">{t('plan.target2025')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr classList={{ outside: r.mineral === null }}>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <td>{r.unitText}</td>
                <Fig value={fmtNum(r.output2020)} source={T.source} />
                <Fig value={fmtNum(r.target2025)} source={T.source} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table21(props: TableProps) {
  const T = props.d.table21;
  return (
    <PlanSection id="table21" source={T.source} findings={props.findings}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col">{t('plan.unitText')}</th>
            <th scope="col" class="num">{t('plan.size.large')}</th>
            <th scope="col" class="num">{t('plan.size.medium')}</th>
            <th scope="col" class="num">{t('plan.size.small')}</th>
            <th scope="col" class="num">{t('plan.minServiceYears')}</th>
            <th scope="col">{t('plan.printed')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <td>{r.unitText}</td>
                <Fig value={fmtNum(r.large)} source={T.source} />
                <Fig value={fmtNum(r.medium)} source={T.source} />
                <Fig value={fmtNum(r.small)} source={T.source} />
                <Fig value={fmtNum(r.minServiceYears)} source={T.source} />
                <td class="muted">{r.printed ?? ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table22(props: TableProps) {
  const T = props.d.table22;
  return (
    <PlanSection
      id="table22"
      source={T.source}
      findings={props.findings}
      note={<p class="note">{t('plan.statedTotal', { value: T.statedTotal.value, source: T.statedTotal.source })}</p>}
    >
      <table class="grid narrow">
        <thead>
          <tr>
            <th scope="col">{t('plan.planName')}</th>
            <th scope="col" class="num">{t('plan.blocks')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.rows}>
            {(r) => (
              <tr classList={{ outside: r.mineral === null }}>
                <RowName name={r.planName} source={T.source} findings={props.findings} mineral={r.mineral} d={props.d} />
                <Fig value={r.blocks} source={T.source} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Table23(props: TableProps) {
  const T = props.d.table23;
  const unitName = (id: string | null, text: string) => {
    const u = props.d.units.find((x) => x.id === id);
    return u ? labelOf(u.name, lang()) : text;
  };
  const mineralName = (id: string, text: string) => {
    const m = props.d.minerals.find((x) => x.id === id);
    return m ? labelOf(m.name, lang()) : text;
  };
  const total = () => T.zones.reduce((a, z) => a + z.areaKm2, 0);
  return (
    <PlanSection
      id="table23"
      source={T.source}
      findings={props.findings}
      note={<p class="note">{t('plan.statedCount', { value: T.statedCount.value, source: T.statedCount.source, n: T.zones.length, area: fmtNum(total()) })}</p>}
    >
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.zoneId')}</th>
            <th scope="col">{t('plan.zoneName')}</th>
            <th scope="col">{t('plan.county')}</th>
            <th scope="col">{t('plan.mineral')}</th>
            <th scope="col" class="num">{t('plan.areaKm2')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={T.zones}>
            {(z) => (
              <tr>
                <th scope="row">{z.id}</th>
                <td>{z.name}</td>
                <td>{unitName(z.unit, z.unitText)}</td>
                <td>{mineralName(z.mineral, z.mineralText)}</td>
                <Fig value={fmtNum(z.areaKm2)} source={T.source} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Policy(props: { d: Dataset }) {
  const P = props.d.policy;
  const items = [
    { key: 'maxMinesTotal', fig: P.maxMinesTotal, value: fmtNum(P.maxMinesTotal.value, 0) },
    { key: 'maxClass12', fig: P.maxClass12, value: fmtNum(P.maxClass12.value, 0) },
    { key: 'maxClass3', fig: P.maxClass3, value: fmtNum(P.maxClass3.value, 0) },
    { key: 'minLargeMediumShare', fig: P.minLargeMediumShare, value: `${fmtNum(P.minLargeMediumShare.value * 100, 0)}%` },
  ];
  return (
    <PlanSection id="policy" source="" findings={[]}>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('plan.indicator')}</th>
            <th scope="col" class="num">{t('plan.value')}</th>
            <th scope="col">{t('plan.source')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={items}>
            {(i) => (
              <tr>
                <th scope="row">{t(`plan.policy.${i.key}`)}</th>
                <Fig value={i.value} source={i.fig.source} />
                <td class="source-text">{i.fig.source}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function assumptionText(v: unknown): string {
  if (typeof v === 'number') return fmtNum(v, 4);
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => (typeof x === 'number' ? `${k} ${fmtNum(x, 4)}` : `${k}: {${assumptionText(x)}}`))
      .join(', ');
  return String(v);
}

function Assumptions(props: { d: Dataset }) {
  return (
    <PlanSection id="assumptions" source="" findings={[]} note={<p class="note">{t('plan.assumptionsNote')}</p>}>
      <table class="grid assumptions">
        <thead>
          <tr>
            <th scope="col">{t('plan.assumption')}</th>
            <th scope="col">{t('plan.value')}</th>
            <th scope="col">{t('plan.unit')}</th>
            <th scope="col">{t('plan.reason')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.d.assumptions}>
            {(a) => (
              <tr>
                <th scope="row">
                  {labelOf(a.label, lang())}
                  <div class="muted mono">{a.id}</div>
                </th>
                <td class="assumption-value">{assumptionText(a.value)}</td>
                <td>{a.unit}</td>
                <td class="reason">
                  {a.reason}
                  <Show when={a.source}>
                    <div class="muted">{t('plan.sourceIs', { source: a.source ?? '' })}</div>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </PlanSection>
  );
}

function Units(props: { d: Dataset }) {
  return (
    <PlanSection id="units" source="" findings={[]}>
      <div class="two-col even">
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">{t('plan.county')}</th>
              <th scope="col">{t('plan.planColumn')}</th>
              <th scope="col" class="num">{t('plan.seat')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.d.units}>
              {(u) => (
                <tr>
                  <th scope="row">
                    {labelOf(u.name, lang())}
                    <Show when={u.covers}>
                      <div class="muted">{u.covers}</div>
                    </Show>
                  </th>
                  <td>{u.planColumn}</td>
                  <td class="num">
                    {u.seat.lat.toFixed(3)}, {u.seat.lon.toFixed(3)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">{t('plan.mineral')}</th>
              <th scope="col">{t('plan.unit')}</th>
              <th scope="col">{t('plan.rightsClass')}</th>
              <th scope="col">{t('plan.restricted')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.d.minerals}>
              {(m) => (
                <tr>
                  <th scope="row">{labelOf(m.name, lang())}</th>
                  <td>{m.unit}</td>
                  <td>{t(`plan.class.${m.rightsClass}`)}</td>
                  <td class="reason">{m.restricted ? `${m.restricted.source}: ${m.restricted.note}` : ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </PlanSection>
  );
}
