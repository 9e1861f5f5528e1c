/**
 * Every parameter of the current scenario (src/domain/scenario.ts), with its
 * unit, the default that applies when it is left empty, and for caps the
 * plan's own figures (专栏20, 专栏11). Problems are shown beside each field
 * and listed at the top; a scenario with problems cannot be solved.
 */
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { SIZE_CLASSES, type Dataset, type Mineral, type SizeClass, type Zone } from '../../domain/dataset';
import { labelOf } from '../../domain/label';
import { planUnitLabel, unitLabel } from '../../domain/units';
import { asHeading, zoneCountyName, zoneMineralName } from '../../present/names';
import { OBJECTIVE_PRESETS, OBJECTIVE_TERMS } from '../../domain/scenario';
import { lang, t } from '../i18n';
import { focusSection, href, route } from '../shell/router';
import { draft, draftCheck, draftId } from '../state/draft';
import { problemField } from '../state/validate';
import { dataset } from '../state/model';
import { currentScenario } from '../state/scenarios';
import { AssumptionsSection } from './AssumptionsSection';
import { defaultsInputs, editorDefaults, type EditorDefaults } from './defaults';
import { canonicalJson } from '../../store';
import { EDITOR_SECTIONS, type EditorSection } from './sections';
import { CheckField, fieldForPath, formatDefault, NumField, SelectField, setPath, TextField } from './fields';
import { label, Table, type Column, type ColumnGroup } from '../table/Table';
import { getIn } from '../../domain/json-path';


export function EditorPage() {
  const d = dataset();
  // defaults depend on a few settings only: recomputed when those change, not on every keystroke
  const inputs = createMemo(() => {
    const dr = draft();
    return dr ? canonicalJson(defaultsInputs(dr)) : null;
  });
  const defaults = createMemo<EditorDefaults | null>(() => {
    const key = inputs();
    if (key === null) return null;
    try {
      return editorDefaults(d, JSON.parse(key) as Record<string, unknown>);
    } catch {
      return editorDefaults(d, {});
    }
  });
  createEffect(() => {
    const target = route().rest;
    if (route().page === 'editor' && target) queueMicrotask(() => focusSection(`ed-${target}`));
  });
  return (
    <section class="page editor-page">
      <Show when={draftId() !== null ? defaults() : null} fallback={<p class="empty">{t('shell.noScenario')}</p>}>
        {(def) => (
          <div class="editor-layout">
            <nav class="editor-toc" aria-label={t('editor.toc')}>
              <ul>
                <For each={EDITOR_SECTIONS}>
                  {(s) => (
                    <li>
                      <a href={href('editor', s)}>{t(`editor.section.${s}`)}</a>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
            <div class="editor-main">
              <div class="page-head">
                <h2>
                  {t('shell.page.editor')} <span class="sub">— {currentScenario()?.name}</span>
                </h2>
              </div>
              <ProblemSummary />
              <General d={d} def={def()} />
              <Caps d={d} def={def()} />
              <Rights d={d} def={def()} />
              <Scale d={d} def={def()} />
              <Zones d={d} def={def()} />
              <CountyBounds d={d} />
              <Demand d={d} def={def()} />
              <Objective def={def()} />
              <AssumptionsSection d={d} defaults={def().assumptions} />
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}

function ProblemSummary() {
  const problems = () => {
    const c = draftCheck();
    return c && !c.ok ? c.problems : [];
  };
  const jump = (path: string) => {
    const id = fieldForPath(path);
    const el = id ? document.getElementById(id) : null;
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  return (
    <Show
      when={problems().length > 0}
      fallback={
        <p class="valid-note" role="status">
          {t('editor.valid')}
        </p>
      }
    >
      <div class="problems-box" role="alert" data-testid="editor-problems">
        <p>
          <strong>{t('editor.problems', { n: problems().length })}</strong> {t('editor.noSolve')}
        </p>
        <ul>
          <For each={problems()}>
            {(p) => (
              <li>
                <button type="button" class="link" onClick={() => jump(p.path)}>
                  {problemField(p)}
                </button>
                {t('messages.sep')}
                {p.message}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

function Section(props: { id: EditorSection; children: import('solid-js').JSX.Element; intro?: string }) {
  return (
    <section class="editor-section" id={`ed-${props.id}`} aria-labelledby={`ed-${props.id}-h`}>
      <h3 id={`ed-${props.id}-h`} tabindex="-1">{t(`editor.section.${props.id}`)}</h3>
      <Show when={props.intro}>
        <p class="intro">{props.intro}</p>
      </Show>
      {props.children}
    </section>
  );
}

type P = { d: Dataset; def: EditorDefaults };
type Unit = Dataset['units'][number];

const countyColumn: Column<Unit> = { header: label('plan.county'), cell: (u) => <th scope="row">{labelOf(u.name, lang())}</th> };

const mname = (m: Mineral) => labelOf(m.name, lang());
const perYear = (m: Mineral) => t('editor.perYear', { unit: unitLabel(m.unit, lang()) });

function General(props: P) {
  return (
    <Section id="general">
      <div class="field-row">
        <TextField path={['name']} label={t('editor.name')} required />
        <div class="field">
          <span class="label">{t('editor.model')}</span>
          <span class="readonly">
            {String(getIn(draft(), ['model']) ?? '')} <span class="muted">({labelOf(props.d.name, lang())} v{props.d.version})</span>
          </span>
        </div>
        <NumField path={['timeLimitSec']} label={t('editor.timeLimit')} unit={t('editor.seconds')} def={props.def.timeLimitSec} />
      </div>
      <TextField path={['description']} label={t('editor.description')} multiline />
    </Section>
  );
}

/** Reads a cap that is stored either as a number (max) or as {min, max}. */
function capPart(mineral: string, part: 'min' | 'max'): unknown {
  const cur = getIn(draft(), ['caps', mineral]);
  if (cur !== null && typeof cur === 'object') return (cur as Record<string, unknown>)[part];
  return part === 'max' ? cur : undefined;
}

function setCapPart(mineral: string, part: 'min' | 'max', v: number | string | undefined): void {
  let max = capPart(mineral, 'max');
  let min = capPart(mineral, 'min');
  if (part === 'max') max = v;
  else min = v;
  const next = min === undefined ? max : max === undefined ? { min } : { min, max };
  setPath(['caps', mineral], next);
}

/** A row per mineral: its cap's maximum and minimum, and the plan's own figures for it. */
function capColumns(props: P): Column<Mineral>[] {
  const cap = (m: Mineral) => props.def.caps[m.id];
  // the maximum is where a problem of the whole cap is shown
  const bound = (part: 'min' | 'max'): Column<Mineral> => ({
    header: label(part === 'max' ? 'editor.capMax' : 'editor.capMin'),
    cell: (m) => (
      <td>
        <NumField
          path={['caps', m.id, part]}
          errorPaths={part === 'max' ? [`$.caps.${m.id}`] : undefined}
          label={t(part === 'max' ? 'editor.capMaxOf' : 'editor.capMinOf', { mineral: mname(m) })}
          hideLabel
          unit={perYear(m)}
          def={part === 'max' ? (cap(m)?.max ?? null) : null}
          get={() => capPart(m.id, part)}
          set={(v) => setCapPart(m.id, part, v)}
        />
      </td>
    ),
  });
  return [
    {
      header: label('plan.mineral'),
      cell: (m) => (
        <th scope="row">
          {mname(m)}
          <Show when={m.restricted}>
            <span class="tag warn" title={m.restricted?.note}>
              {t('editor.restricted')}
            </span>
          </Show>
        </th>
      ),
    },
    bound('max'),
    bound('min'),
    {
      header: label('editor.planFigures'),
      cell: (m) => (
        <td class="plan-figures">
          <For each={cap(m)?.planFigures ?? []} fallback={<span class="muted">{t('editor.noPlanFigure')}</span>}>
            {(f) => (
              <div classList={{ 'in-use': cap(m)?.source !== 'scenario' && cap(m)?.max === f.inModelUnit && props.d[cap(m)?.source === 'table11' ? 'table11' : 'table20'].source === f.source }}>
                <span class="source">{f.source}</span> {formatDefault(f.value)} {planUnitLabel(f.unitText, lang())}
                <Show when={f.inModelUnit !== null && f.inModelUnit !== f.value}>
                  <span class="muted"> ≈ {formatDefault(f.inModelUnit)} {unitLabel(m.unit, lang())}</span>
                </Show>
                <Show when={f.inModelUnit === null}>
                  <span class="muted"> ({t('editor.unitNotConvertible')})</span>
                </Show>
              </div>
            )}
          </For>
        </td>
      ),
    },
  ];
}

function Caps(props: P) {
  return (
    <Section id="caps" intro={t('editor.capsIntro')}>
      <div class="field-row">
        <div class="field" role="radiogroup" aria-labelledby="cap-source-l">
          <span class="label" id="cap-source-l">
            {t('editor.capSource')}
          </span>
          <For each={['table20', 'table11'] as const}>
            {(src) => (
              <label class="check">
                <input
                  type="radio"
                  name="capSource"
                  value={src}
                  checked={(getIn(draft(), ['capSource']) ?? 'table20') === src}
                  onChange={() => setPath(['capSource'], src === 'table20' ? undefined : src)}
                />
                {t(`editor.capSource.${src}`, { source: props.d[src].source })}
              </label>
            )}
          </For>
        </div>
      </div>
      <Table class="grid editor-grid" columns={capColumns(props)} rows={props.d.minerals} />
    </Section>
  );
}

function Rights(props: P) {
  const P = props.d.policy;
  const shareMinerals = () => {
    const v = getIn(draft(), ['largeMediumShare', 'minerals']);
    return Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : props.def.share.minerals;
  };
  const toggleMineral = (id: string, on: boolean) => {
    const next = on ? [...shareMinerals(), id] : shareMinerals().filter((x) => x !== id);
    const same = next.length === props.def.share.minerals.length && next.every((x) => props.def.share.minerals.includes(x));
    setPath(['largeMediumShare', 'minerals'], same ? undefined : props.d.minerals.map((m) => m.id).filter((x) => next.includes(x)));
  };
  return (
    <Section id="rights" intro={t('editor.rightsIntro')}>
      <div class="field-row">
        <NumField path={['rightsCaps', 'class3']} label={t('editor.rights.class3')} unit={t('editor.mines')} def={props.def.rightsCaps.class3} hint={<span class="source">{P.maxClass3.source}</span>} />
        <NumField path={['rightsCaps', 'class12']} label={t('editor.rights.class12')} unit={t('editor.mines')} def={props.def.rightsCaps.class12} hint={<span class="source">{P.maxClass12.source}</span>} />
        <NumField path={['rightsCaps', 'total']} label={t('editor.rights.total')} unit={t('editor.mines')} def={props.def.rightsCaps.total} hint={<span class="source">{P.maxMinesTotal.source}</span>} />
      </div>
      <div class="field-row">
        <NumField
          path={['largeMediumShare', 'min']}
          label={t('editor.shareMin')}
          unit={t('editor.fraction')}
          def={props.def.share.min}
          hint={<span class="source">{P.minLargeMediumShare.source}</span>}
        />
        <fieldset class="field">
          <legend>{t('editor.shareMinerals')}</legend>
          <For each={props.d.minerals}>
            {(m) => (
              <label class="check">
                <input type="checkbox" checked={shareMinerals().includes(m.id)} onChange={(e) => toggleMineral(m.id, e.currentTarget.checked)} />
                {mname(m)}
              </label>
            )}
          </For>
        </fieldset>
      </div>
    </Section>
  );
}

/** Only the large class's maximum can be set: a smaller class's maximum is the next class's minimum (the scenario schema refuses it). */
const hasMax = (k: SizeClass) => k === 'large';

/** One mineral's minimum or maximum scale of one size class, as a table cell. */
function ScaleCell(props: P & { m: Mineral; k: SizeClass; bound: 'min' | 'max' }) {
  const field = () => (props.bound === 'min' ? 'minScale' : 'maxScale');
  return (
    <td>
      <NumField
        path={[field(), props.m.id, props.k]}
        label={t(props.bound === 'min' ? 'editor.scaleMinOf' : 'editor.scaleMaxOf', { mineral: mname(props.m), size: t(`size.${props.k}`) })}
        hideLabel
        def={props.def[field()][props.m.id]?.[props.k] ?? null}
      />
    </td>
  );
}

/** A row per mineral: the least (and, for the large class, the most) scale of each size class. */
function scaleColumns(props: P): Column<Mineral>[] {
  const bound = (k: SizeClass, group: ColumnGroup, b: 'min' | 'max'): Column<Mineral> => ({ group, header: label(`editor.${b}`), cell: (m) => <ScaleCell {...props} m={m} k={k} bound={b} /> });
  return [
    {
      header: label('plan.mineral'),
      cell: (m) => (
        <th scope="row">
          {mname(m)}
          <div class="muted">{perYear(m)}</div>
        </th>
      ),
    },
    ...SIZE_CLASSES.flatMap((k) => {
      const group = { id: k, header: () => asHeading(t(`size.${k}`)) };
      return hasMax(k) ? [bound(k, group, 'min'), bound(k, group, 'max')] : [bound(k, group, 'min')];
    }),
  ];
}

function Scale(props: P) {
  return (
    <Section id="scale" intro={t('editor.scaleIntro', { source: props.d.table21.source })}>
      <Table class="grid editor-grid" columns={scaleColumns(props)} rows={props.d.minerals} />
    </Section>
  );
}

function Zones(props: P) {
  const [county, setCounty] = createSignal('');
  const excluded = () => {
    const v = getIn(draft(), ['excludedZones']);
    return Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  };
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...excluded(), id] : excluded().filter((x) => x !== id);
    const ordered = props.d.table23.zones.map((z) => z.id).filter((z) => next.includes(z));
    setPath(['excludedZones'], ordered.length ? ordered : undefined);
  };
  // rows follow the dataset's own zone objects, so re-computed defaults never re-create a row (focus stays put)
  const shown = () => props.d.table23.zones.filter((z) => !county() || z.unit === county());
  const input = (id: string) => props.def.zones.find((z) => z.zone.id === id);
  const mineralOf = (id: string) => props.d.minerals.find((m) => m.id === id);
  const zoneColumns: Column<Zone>[] = [
    {
      header: label('editor.exclude'),
      cell: (zone) => (
        <td class="center">
          <input
            type="checkbox"
            checked={excluded().includes(zone.id)}
            aria-label={t('editor.excludeZone', { id: zone.id, name: zone.name })}
            onChange={(e) => toggle(zone.id, e.currentTarget.checked)}
          />
        </td>
      ),
    },
    { header: label('plan.zoneId'), cell: (zone) => <th scope="row">{zone.id}</th> },
    { header: label('plan.zoneName'), cell: (zone) => <td>{zone.name}</td> },
    { header: label('plan.county'), cell: (zone) => <td>{zoneCountyName(props.d, zone, lang())}</td> },
    { header: label('plan.mineral'), cell: (zone) => <td>{zoneMineralName(props.d, zone, lang())}</td> },
    { header: label('plan.areaKm2'), num: true, cell: (zone) => <td class="num">{formatDefault(zone.areaKm2)}</td> },
    {
      header: label('editor.zoneCapacity'),
      num: true,
      cell: (zone) => (
        <td class="num">
          {formatDefault(input(zone.id)?.volumeCapacity)} <span class="muted">{unitLabel(mineralOf(zone.mineral)?.unit ?? '', lang())}</span>
        </td>
      ),
    },
    { header: label('editor.zoneMaxMines'), num: true, cell: (zone) => <td class="num">{input(zone.id)?.maxMines ?? '—'}</td> },
  ];
  return (
    <Section id="zones" intro={t('editor.zonesIntro', { source: props.d.table23.source, n: props.d.table23.zones.length })}>
      <div class="field-row">
        <CheckField path={['allowNewOutsideZones']} label={t('editor.allowOutside')} def={false} hint={t('editor.allowOutsideHint')} />
        <div class="field select-field">
          <label for="zone-county-filter">{t('editor.filterCounty')}</label>
          <select id="zone-county-filter" onChange={(e) => setCounty(e.currentTarget.value)}>
            <option value="" selected={county() === ''}>
              {t('editor.allCounties')}
            </option>
            <For each={props.d.units}>
              {(u) => (
                <option value={u.id} selected={county() === u.id}>
                  {labelOf(u.name, lang())}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <span class="label">{t('editor.excludedCount')}</span>
          <span class="readonly" data-testid="excluded-count">
            {excluded().length} / {props.d.table23.zones.length}
          </span>
        </div>
      </div>
      <div class="scroll-table">
        <Table
          class="grid editor-grid zones"
          id="f-excludedZones"
          columns={zoneColumns}
          rows={shown()}
          rowProps={(zone) => ({ classList: { excluded: excluded().includes(zone.id) } })}
        />
      </div>
    </Section>
  );
}

/** A row per county: the least and the most of each mineral. */
function boundColumns(d: Dataset): Column<Unit>[] {
  const bound = (m: Mineral, group: ColumnGroup, b: 'min' | 'max'): Column<Unit> => ({
    group,
    header: label(`editor.${b}`),
    cell: (u) => (
      <td>
        <NumField
          path={['countyBounds', u.id, m.id, b]}
          errorPaths={b === 'min' ? [`$.countyBounds.${u.id}.${m.id}`] : undefined}
          label={t(b === 'min' ? 'editor.boundMinOf' : 'editor.boundMaxOf', { county: labelOf(u.name, lang()), mineral: mname(m) })}
          hideLabel
          class="compact"
        />
      </td>
    ),
  });
  return [
    countyColumn,
    ...d.minerals.flatMap((m) => {
      const group = {
        id: m.id,
        header: () => (
          <>
            {mname(m)} <span class="muted">{unitLabel(m.unit, lang())}</span>
          </>
        ),
      };
      return [bound(m, group, 'min'), bound(m, group, 'max')];
    }),
  ];
}

function CountyBounds(props: { d: Dataset }) {
  return (
    <Section id="counties" intro={t('editor.countiesIntro')}>
      <div class="scroll-table">
        <Table class="grid editor-grid bounds" columns={boundColumns(props.d)} rows={props.d.units} />
      </div>
    </Section>
  );
}

/** A county × mineral table of amounts (demand, reference allocation). */
function CountyMatrix(props: { d: Dataset; path: string; minerals: Mineral[]; def?: Record<string, Record<string, number>>; labelKey: 'editor.demandOf' | 'editor.referenceOf' }) {
  const columns = createMemo((): Column<Unit>[] => [
    countyColumn,
    ...props.minerals.map(
      (m): Column<Unit> => ({
        header: () => (
          <>
            {mname(m)} <span class="muted">{perYear(m)}</span>
          </>
        ),
        cell: (u) => (
          <td>
            <NumField
              path={[...props.path.split('.'), u.id, m.id]}
              label={t(props.labelKey, { county: labelOf(u.name, lang()), mineral: mname(m) })}
              hideLabel
              class="compact"
              def={props.def ? (props.def[u.id]?.[m.id] ?? null) : undefined}
            />
          </td>
        ),
      }),
    ),
  ]);
  return (
    <div class="scroll-table">
      <Table class="grid editor-grid" columns={columns()} rows={props.d.units} />
    </div>
  );
}

function Demand(props: P) {
  const demandMinerals = createMemo(
    () => {
      const ids = new Set<string>();
      for (const byM of Object.values(props.def.demand)) for (const m of Object.keys(byM)) ids.add(m);
      const typed = getIn(draft(), ['demand', 'perCounty']);
      if (typed && typeof typed === 'object') for (const byM of Object.values(typed)) if (byM && typeof byM === 'object') for (const m of Object.keys(byM)) ids.add(m);
      return props.d.minerals.filter((m) => ids.has(m.id));
    },
    undefined,
    // the same minerals as before (a keystroke in the table) keep its columns, so its cells and the focus stay put
    { equals: (a, b) => a.length === b.length && a.every((m, i) => m === b[i]) },
  );
  return (
    <Section id="demand" intro={t('editor.demandIntro')}>
      <div class="field-row">
        <CheckField path={['demand', 'enabled']} label={t('editor.demandEnabled')} def={props.def.demandEnabled} hint={t('editor.demandEnabledHint')} />
        <NumField path={['demand', 'radiusKm']} label={t('editor.radius')} unit="km" def={props.def.radiusKm} />
      </div>
      <h4>{t('editor.demandPerCounty')}</h4>
      <CountyMatrix d={props.d} path="demand.perCounty" minerals={demandMinerals()} def={props.def.demand} labelKey="editor.demandOf" />
      <h4>{t('editor.reference')}</h4>
      <p class="intro">{t('editor.referenceIntro')}</p>
      <CountyMatrix d={props.d} path="reference" minerals={props.d.minerals} labelKey="editor.referenceOf" />
    </Section>
  );
}

function Objective(props: { def: EditorDefaults }) {
  return (
    <Section id="objective" intro={t('editor.objectiveIntro')}>
      <div class="field-row">
        <SelectField
          path={['objective', 'preset']}
          label={t('editor.preset')}
          defLabel={t('editor.presetDefault', { preset: t('editor.preset.max-value') })}
          options={OBJECTIVE_PRESETS.map((p) => ({ value: p, label: t(`editor.preset.${p}`) }))}
        />
      </div>
      <p class="hint">{t(`editor.presetHint.${props.def.preset}`)}</p>
      <div class="field-row">
        <For each={OBJECTIVE_TERMS}>
          {(term) => (
            <NumField path={['objective', 'weights', term]} label={t(`editor.weight.${term}`)} def={props.def.weights[term]} />
          )}
        </For>
      </div>
    </Section>
  );
}
