/**
 * County map: a schematic drawn from county seat coordinates (bubble size by
 * the chosen metric), or the planner's own boundary GeoJSON, validated before
 * it is registered with ECharts. A bad file leaves the current map as it was
 * and says which part of the file is wrong.
 */
import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Dataset } from '../../domain/dataset';
import type { SolveReport } from '../../model/report';
import { fmt, mineralName, mineralUnit } from '../../present/names';
import { EChart } from '../charts/EChart';
import { countyMapChart, countyMetric, defaultMapMetric, mapMetricLabel, type MapMetric } from '../../present/charts/options';
import { lang, t } from '../i18n';
import { boundary, setBoundary } from './boundary';
import { label, Table } from '../table/Table';
import { loadBoundaryFile } from './boundary-file';
import { AlertLine } from '../shell/AlertLine';

export interface CountyMapProps {
  report: SolveReport;
  dataset: Dataset;
}

export function CountyMap(props: CountyMapProps): JSX.Element {
  const id = createUniqueId();
  const [metric, setMetric] = createSignal<MapMetric>(defaultMapMetric(props.report, props.dataset));
  const [error, setError] = createSignal<string | null>(null);

  const metrics = createMemo(() => ['mines', ...props.dataset.minerals.filter((m) => props.report.counties.some((c) => c.mineral === m.id)).map((m) => m.id)]);
  const spec = createMemo(() => {
    const b = boundary();
    return countyMapChart(props.report, props.dataset, lang(), {
      metric: metric(),
      boundary: b ? { mapName: b.mapName, regions: b.regions } : undefined,
    });
  });
  const unplaced = createMemo(() => {
    const m = metric();
    const rows = props.report.counties.filter((c) => c.county === null && (m === 'mines' || c.mineral === m) && (c.volume > 0 || c.mines.large + c.mines.medium + c.mines.small > 0));
    return [...new Set(rows.map((r) => `${mineralName(props.dataset, r.mineral, lang())} ${fmt(r.volume, lang())} ${mineralUnit(props.dataset, r.mineral, lang())}`))];
  });

  async function load(e: Event & { currentTarget: HTMLInputElement }) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const loaded = await loadBoundaryFile(file, props.dataset);
    if (!loaded.ok) {
      setError(loaded.error);
      // cleared, so the planner can choose the same file again once it is corrected
      input.value = '';
      return;
    }
    setError(null);
    setBoundary({ file: file.name, mapName: loaded.mapName, regions: loaded.regions });
  }

  return (
    <section class="county-map" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('results.map.title')}</h3>
      <div class="map-controls">
        <label>
          {t('results.map.metric')}{' '}
          <select value={metric()} onChange={(e) => setMetric(e.currentTarget.value)}>
            <For each={metrics()}>{(m) => <option value={m}>{mapMetricLabel(m, props.dataset, lang())}</option>}</For>
          </select>
        </label>
        <label>
          {t('results.map.load')}{' '}
          <input type="file" accept=".json,.geojson,application/geo+json,application/json" onChange={load} />
        </label>
        <Show when={boundary()}>
          <button type="button" onClick={() => setBoundary(null)}>
            {t('results.map.clear')}
          </button>
        </Show>
      </div>
      <AlertLine when={error()} class="error">
        {error()}
      </AlertLine>
      <Show
        when={boundary()}
        fallback={<p class="note">{t('results.map.schematic')}</p>}
      >
        {(b) => (
          <p class="note" role="status">
            {t('results.map.loaded', { file: b().file, features: b().regions.length, matched: b().regions.filter((r) => r.county !== null).length })}
          </p>
        )}
      </Show>
      <Show when={unplaced().length > 0}>
        <p class="note">{t('results.map.noCounty', { what: unplaced().join('、') })}</p>
      </Show>
      <EChart option={spec().option} label={spec().title} height={spec().height} />
      <Table
        class="sr-only"
        caption={spec().title}
        columns={[
          { header: label('results.col.county'), cell: ([c]) => <th scope="row">{props.dataset.units.find((u) => u.id === c)?.name[lang()] ?? c}</th> },
          { header: () => mapMetricLabel(metric(), props.dataset, lang()), cell: ([, v]) => <td>{fmt(v, lang())}</td> },
        ]}
        rows={[...countyMetric(props.report, props.dataset, metric()).entries()]}
      />
    </section>
  );
}
