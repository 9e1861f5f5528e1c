/**
 * The printable report: one self-contained HTML page (inline CSS, charts as
 * inline SVG rendered without a DOM) with the run's provenance, KPIs against
 * targets, county quotas, charts, zones and binding constraints — or, for an
 * infeasible scenario, the relaxations that would make it feasible. Pure:
 * the same page is produced in Node (CLI, tests) and in the browser.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from '../model/report';
import { renderSvg } from '../ui/charts/echarts';
import { countyMapChart, defaultMapMetric, resultsCharts, type ChartSpec } from '../ui/charts/options';
import exportDict from '../ui/i18n/dict/export';
import { bindingWorth, familyText, fmtKpiValue, hasSolution, kpiLabel, planKpis, relaxationText, reportMinerals, shareShortfallText, solveStatusLine, solveStatusText, statusText, tieBreakText, unitText } from './kpis';
import { clean, fmt, fmtPct, fmtSig, mineralName, mineralUnit } from './names';
import { countyRows, demandRows, flowRows, minesByClass, zoneRows, type CountyRow } from './rows';
import { flattenScenario } from './scenario';
import { translatorFor } from './tr';

export interface ReportOptions {
  now?: Date;
  /** draw charts (default true); false gives tables only */
  charts?: boolean;
  /** extra charts drawn by the caller (e.g. the county map on the planner's boundary file) */
  extraCharts?: ChartSpec[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const PRINT_CSS = `
body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; margin: 2em; color: #111; font-size: 11pt; }
h1 { font-size: 17pt; margin: 0 0 0.3em; } h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 0.3em 0 1em; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 2px 6px; vertical-align: top; }
thead th { background: #e8edf6; } tbody th, tfoot th { text-align: left; font-weight: 600; } tfoot th, tfoot td { background: #f2f2f2; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta td:first-child { font-weight: 600; white-space: nowrap; }
.status { white-space: nowrap; padding: 0 4px; border: 1px solid #999; }
.status-ok { background: #e2f0d9; } .status-near { background: #fff2cc; } .status-at { background: #f8cbad; }
.status-over, .status-under { background: #8b1e1e; color: #fff; }
.chart { page-break-inside: avoid; margin: 0.5em 0; } .chart svg { max-width: 100%; height: auto; }
.explanation { border: 2px solid #8b1e1e; padding: 0.5em 1em; }
.warning { border-left: 4px solid #8b1e1e; padding: 0.2em 0.8em; } .note { color: #333; font-size: 9.5pt; }
code { font-size: 8.5pt; color: #555; }
.toolbar { margin-bottom: 1em; } .footer { margin-top: 2em; color: #555; font-size: 9pt; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; } .toolbar { display: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
`;

type Cell = string | { html: string } | { num: string } | { head: string };

function table(headers: string[], rows: Cell[][], foot: Cell[][] = [], cls = ''): string {
  const cell = (c: Cell) => {
    if (typeof c === 'string') return `<td>${escapeHtml(c)}</td>`;
    if ('html' in c) return `<td>${c.html}</td>`;
    if ('head' in c) return `<th scope="row">${escapeHtml(c.head)}</th>`;
    return `<td class="num">${escapeHtml(c.num)}</td>`;
  };
  return (
    `<table class="${cls}"><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('')}</tbody>` +
    (foot.length ? `<tfoot>${foot.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('')}</tfoot>` : '') +
    `</table>`
  );
}

/** A change with its sign: +12.5, −3, 0. */
function signed(x: number | null, lang: Lang): string {
  if (x === null) return '—';
  const s = fmt(Math.abs(x), lang);
  if (s === fmt(0, lang)) return s;
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

export function reportHtml(report: SolveReport, dataset: Dataset, scenario: Scenario, lang: Lang, options: ReportOptions = {}): string {
  const tr = translatorFor(exportDict, lang);
  const num = (x: number | null, digits = 2) => ({ num: fmt(x, lang, digits) });
  const now = options.now ?? new Date();
  const parts: string[] = [];
  const title = tr('export.report.title', { scenario: scenario.name });

  parts.push(`<div class="toolbar"><button type="button" onclick="window.print()">${escapeHtml(tr('export.report.print'))}</button></div>`);
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
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
  parts.push(`<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`);

  if (report.status === 'infeasible') {
    parts.push(`<section class="explanation"><h2>${escapeHtml(tr('export.report.explanation'))}</h2>`);
    parts.push(
      report.explanation.length
        ? `<ol>${report.explanation.map((r) => `<li>${escapeHtml(relaxationText(r, lang))} <code>${escapeHtml(r.constraint)}</code></li>`).join('')}</ol>`
        : `<p>${escapeHtml(tr('export.report.noExplanation'))}</p>`,
    );
    parts.push(`</section>`);
  } else if (!hasSolution(report)) {
    parts.push(`<p>${escapeHtml(tr('export.report.noSolution', { status: solveStatusText(report.status, lang) }))}</p>`);
  } else {
    const kpis = planKpis(report, dataset);
    parts.push(`<h2>${escapeHtml(tr('export.report.kpis'))}</h2>`);
    parts.push(
      table(
        [tr('export.col.indicator'), tr('export.col.value'), tr('export.col.limit'), tr('export.col.unit'), tr('export.col.ratio'), tr('export.col.status')],
        kpis.map((k) => [
          { head: kpiLabel(k, dataset, lang) },
          { num: fmtKpiValue(k.value, k.unit, lang) },
          { num: `${k.kind === 'max' ? '≤' : '≥'} ${fmtKpiValue(k.limit, k.unit, lang)}` },
          unitText(k.unit, lang),
          { num: k.unit === 'share' ? '' : fmtPct(k.ratio, lang) },
          { html: `<span class="status status-${k.status}">${escapeHtml(statusText(k.status, k.kind, lang))}</span>` },
        ]),
      ),
    );
    const shortfall = shareShortfallText(report, lang);
    if (shortfall) parts.push(`<p class="warning">${escapeHtml(shortfall)}</p>`);

    const by = minesByClass(report);
    const rows = countyRows(report, dataset, lang);
    const ranges = report.ranges !== undefined;
    // An end not proven within the time limit is marked * and explained under the table.
    const rangeCell = (x: number | null, proven: boolean) => ({ num: x === null ? '—' : `${fmt(x, lang)}${proven ? '' : '*'}` });
    const rangeCells = (r: CountyRow): Cell[] => {
      if (!ranges) return [];
      const g = report.ranges?.find((x) => x.county === r.countyId && x.mineral === r.mineralId);
      return [rangeCell(r.rangeMin, g?.minProven !== false), rangeCell(r.rangeMax, g?.maxProven !== false)];
    };
    const sum = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : clean(xs.reduce<number>((a, x) => a + (x ?? 0), 0)));
    parts.push(`<h2>${escapeHtml(tr('export.report.counties'))}</h2>`);
    parts.push(
      table(
        [
          tr('export.col.county'), tr('export.col.mineral'), tr('export.col.volume'), tr('export.col.output2020'), tr('export.col.change'), tr('export.col.unit'),
          tr('export.col.rights2020'), tr('export.col.large'), tr('export.col.medium'), tr('export.col.small'), tr('export.col.minesTotal'),
          ...(ranges ? [tr('export.col.rangeMin'), tr('export.col.rangeMax')] : []),
        ],
        rows.map((r) => [
          { head: r.county }, r.mineral, num(r.volume), num(r.output2020), { num: signed(r.change, lang) }, r.unit,
          num(r.rights2020, 0), num(r.large, 0), num(r.medium, 0), num(r.small, 0), num(r.minesTotal, 0), ...rangeCells(r),
        ]),
        reportMinerals(report, dataset).map((m) => {
          const c = by[m] ?? { large: 0, medium: 0, small: 0 };
          const mine = rows.filter((r) => r.mineralId === m);
          const output2020 = sum(mine.map((r) => r.output2020));
          const volume = report.totals[m]?.volume ?? 0;
          return [
            { head: tr('export.report.total') },
            mineralName(dataset, m, lang),
            num(volume),
            num(output2020),
            { num: signed(output2020 === null ? null : clean(volume - output2020), lang) },
            mineralUnit(dataset, m, report.totals[m]?.unit ?? ''),
            num(sum(mine.map((r) => r.rights2020)), 0),
            num(c.large, 0),
            num(c.medium, 0),
            num(c.small, 0),
            num(c.large + c.medium + c.small, 0),
            ...(ranges ? ['', ''] : []),
          ];
        }),
      ),
    );
    if (ranges) {
      const notes = [tr('export.range.meaning'), ...rows.filter((r) => r.rangeNote).map((r) => `* ${r.county} ${r.mineral}: ${r.rangeNote}`)];
      parts.push(notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join(''));
    }

    const demand = demandRows(report, dataset, lang);
    if (demand.length) {
      parts.push(`<h2>${escapeHtml(tr('export.sheet.demand'))}</h2>`);
      parts.push(
        table(
          [tr('export.col.county'), tr('export.col.mineral'), tr('export.col.demand'), tr('export.col.supplied'), tr('export.col.unmet'), tr('export.col.unit')],
          demand.map((x) => [{ head: x.county }, x.mineral, num(x.demand), num(x.supplied), num(x.unmet), x.unit]),
        ),
      );
    }
    if (report.flows !== undefined) {
      const flows = flowRows(report, dataset, lang);
      parts.push(`<h2>${escapeHtml(tr('export.sheet.flows'))}</h2>`);
      if (flows.length)
        parts.push(
          table(
            [tr('export.col.from'), tr('export.col.to'), tr('export.col.mineral'), tr('export.col.amount'), tr('export.col.unit'), tr('export.col.km')],
            flows.map((f) => [{ head: f.from }, f.to, f.mineral, num(f.amount, f.amount < 0.01 ? 6 : 2), f.unit, num(f.km, 0)]),
          ),
        );
      parts.push(`<p class="note">${escapeHtml(flows.length ? tr('export.flows.note') : tr('export.flows.none'))}</p>`);
    }

    if (options.charts !== false) {
      const specs = [
        ...resultsCharts(report, dataset, lang, true),
        countyMapChart(report, dataset, lang, { metric: defaultMapMetric(report, dataset), print: true }),
        ...(options.extraCharts ?? []),
      ];
      const svgs = specs.map((s) => ({ s, svg: renderSvg(s.option, 720, s.height ?? 360) })).filter((x) => x.svg !== null);
      if (svgs.length) {
        parts.push(`<h2>${escapeHtml(tr('export.report.charts'))}</h2>`);
        // The SVG is ECharts' own output from our option; texts inside it are escaped by ECharts.
        for (const { s, svg } of svgs) parts.push(`<figure class="chart" aria-label="${escapeHtml(s.title)}">${svg}</figure>`);
      }
    }

    parts.push(`<h2>${escapeHtml(tr('export.report.zones'))}</h2>`);
    parts.push(
      table(
        [tr('export.col.zone'), tr('export.col.zoneName'), tr('export.col.county'), tr('export.col.mineral'), tr('export.col.volume'), tr('export.col.unit'), tr('export.col.mines'), tr('export.col.capacityUse'), tr('export.col.excluded')],
        zoneRows(report, dataset, lang).map((z) => [
          { head: z.zoneId },
          z.zoneName,
          z.county,
          z.mineral,
          num(z.volume),
          z.unit,
          num(z.mines, 0),
          { num: fmtPct(z.capacityUse, lang) },
          tr(z.excluded ? 'export.yes' : 'export.no'),
        ]),
      ),
    );

    if (report.binding.length) {
      parts.push(`<h2>${escapeHtml(tr('export.report.binding'))}</h2>`);
      parts.push(
        table(
          [tr('export.col.constraint'), tr('export.col.family'), tr('export.report.slack'), tr('export.report.dual'), tr('export.report.worth')],
          report.binding.map((b) => [
            { html: `${escapeHtml(b.label[lang])} <code>${escapeHtml(b.constraint)}</code>` },
            familyText(b.family, lang),
            { num: fmtSig(b.slack, lang) },
            { num: b.dual === null ? '—' : fmtSig(b.dual, lang) },
            bindingWorth(b, lang),
          ]),
        ),
      );
    }
  }

  parts.push(`<h2>${escapeHtml(tr('export.sheet.scenario'))}</h2>`);
  parts.push(
    table(
      [tr('export.col.key'), tr('export.col.paramValue')],
      flattenScenario(scenario).map((p) => [{ html: `<code>${escapeHtml(p.key)}</code>` }, String(p.value)]),
    ),
  );
  parts.push(`<p class="footer">${escapeHtml(tr('export.run.defaultsNote'))}<br>${escapeHtml(tr('export.report.footer', { source: dataset.sourceDocument, version: report.modelVersion, date: now.toISOString().slice(0, 16).replace('T', ' ') }))}</p>`);

  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
