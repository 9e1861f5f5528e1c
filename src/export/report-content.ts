/**
 * What the report says, resolved to one language and free of any output
 * format: sections of headings, paragraphs, tables (header row, body rows,
 * total rows) and chart specs. The printable HTML page (report.ts) and the
 * Word document (docx.ts) both render this, so the two cannot drift apart.
 * Pure: Node and browser alike.
 */
import type { Dataset } from '../domain/dataset';
import { fieldLabel } from '../domain/field-labels';
import type { Lang } from '../domain/label';
import type { Scenario } from '../domain/scenario';
import { hasSolution, type SolveReport } from '../model/report';
import { countyMapChart, defaultMapMetric, resultsCharts, type ChartSpec } from '../present/charts/options';
import { bindingWorth, familyText, fmtKpiValue, kpiLabel, planKpis, relaxationText, reportMinerals, shareShortfallText, solveStatusLine, solveStatusText, statusText, tieBreakText, unitText, type KpiStatus } from '../present/kpis';
import { clean, fmt, fmtPct, fmtSig, mineralName, mineralUnit } from '../present/names';
import { countyRows, demandRows, flowRows, minesByClass, zoneRows, type CountyRow } from '../present/rows';
import { flattenScenario } from './scenario';
import { presentTr } from '../present/words';

export interface ReportOptions {
  now?: Date;
  /** draw charts (default true); false gives tables only */
  charts?: boolean;
  /** extra charts drawn by the caller (e.g. the county map on the planner's boundary file) */
  extraCharts?: ChartSpec[];
}

/** A piece of text; `code` marks a machine name (a constraint, a scenario key) set apart from the prose. */
export interface Run {
  text: string;
  code?: boolean;
}

export interface Cell {
  runs: Run[];
  /** a figure: right-aligned */
  num?: boolean;
  /** the row's name */
  head?: boolean;
  /** a KPI status, drawn in its colour */
  status?: KpiStatus;
}

export interface TableBlock {
  kind: 'table';
  /** column names; none for a key–value table (the run's provenance) */
  header?: string[];
  rows: Cell[][];
  /** total rows, set apart below the body */
  foot?: Cell[][];
}

export type ParagraphStyle = 'warning' | 'note' | 'footer';

export type Block =
  | TableBlock
  /** `lines` break within one paragraph */
  | { kind: 'paragraph'; lines: string[]; style?: ParagraphStyle }
  | { kind: 'list'; items: Run[][] }
  | { kind: 'chart'; spec: ChartSpec; width: number; height: number };

export type SectionId = 'run' | 'explanation' | 'kpis' | 'counties' | 'demand' | 'flows' | 'charts' | 'zones' | 'binding' | 'scenario' | 'footer';

export interface Section {
  id: SectionId;
  heading?: string;
  blocks: Block[];
  /** set apart as a warning (the infeasibility explanation) */
  alert?: boolean;
}

export interface ReportContent {
  lang: Lang;
  title: string;
  /** the print button of the HTML page */
  printLabel: string;
  sections: Section[];
}

const text = (s: string): Cell => ({ runs: [{ text: s }] });
const head = (s: string): Cell => ({ runs: [{ text: s }], head: true });
const numCell = (s: string): Cell => ({ runs: [{ text: s }], num: true });
const para = (line: string, style?: ParagraphStyle): Block => ({ kind: 'paragraph', lines: [line], ...(style ? { style } : {}) });

/** A change with its sign: +12.5, −3, 0. */
function signed(x: number | null, lang: Lang): string {
  if (x === null) return '—';
  const s = fmt(Math.abs(x), lang);
  if (s === fmt(0, lang)) return s;
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

const CHART_WIDTH = 720;

export function reportContent(report: SolveReport, dataset: Dataset, scenario: Scenario, lang: Lang, options: ReportOptions = {}): ReportContent {
  const tr = presentTr(lang);
  const num = (x: number | null, digits = 2) => numCell(fmt(x, lang, digits));
  const now = options.now ?? new Date();
  const sections: Section[] = [];
  const table = (header: string[], rows: Cell[][], foot?: Cell[][]): TableBlock => ({ kind: 'table', header, rows, ...(foot ? { foot } : {}) });

  const meta: [string, string][] = [
    [tr('export.run.scenario'), scenario.name],
    ...(scenario.description ? [[tr('export.run.description'), scenario.description] as [string, string]] : []),
    [tr('export.run.model'), `${dataset.name[lang]} (${dataset.id} ${dataset.version})`],
    [tr('export.run.modelVersion'), report.modelVersion],
    [tr('export.run.status'), solveStatusLine(report, lang)],
    ...(hasSolution(report) ? [[tr('export.run.tieBreak'), tieBreakText(report, lang)] as [string, string]] : []),
    [tr('export.run.objective'), hasSolution(report) && report.objective !== null ? fmt(report.objective, lang, 4) : '—'],
    [tr('export.run.solveTime'), fmt(report.solveTimeMs, lang, 0)],
    [tr('export.run.size'), `${report.size.variables} / ${report.size.integers} / ${report.size.constraints}`],
  ];
  const run: Section = { id: 'run', blocks: [{ kind: 'table', rows: meta.map(([k, v]) => [text(k), text(v)]) }] };
  sections.push(run);

  if (report.status === 'infeasible') {
    sections.push({
      id: 'explanation',
      heading: tr('export.report.explanation'),
      alert: true,
      blocks: [
        report.explanation.length
          ? { kind: 'list', items: report.explanation.map((r) => [{ text: `${relaxationText(r, lang)} ` }, { text: r.constraint, code: true }]) }
          : para(tr('export.report.noExplanation')),
      ],
    });
  } else if (!hasSolution(report)) {
    run.blocks.push(para(tr('export.report.noSolution', { status: solveStatusText(report.status, lang) })));
  } else {
    const kpis = planKpis(report, dataset);
    const shortfall = shareShortfallText(report, lang);
    sections.push({
      id: 'kpis',
      heading: tr('export.report.kpis'),
      blocks: [
        table(
          [tr('export.col.indicator'), tr('export.col.value'), tr('export.col.limit'), tr('export.col.unit'), tr('export.col.ratio'), tr('export.col.status')],
          kpis.map((k) => [
            head(kpiLabel(k, dataset, lang)),
            numCell(fmtKpiValue(k.value, k.unit, lang)),
            numCell(`${k.kind === 'max' ? '≤' : '≥'} ${fmtKpiValue(k.limit, k.unit, lang)}`),
            text(unitText(k.unit, lang)),
            numCell(k.unit === 'share' ? '' : fmtPct(k.ratio, lang)),
            { runs: [{ text: statusText(k.status, k.kind, lang) }], status: k.status },
          ]),
        ),
        ...(shortfall ? [para(shortfall, 'warning')] : []),
      ],
    });

    const by = minesByClass(report);
    const rows = countyRows(report, dataset, lang);
    const ranges = report.ranges !== undefined;
    // An end not proven within the time limit is marked * and explained under the table.
    const rangeCell = (x: number | null, proven: boolean) => numCell(x === null ? '—' : `${fmt(x, lang)}${proven ? '' : '*'}`);
    const rangeCells = (r: CountyRow): Cell[] => {
      if (!ranges) return [];
      const g = report.ranges?.find((x) => x.county === r.countyId && x.mineral === r.mineralId);
      return [rangeCell(r.rangeMin, g?.minProven !== false), rangeCell(r.rangeMax, g?.maxProven !== false)];
    };
    const sum = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : clean(xs.reduce<number>((a, x) => a + (x ?? 0), 0)));
    sections.push({
      id: 'counties',
      heading: tr('export.report.counties'),
      blocks: [
        table(
          [
            tr('export.col.county'), tr('export.col.mineral'), tr('export.col.volume'), tr('export.col.output2020'), tr('export.col.change'), tr('export.col.unit'),
            tr('export.col.rights2020'), tr('export.col.large'), tr('export.col.medium'), tr('export.col.small'), tr('export.col.minesTotal'),
            ...(ranges ? [tr('export.col.rangeMin'), tr('export.col.rangeMax')] : []),
          ],
          rows.map((r) => [
            head(r.county), text(r.mineral), num(r.volume), num(r.output2020), numCell(signed(r.change, lang)), text(r.unit),
            num(r.rights2020, 0), num(r.large, 0), num(r.medium, 0), num(r.small, 0), num(r.minesTotal, 0), ...rangeCells(r),
          ]),
          reportMinerals(report, dataset).map((m) => {
            const c = by[m] ?? { large: 0, medium: 0, small: 0 };
            const mine = rows.filter((r) => r.mineralId === m);
            const output2020 = sum(mine.map((r) => r.output2020));
            const volume = report.totals[m]?.volume ?? 0;
            return [
              head(tr('export.report.total')),
              text(mineralName(dataset, m, lang)),
              num(volume),
              num(output2020),
              numCell(signed(output2020 === null ? null : clean(volume - output2020), lang)),
              text(mineralUnit(dataset, m, lang, report.totals[m]?.unit ?? '')),
              num(sum(mine.map((r) => r.rights2020)), 0),
              num(c.large, 0),
              num(c.medium, 0),
              num(c.small, 0),
              num(c.large + c.medium + c.small, 0),
              ...(ranges ? [text(''), text('')] : []),
            ];
          }),
        ),
        ...(ranges
          ? [tr('export.range.meaning'), ...rows.filter((r) => r.rangeNote).map((r) => `* ${r.county} ${r.mineral}: ${r.rangeNote}`)].map((n) => para(n, 'note'))
          : []),
      ],
    });

    const demand = demandRows(report, dataset, lang);
    if (demand.length)
      sections.push({
        id: 'demand',
        heading: tr('export.sheet.demand'),
        blocks: [
          table(
            [tr('export.col.county'), tr('export.col.mineral'), tr('export.col.demand'), tr('export.col.supplied'), tr('export.col.unmet'), tr('export.col.unit')],
            demand.map((x) => [head(x.county), text(x.mineral), num(x.demand), num(x.supplied), num(x.unmet), text(x.unit)]),
          ),
        ],
      });
    if (report.flows !== undefined) {
      const flows = flowRows(report, dataset, lang);
      sections.push({
        id: 'flows',
        heading: tr('export.sheet.flows'),
        blocks: [
          ...(flows.length
            ? [
                table(
                  [tr('export.col.from'), tr('export.col.to'), tr('export.col.mineral'), tr('export.col.amount'), tr('export.col.unit'), tr('export.col.km')],
                  flows.map((f) => [head(f.from), text(f.to), text(f.mineral), num(f.amount, f.amount < 0.01 ? 6 : 2), text(f.unit), num(f.km, 0)]),
                ),
              ]
            : []),
          para(flows.length ? tr('export.flows.note') : tr('export.flows.none'), 'note'),
        ],
      });
    }

    if (options.charts !== false) {
      const specs = [
        ...resultsCharts(report, dataset, lang, true),
        countyMapChart(report, dataset, lang, { metric: defaultMapMetric(report, dataset), print: true }),
        ...(options.extraCharts ?? []),
      ];
      sections.push({ id: 'charts', heading: tr('export.report.charts'), blocks: specs.map((spec) => ({ kind: 'chart', spec, width: CHART_WIDTH, height: spec.height ?? 360 })) });
    }

    sections.push({
      id: 'zones',
      heading: tr('export.report.zones'),
      blocks: [
        table(
          [tr('export.col.zone'), tr('export.col.zoneName'), tr('export.col.county'), tr('export.col.mineral'), tr('export.col.volume'), tr('export.col.unit'), tr('export.col.mines'), tr('export.col.capacityUse'), tr('export.col.excluded')],
          zoneRows(report, dataset, lang).map((z) => [
            head(z.zoneId),
            text(z.zoneName),
            text(z.county),
            text(z.mineral),
            num(z.volume),
            text(z.unit),
            num(z.mines, 0),
            numCell(fmtPct(z.capacityUse, lang)),
            text(tr(z.excluded ? 'export.yes' : 'export.no')),
          ]),
        ),
      ],
    });

    if (report.binding.length)
      sections.push({
        id: 'binding',
        heading: tr('export.report.binding'),
        blocks: [
          table(
            [tr('export.col.constraint'), tr('export.col.family'), tr('export.report.slack'), tr('export.report.dual'), tr('export.report.worth')],
            report.binding.map((b) => [
              { runs: [{ text: `${tr(b.label.key, b.label.params)} ` }, { text: b.constraint, code: true }] },
              text(familyText(b.family, lang)),
              numCell(fmtSig(b.slack, lang)),
              numCell(b.dual === null ? '—' : fmtSig(b.dual, lang)),
              text(bindingWorth(b, lang)),
            ]),
          ),
        ],
      });
  }

  sections.push({
    id: 'scenario',
    heading: tr('export.sheet.scenario'),
    blocks: [table([tr('export.col.key'), tr('export.col.paramValue')], flattenScenario(scenario).map((p) => [text(fieldLabel(p.key, lang, dataset)), text(String(p.value))]))],
  });
  sections.push({
    id: 'footer',
    blocks: [
      {
        kind: 'paragraph',
        style: 'footer',
        lines: [tr('export.run.defaultsNote'), tr('export.report.footer', { source: dataset.sourceDocument, version: report.modelVersion, date: now.toISOString().slice(0, 16).replace('T', ' ') })],
      },
    ],
  });

  return { lang, title: tr('export.report.title', { scenario: scenario.name }), printLabel: tr('export.report.print'), sections };
}
