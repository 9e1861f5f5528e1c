/**
 * The plan as the model holds it: every table with its source (专栏N), the
 * policy figures with the text they come from, and the model's assumptions
 * with their reasons. The data audit's findings sit beside the tables they
 * concern; a flagged row or cell carries the finding's number and is
 * described by it for screen readers.
 */
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
import { auditDataset, type Finding } from '../../domain/audit';
import { SIZE_CLASSES, type Dataset, type RightsClass } from '../../domain/dataset';
import { labelOf } from '../../domain/label';
import { planUnitLabel, unitLabel } from '../../domain/units';
import { asHeading, fmt, zoneCountyName, zoneMineralName } from '../../present/names';
import { lang, t } from '../i18n';
import { focusSection, href, route } from '../shell/router';
import { dataset } from '../state/model';
import { label, Table, type Column } from '../table/Table';

interface Numbered {
  n: number;
  finding: Finding;
}

const SECTIONS = ['table4', 'table5', 'table6', 'table11', 'table20', 'table21', 'table22', 'table23', 'policy', 'assumptions', 'units'] as const;
type Section = (typeof SECTIONS)[number];

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
      <RowTable id="table4" d={d} findings={forTable(d.table4.source)} />
      <Table5 d={d} findings={forTable(d.table5.source)} />
      <RowTable id="table6" d={d} findings={forTable(d.table6.source)} />
      <RowTable id="table11" d={d} findings={forTable(d.table11.source)} />
      <RowTable id="table20" d={d} findings={forTable(d.table20.source)} />
      <RowTable id="table21" d={d} findings={forTable(d.table21.source)} />
      <RowTable id="table22" d={d} findings={forTable(d.table22.source)} />
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
                    <span class="kind">{t(`plan.kind.${f.finding.kind}`)}</span> {t(f.finding.said.key, f.finding.said.params)}
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
/** The plan tables of named rows that ROW_TABLES describes. */
type RowTableId = 'table4' | 'table6' | 'table11' | 'table20' | 'table21' | 'table22';
type RowOf<K extends RowTableId> = Dataset[K]['rows'][number];

/** A row of a plan table, named by its printed name; `mineral` null is a mineral outside the model. */
type PlanRow = { planName: string; mineral?: string | null };

function textColumn<R>(header: () => JSX.Element, text: (r: R) => JSX.Element, tdClass?: string): Column<R> {
  return { header, cell: (r) => <td class={tdClass}>{text(r)}</td> };
}

/** The row's name, and under it in muted text what qualifies it, when there is anything. */
function nameColumn<R>(header: () => JSX.Element, name: (r: R) => string, detail: (r: R) => string | undefined, detailClass = 'muted'): Column<R> {
  return {
    header,
    cell: (r) => (
      <th scope="row">
        {name(r)}
        <Show when={detail(r)}>
          <div class={detailClass}>{detail(r)}</div>
        </Show>
      </th>
    ),
  };
}

/** Figure columns of one plan table: cells carry its source and, where the audit checks them, its findings. */
function figColumns(props: TableProps, source: string) {
  /** `auditColumn` is the column's name in findings, for the figures the audit checks */
  return <R extends PlanRow>(header: () => JSX.Element, value: (r: R) => JSX.Element, auditColumn?: string, figClass?: string): Column<R> => ({
    header,
    num: true,
    cell: (r) => (
      <Fig value={value(r)} source={source} class={figClass} flags={auditColumn === undefined ? undefined : flags(props.findings, source, r.planName, auditColumn)} />
    ),
  });
}

type FigColumn = ReturnType<typeof figColumns>;

/**
 * A plan table of named rows in its section: the printed name (with the
 * model's mineral beside it) first, then `columns`; rows of minerals outside
 * the model are marked.
 */
function PlanRowsTable<R extends PlanRow>(
  props: TableProps & {
    id: Section;
    source: string;
    rows: readonly R[];
    columns: (fig: FigColumn) => Column<R>[];
    class?: string;
    rowClasses?: (row: R) => Record<string, boolean>;
    note?: JSX.Element;
    children?: JSX.Element;
  },
) {
  const name: Column<R> = {
    header: label('plan.planName'),
    cell: (r) => <RowName name={r.planName} source={props.source} findings={props.findings} mineral={r.mineral} d={props.d} />,
  };
  return (
    <PlanSection id={props.id} source={props.source} findings={props.findings} note={props.note}>
      <Table<R>
        class={props.class ?? 'grid'}
        rows={props.rows}
        rowProps={(r) => ({ classList: { ...props.rowClasses?.(r), outside: r.mineral === null } })}
        columns={[name, ...props.columns(figColumns(props, props.source))]}
      >
        {props.children}
      </Table>
    </PlanSection>
  );
}

function Table5(props: TableProps) {
  const T = props.d.table5;
  const unitName = (id: string) => {
    const u = props.d.units.find((x) => x.id === id);
    return u ? (lang() === 'zh' ? u.planColumn : labelOf(u.name, 'en').replace(/ (County|City)$/, '')) : id;
  };
  type Line = PlanRow & { counts: Record<string, number>; total: number; rightsClass?: RightsClass; line?: 'subtotal' | 'grand-total' };
  const lines: Line[] = [...T.rows, ...T.subtotals.map((r) => ({ ...r, line: 'subtotal' as const })), { ...T.total, line: 'grand-total' as const }];
  return (
    <PlanRowsTable<Line>
      {...props}
      id="table5"
      source={T.source}
      rows={lines}
      rowClasses={(r) => ({ subtotal: r.line === 'subtotal', 'grand-total': r.line === 'grand-total' })}
      columns={(fig) => [
        textColumn(label('plan.rightsClass'), (r) => (r.rightsClass ? t(`plan.class.${r.rightsClass}`) : '')),
        ...T.columns.map((c) => fig<Line>(() => unitName(c), (r) => r.counts[c] ?? '—', c)),
        fig(label('plan.total'), (r) => r.total, 'total', 'total'),
      ]}
    />
  );
}

/** What sets one plan table of named rows apart: its columns after the name, and what it shows besides. */
interface RowTableSpec<K extends RowTableId> {
  columns: (fig: FigColumn) => Column<RowOf<K>>[];
  class?: string;
  note?: (T: Dataset[K]) => JSX.Element;
  /** rows after the table's rows that do not follow its columns */
  after?: (props: TableProps) => JSX.Element;
}

const unitTextColumn = <R extends { unitText: string }>() => textColumn<R>(label('plan.unitText'), (r) => planUnitLabel(r.unitText, lang()));

const ROW_TABLES: { [K in RowTableId]: RowTableSpec<K> } = {
  table4: {
    columns: (fig) => [
      unitTextColumn(),
      fig(label('plan.deposits'), (r) => r.deposits),
      fig(label('plan.reserve'), (r) => fmt(r.reserve, lang()), 'reserve'),
      fig(label('plan.cumulative'), (r) => fmt(r.cumulative, lang()), 'cumulative'),
    ],
  },
  table6: {
    columns: (fig) => [
      fig(label('plan.producingMines'), (r) => r.mines),
      unitTextColumn(),
      fig(label('plan.output2020'), (r) => fmt(r.output, lang())),
      fig(label('plan.value2020'), (r) => fmt(r.value, lang())),
    ],
    after: (props) => {
      const T = props.d.table6;
      return (
        <tr class="grand-total">
          <RowName name={T.total.planName} source={T.source} findings={props.findings} d={props.d} />
          <Fig value={T.total.mines} source={T.source} flags={flags(props.findings, T.source, T.total.planName, 'mines')} />
          <td />
          <td />
          <Fig value={fmt(T.total.value, lang())} source={T.source} flags={flags(props.findings, T.source, T.total.planName, 'value')} />
        </tr>
      );
    },
  },
  table11: {
    note: (T) => <p class="note">{t('plan.shareNote', { pct: fmt(T.largeMediumShareMin * 100, lang(), 0), source: T.source })}</p>,
    columns: (fig) => [unitTextColumn(), fig(label('plan.target2025'), (r) => fmt(r.target, lang())), textColumn(label('plan.attribute'), (r) => r.attribute)],
  },
  table20: {
    columns: (fig) => [unitTextColumn(), fig(label('plan.output2020'), (r) => fmt(r.output2020, lang())), fig(label('plan.target2025'), (r) => fmt(r.target2025, lang()))],
  },
  table21: {
    columns: (fig) => [
      unitTextColumn(),
      ...SIZE_CLASSES.map((k) => fig<RowOf<'table21'>>(() => asHeading(t(`size.${k}`)), (r) => fmt(r[k], lang()))),
      fig(label('plan.minServiceYears'), (r) => fmt(r.minServiceYears, lang())),
      textColumn(label('plan.printed'), (r) => r.printed ?? '', 'muted'),
    ],
  },
  table22: {
    class: 'grid narrow',
    note: (T) => <p class="note">{t('plan.statedTotal', { value: T.statedTotal.value, source: T.statedTotal.source })}</p>,
    columns: (fig) => [fig(label('plan.blocks'), (r) => r.blocks)],
  },
};

/** A plan table of named rows as ROW_TABLES describes it. */
function RowTable<K extends RowTableId>(props: TableProps & { id: K }) {
  const T = props.d[props.id];
  const spec = ROW_TABLES[props.id];
  return (
    <PlanRowsTable<RowOf<K>> {...props} source={T.source} rows={T.rows} class={spec.class} note={spec.note?.(T)} columns={spec.columns}>
      {spec.after?.(props)}
    </PlanRowsTable>
  );
}

function Table23(props: TableProps) {
  const T = props.d.table23;
  const total = () => T.zones.reduce((a, z) => a + z.areaKm2, 0);
  return (
    <PlanSection
      id="table23"
      source={T.source}
      findings={props.findings}
      note={<p class="note">{t('plan.statedCount', { value: T.statedCount.value, source: T.statedCount.source, n: T.zones.length, area: fmt(total(), lang()) })}</p>}
    >
      <Table<Dataset['table23']['zones'][number]>
        class="grid"
        rows={T.zones}
        columns={[
          { header: label('plan.zoneId'), cell: (z) => <th scope="row">{z.id}</th> },
          textColumn(label('plan.zoneName'), (z) => z.name),
          textColumn(label('plan.county'), (z) => zoneCountyName(props.d, z, lang())),
          textColumn(label('plan.mineral'), (z) => zoneMineralName(props.d, z, lang())),
          { header: label('plan.areaKm2'), num: true, cell: (z) => <Fig value={fmt(z.areaKm2, lang())} source={T.source} /> },
        ]}
      />
    </PlanSection>
  );
}

function Policy(props: { d: Dataset }) {
  const P = props.d.policy;
  const items = [
    { key: 'maxMinesTotal', fig: P.maxMinesTotal, value: fmt(P.maxMinesTotal.value, lang(), 0) },
    { key: 'maxClass12', fig: P.maxClass12, value: fmt(P.maxClass12.value, lang(), 0) },
    { key: 'maxClass3', fig: P.maxClass3, value: fmt(P.maxClass3.value, lang(), 0) },
    { key: 'minLargeMediumShare', fig: P.minLargeMediumShare, value: `${fmt(P.minLargeMediumShare.value * 100, lang(), 0)}%` },
  ] satisfies { key: keyof Dataset['policy']; fig: Dataset['policy'][keyof Dataset['policy']]; value: string }[];
  return (
    <PlanSection id="policy" source="" findings={[]}>
      <Table<(typeof items)[number]>
        class="grid"
        rows={items}
        columns={[
          { header: label('plan.indicator'), cell: (i) => <th scope="row">{t(`plan.policy.${i.key}`)}</th> },
          { header: label('plan.value'), num: true, cell: (i) => <Fig value={i.value} source={i.fig.source} /> },
          textColumn(label('plan.source'), (i) => i.fig.source, 'source-text'),
        ]}
      />
    </PlanSection>
  );
}

function assumptionText(v: unknown): string {
  if (typeof v === 'number') return fmt(v, lang(), 4);
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => (typeof x === 'number' ? `${k} ${fmt(x, lang(), 4)}` : `${k}: {${assumptionText(x)}}`))
      .join(', ');
  return String(v);
}

function Assumptions(props: { d: Dataset }) {
  return (
    <PlanSection id="assumptions" source="" findings={[]} note={<p class="note">{t('plan.assumptionsNote')}</p>}>
      <Table<Dataset['assumptions'][number]>
        class="grid assumptions"
        rows={props.d.assumptions}
        columns={[
          nameColumn(label('plan.assumption'), (a) => labelOf(a.label, lang()), (a) => a.id, 'muted mono'),
          textColumn(label('plan.value'), (a) => assumptionText(a.value), 'assumption-value'),
          textColumn(label('plan.unit'), (a) => unitLabel(a.unit, lang()), 'assumption-unit'),
          textColumn(
            label('plan.reason'),
            (a) => (
              <>
                {a.reason}
                <Show when={a.source}>
                  <div class="muted">{t('plan.sourceIs', { source: a.source ?? '' })}</div>
                </Show>
              </>
            ),
            'reason',
          ),
        ]}
      />
    </PlanSection>
  );
}

function Units(props: { d: Dataset }) {
  return (
    <PlanSection id="units" source="" findings={[]}>
      <div class="two-col even">
        <Table<Dataset['units'][number]>
          class="grid"
          rows={props.d.units}
          columns={[
            nameColumn(label('plan.county'), (u) => labelOf(u.name, lang()), (u) => u.covers),
            textColumn(label('plan.planColumn'), (u) => u.planColumn),
            { header: label('plan.seat'), num: true, cell: (u) => <td class="num">{u.seat.lat.toFixed(3)}, {u.seat.lon.toFixed(3)}</td> },
          ]}
        />
        <Table<Dataset['minerals'][number]>
          class="grid"
          rows={props.d.minerals}
          columns={[
            { header: label('plan.mineral'), cell: (m) => <th scope="row">{labelOf(m.name, lang())}</th> },
            textColumn(label('plan.unit'), (m) => unitLabel(m.unit, lang())),
            textColumn(label('plan.rightsClass'), (m) => t(`plan.class.${m.rightsClass}`)),
            textColumn(label('plan.restricted'), (m) => (m.restricted ? `${m.restricted.source}: ${m.restricted.note}` : ''), 'reason'),
          ]}
        />
      </div>
    </PlanSection>
  );
}
