/**
 * Export buttons for one run: county quotas as CSV (Excel-ready, with BOM),
 * the Excel workbook, the CPLEX LP file (from the solver,
 * through `getLp`), the printable report and the same report as a Word
 * document (its writer loaded only when asked for). Each button's visible text is
 * its accessible name; a longer description rides along as its description.
 */
import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { Scenario } from '../../domain/scenario';
import { hasSolution, type SolveReport } from '../../model/report';
import { countyQuotasCsv } from '../../export/csv';
import { downloadBlob, MIME, openHtml } from '../shell/download';
import { safeFileName } from '../../present/names';
import { reportHtml } from '../../export/report';
import { workbookXlsx } from '../../export/xlsx';
import { countyMapChart, defaultMapMetric } from '../../present/charts/options';
import { lang, t } from '../i18n';
import { boundary } from '../results/boundary';
import '../results/results.css';

export interface ExportPanelProps {
  report: SolveReport;
  dataset: Dataset;
  scenario: Scenario;
  /** when the run was solved (ms since 1970), for the CSV's header block */
  ranAt?: number;
  /** the model as a CPLEX LP file, from the solver; no button action without it */
  getLp?: () => Promise<string>;
  /** how files are saved; defaults to a browser download (tests and the shell may replace it) */
  save?: (name: string, data: string | Uint8Array, mime: string) => void;
  /** how the printable report is shown; defaults to a new tab, falling back to a download */
  openReport?: (html: string) => boolean;
}

/** The scenario's JSON is not here: the Export page offers it once, for the scenario as typed, solved or not. */
type Kind = 'csv' | 'xlsx' | 'lp' | 'report' | 'docx';

export function ExportPanel(props: ExportPanelProps): JSX.Element {
  const id = createUniqueId();
  const [busy, setBusy] = createSignal<Kind | null>(null);
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const save = (name: string, data: string | Uint8Array, mime: string) => (props.save ?? downloadBlob)(name, data, mime);
  const base = () => safeFileName(props.scenario.name);
  const label = (k: Kind) => t(`export.panel.${k}`);
  // the planner's boundary map, when one is loaded, joins the schematic one in both reports
  const extraCharts = () => {
    const b = boundary();
    return b ? [countyMapChart(props.report, props.dataset, lang(), { metric: defaultMapMetric(props.report, props.dataset), boundary: b, print: true })] : [];
  };

  async function run(kind: Kind, make: () => Promise<{ name: string; data: string | Uint8Array; mime: string } | null>) {
    setBusy(kind);
    setMessage({ text: t('export.panel.working', { what: label(kind) }), error: false });
    try {
      const out = await make();
      if (out) {
        save(out.name, out.data, out.mime);
        setMessage({ text: t('export.panel.done', { file: out.name }), error: false });
      } else setMessage(null);
    } catch (e) {
      setMessage({ text: t('export.panel.failed', { what: label(kind), reason: e instanceof Error ? e.message : String(e) }), error: true });
    } finally {
      setBusy(null);
    }
  }

  const actions: { kind: Kind; disabled?: () => boolean; act: () => void }[] = [
    {
      kind: 'csv',
      act: () =>
        run('csv', async () => ({
          name: `${base()}-${t('export.file.quotas')}.csv`,
          data: countyQuotasCsv(props.report, props.dataset, lang(), { scenario: props.scenario.name, ...(props.ranAt === undefined ? {} : { ranAt: new Date(props.ranAt) }) }),
          mime: MIME.csv,
        })),
    },
    {
      kind: 'xlsx',
      act: () =>
        run('xlsx', async () => ({
          name: `${base()}-${t('export.file.workbook')}.xlsx`,
          data: await workbookXlsx(props.report, props.dataset, props.scenario, lang()),
          mime: MIME.xlsx,
        })),
    },
    {
      kind: 'lp',
      disabled: () => !props.getLp,
      act: () =>
        run('lp', async () => {
          const get = props.getLp;
          if (!get) throw new Error(t('export.panel.lpUnavailable'));
          return { name: `${base()}.lp`, data: await get(), mime: MIME.lp };
        }),
    },
    {
      kind: 'report',
      act: () =>
        run('report', async () => {
          const html = reportHtml(props.report, props.dataset, props.scenario, lang(), { extraCharts: extraCharts() });
          const opened = (props.openReport ?? openHtml)(html);
          return opened ? null : { name: `${base()}-${t('export.file.report')}.html`, data: html, mime: MIME.html };
        }),
    },
    {
      kind: 'docx',
      act: () =>
        run('docx', async () => {
          // the docx package is large and seldom needed: it stays out of the start-up bundle
          const { reportDocx, DOCX_MIME } = await import('../../export/docx');
          const data = await reportDocx(props.report, props.dataset, props.scenario, lang(), { extraCharts: extraCharts() });
          return { name: `${base()}-${t('export.file.report')}.docx`, data, mime: DOCX_MIME };
        }),
    },
  ];

  return (
    <section class="export-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('export.panel.title')}</h3>
      <Show when={!hasSolution(props.report)}>
        <p class="note">{t('export.panel.noSolution')}</p>
      </Show>
      <div class="buttons">
        <For each={actions}>
          {(a) => (
            <>
              <button
                type="button"
                data-export={a.kind}
                aria-describedby={`${id}-${a.kind}`}
                title={a.disabled?.() ? t('export.panel.lpUnavailable') : t(`export.panel.${a.kind}Name`)}
                disabled={busy() !== null || (a.disabled?.() ?? false)}
                onClick={() => a.act()}
              >
                {label(a.kind)}
              </button>
              <span id={`${id}-${a.kind}`} class="sr-only">
                {a.disabled?.() ? t('export.panel.lpUnavailable') : t(`export.panel.${a.kind}Name`)}
              </span>
            </>
          )}
        </For>
      </div>
      <p role="status" aria-live="polite" classList={{ error: message()?.error ?? false }}>
        {message()?.text ?? ''}
      </p>
    </section>
  );
}
