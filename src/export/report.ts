/**
 * The printable report: one self-contained HTML page (inline CSS, charts as
 * inline SVG rendered without a DOM) with the run's provenance, KPIs against
 * targets, county quotas, charts, zones and binding constraints — or, for an
 * infeasible scenario, the relaxations that would make it feasible. Pure:
 * the same page is produced in Node (CLI, tests) and in the browser. What it
 * says comes from report-content.ts, which the Word report renders too.
 */
import type { Dataset } from '../domain/dataset';
import type { Lang } from '../domain/label';
import type { Scenario } from '../domain/scenario';
import type { SolveReport } from '../model/report';
import { renderSvg } from '../present/charts/echarts';
import { escapeHtml } from '../present/escape';
import { documentLanguage } from '../present/names';
import { reportContent, type Block, type Cell, type ReportOptions, type Run, type Section, type TableBlock } from './report-content';

export type { ReportOptions } from './report-content';

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

const runsHtml = (runs: Run[]) => runs.map((r) => (r.code ? `<code>${escapeHtml(r.text)}</code>` : escapeHtml(r.text))).join('');

function cellHtml(c: Cell): string {
  if (c.head) return `<th scope="row">${runsHtml(c.runs)}</th>`;
  if (c.num) return `<td class="num">${runsHtml(c.runs)}</td>`;
  if (c.status) return `<td><span class="status status-${c.status}">${runsHtml(c.runs)}</span></td>`;
  return `<td>${runsHtml(c.runs)}</td>`;
}

function tableHtml(t: TableBlock): string {
  const rows = (rs: Cell[][]) => rs.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('');
  if (!t.header) return `<table class="meta"><tbody>${rows(t.rows)}</tbody></table>`;
  return (
    `<table class=""><thead><tr>${t.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows(t.rows)}</tbody>` +
    (t.foot?.length ? `<tfoot>${rows(t.foot)}</tfoot>` : '') +
    `</table>`
  );
}

/** null: nothing to show (a chart ECharts could not draw). */
function blockHtml(b: Block): string | null {
  switch (b.kind) {
    case 'table':
      return tableHtml(b);
    case 'paragraph':
      return `<p${b.style ? ` class="${b.style}"` : ''}>${b.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'list':
      return `<ol>${b.items.map((runs) => `<li>${runsHtml(runs)}</li>`).join('')}</ol>`;
    case 'chart': {
      const svg = renderSvg(b.spec.option, b.width, b.height);
      // The SVG is ECharts' own output from our option; texts inside it are escaped by ECharts.
      return svg === null ? null : `<figure class="chart" aria-label="${escapeHtml(b.spec.title)}">${svg}</figure>`;
    }
  }
}

/** A section whose blocks all came out empty is left out, heading and all, so no heading stands over nothing. */
function sectionHtml(s: Section): string[] {
  const blocks = s.blocks.map(blockHtml).filter((x): x is string => x !== null);
  if (!blocks.length) return [];
  const heading = s.heading ? [`<h2>${escapeHtml(s.heading)}</h2>`] : [];
  if (s.alert) return [`<section class="explanation">${heading.join('')}`, ...blocks, `</section>`];
  return [...heading, ...blocks];
}

export function reportHtml(report: SolveReport, dataset: Dataset, scenario: Scenario, lang: Lang, options: ReportOptions = {}): string {
  const content = reportContent(report, dataset, scenario, lang, options);
  const parts = [
    `<div class="toolbar"><button type="button" onclick="window.print()">${escapeHtml(content.printLabel)}</button></div>`,
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...content.sections.flatMap(sectionHtml),
  ];
  return `<!doctype html>
<html lang="${documentLanguage(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.title)}</title><style>${PRINT_CSS}</style></head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
