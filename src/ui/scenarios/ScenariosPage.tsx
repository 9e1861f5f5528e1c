/**
 * The planner's scenarios: make one from a preset, open, rename, duplicate,
 * export or delete it (with undo), import a scenario file, and solve every
 * scenario whose run is missing or out of date. An imported
 * file changes nothing unless it is valid in full; otherwise every problem is
 * listed with its JSON path.
 */
import { createEffect, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { staleness, type ScenarioRecord } from '../../store';
import { lang, t } from '../i18n';
import { downloadScenario } from '../shell/download';
import { navigate } from '../shell/router';
import { formatTime } from '../shell/RunInfo';
import { dataset, emptyScenario, modelVersionOf, presetIn, presetLoad } from '../state/model';
import {
  createFrom,
  currentScenario,
  deletedScenarios,
  duplicate,
  latestRunByScenario,
  remove,
  rename,
  restore,
  scenarios,
  scenariosLoaded,
  selectScenario,
} from '../state/scenarios';
import { checkScenarioFile, localizeProblems, problemField, problemLine, sizeProblem, type Problem } from '../state/validate';
import { MAX_PROBLEMS } from '../../domain/validation';
import { errorText, notify } from '../state/notices';
import { draft, draftId, editDraft, flushDraft } from '../state/draft';
import { SolveAll } from './SolveAll';
import { label, Table, type Column } from '../table/Table';

export function ScenariosPage() {
  return (
    <section class="page scenarios-page">
      <h2>{t('shell.page.scenarios')}</h2>
      <div class="two-col">
        <div>
          <ScenarioList />
          <Deleted />
        </div>
        <aside>
          <SolveAll />
          <Presets />
          <Import />
        </aside>
      </div>
    </section>
  );
}

function ScenarioList() {
  /** the scenario whose name is being edited in place */
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const columns: Column<ScenarioRecord>[] = [
    {
      header: label('scenarios.name'),
      cell: (rec) => (
        <td>
          <Show
            when={renaming() === rec.id}
            fallback={
              <button type="button" class="link" onClick={() => open(rec)} aria-label={t('scenarios.openNamed', { name: rec.name })}>
                {rec.name}
              </button>
            }
          >
            <RenameForm rec={rec} onDone={() => setRenaming(null)} />
          </Show>
          <Show when={rec.preset}>
            <span class="tag">{t('scenarios.fromPreset', { preset: rec.preset ?? '' })}</span>
          </Show>
        </td>
      ),
    },
    { header: label('scenarios.updated'), cell: (rec) => <td class="nowrap">{formatTime(rec.updatedAt)}</td> },
    {
      header: label('scenarios.lastRun'),
      cell: (rec) => (
        <td class="nowrap">
          <LastRun rec={rec} />
        </td>
      ),
    },
    { header: label('scenarios.actions'), cell: (rec) => <Actions rec={rec} onRename={() => setRenaming(rec.id)} /> },
  ];
  const isCurrent = (rec: ScenarioRecord) => currentScenario()?.id === rec.id;
  return (
    <Show
      when={scenarios().length > 0}
      fallback={<p class="empty">{scenariosLoaded() ? t('scenarios.empty') : t('shell.loading')}</p>}
    >
      <Table
        class="grid scenario-list"
        caption={t('scenarios.list', { n: scenarios().length })}
        columns={columns}
        rows={scenarios()}
        rowProps={(rec) => ({ class: isCurrent(rec) ? 'current' : undefined, 'aria-current': isCurrent(rec) ? 'true' : undefined, 'data-scenario': rec.name })}
      />
    </Show>
  );
}

/** The scenario as the planner last typed it: the open draft for the open scenario, else as stored. */
function latest(id: string): ScenarioRecord['scenario'] | undefined {
  return id === draftId() ? (draft() ?? undefined) : scenarios().find((s) => s.id === id)?.scenario;
}

function open(rec: ScenarioRecord) {
  selectScenario(rec.id);
  navigate('editor');
}

/** The inline form that renames a scenario: Enter saves, Escape or Cancel keeps the name. */
function RenameForm(props: { rec: ScenarioRecord; onDone: () => void }) {
  const [name, setName] = createSignal(props.rec.name);
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.select());
  const save = async () => {
    const n = name().trim();
    if (!n) {
      setError(t('scenarios.nameRequired'));
      return;
    }
    if (scenarios().some((s) => s.id !== props.rec.id && s.name === n)) {
      setError(t('scenarios.nameTaken'));
      return;
    }
    if (props.rec.id === draftId()) {
      // the scenario is open in the editor: rename the draft, so a pending save cannot bring the old name back
      editDraft((d) => ({ ...d, name: n }));
      await flushDraft();
    } else await rename(props.rec.id, n);
    props.onDone();
  };
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        ref={input}
        aria-label={t('scenarios.newName')}
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone();
        }}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `rename-err-${props.rec.id}` : undefined}
      />
      <button type="submit">{t('scenarios.save')}</button>
      <button type="button" onClick={() => props.onDone()}>
        {t('scenarios.cancel')}
      </button>
      <Show when={error()}>
        <span class="field-error" id={`rename-err-${props.rec.id}`}>
          {error()}
        </span>
      </Show>
    </form>
  );
}

/** The status of the scenario's latest run, and whether the scenario changed since. */
function LastRun(props: { rec: ScenarioRecord }) {
  const run = () => latestRunByScenario().get(props.rec.id);
  const stale = () => {
    const r = run();
    return r && dataset() ? staleness(r, props.rec.scenario, modelVersionOf(dataset())).stale : false;
  };
  return (
    <Show when={run()} fallback={<span class="muted">{t('scenarios.notSolved')}</span>}>
      {(r) => (
        <>
          {t(`shell.solve.status.${r().report.status}`)}
          <Show when={stale()}>
            <span class="stale-tag">{t('scenarios.stale')}</span>
          </Show>
        </>
      )}
    </Show>
  );
}

/** Open, rename, duplicate, export or delete a scenario, each button named with the scenario. */
function Actions(props: { rec: ScenarioRecord; onRename: () => void }) {
  return (
    <td class="actions">
      <button type="button" onClick={() => open(props.rec)} aria-label={t('scenarios.editNamed', { name: props.rec.name })}>
        {t('scenarios.edit')}
      </button>
      <button type="button" onClick={() => props.onRename()} aria-label={t('scenarios.renameNamed', { name: props.rec.name })}>
        {t('scenarios.rename')}
      </button>
      <button type="button" onClick={() => void flushDraft().then(() => duplicate(props.rec.id))} aria-label={t('scenarios.duplicateNamed', { name: props.rec.name })}>
        {t('scenarios.duplicate')}
      </button>
      <button
        type="button"
        onClick={() => void flushDraft().then(() => downloadScenario(latest(props.rec.id) ?? props.rec.scenario, props.rec.name))}
        aria-label={t('scenarios.exportNamed', { name: props.rec.name })}
      >
        {t('scenarios.export')}
      </button>
      <button type="button" class="danger" onClick={() => void remove(props.rec.id)} aria-label={t('scenarios.deleteNamed', { name: props.rec.name })}>
        {t('scenarios.delete')}
      </button>
    </td>
  );
}

function Deleted() {
  return (
    <Show when={deletedScenarios().length > 0}>
      <details class="deleted">
        <summary>{t('scenarios.recentlyDeleted', { n: deletedScenarios().length })}</summary>
        <ul>
          <For each={deletedScenarios()}>
            {(s) => (
              <li>
                {s.name} <span class="muted">{formatTime(s.deletedAt ?? 0)}</span>{' '}
                <button type="button" onClick={() => void restore(s.id)} aria-label={t('scenarios.restoreNamed', { name: s.name })}>
                  {t('scenarios.restore')}
                </button>
              </li>
            )}
          </For>
        </ul>
        <p class="muted">{t('scenarios.purgeNote')}</p>
      </details>
    </Show>
  );
}

/**
 * A preset's description: its first lines, and a button that shows the rest
 * when the text is longer than they hold (measured, so it holds in either
 * language and at any width). The whole text is in the page throughout, so a
 * screen reader reads all of it.
 */
function PresetDescription(props: { text: string; id: string }) {
  const [open, setOpen] = createSignal(false);
  const [cut, setCut] = createSignal(false);
  let el: HTMLDivElement | undefined;
  const measure = () => {
    if (el && !open()) setCut(el.scrollHeight > el.clientHeight + 1);
  };
  createEffect(() => {
    void props.text;
    void lang();
    measure();
  });
  // a narrower or wider column cuts more or less of the text
  onMount(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    onCleanup(() => watch.disconnect());
  });
  return (
    <>
      <div ref={el} id={props.id} class="preset-desc" classList={{ clamped: !open() }}>
        {props.text}
      </div>
      <Show when={cut()}>
        <button type="button" class="link preset-more" aria-expanded={open()} aria-controls={props.id} onClick={() => setOpen(!open())}>
          {t(open() ? 'presets.less' : 'presets.more')}
        </button>
      </Show>
    </>
  );
}

function Presets() {
  const create = async (scenario: Parameters<typeof createFrom>[0], name: string, preset?: string) => {
    try {
      const rec = await createFrom(scenario, name, preset);
      notify({ kind: 'info', message: t('scenarios.created', { name: rec.name }) });
    } catch (e) {
      notify({ kind: 'error', message: t('save.createFailed', { name, reason: errorText(e) }) });
    }
  };
  return (
    <section class="panel" aria-labelledby="presets-h">
      <h3 id="presets-h">{t('scenarios.newFromPreset')}</h3>
      <ul class="presets">
        <For each={presetLoad.presets}>
          {(p) => {
            // in the planner's language, and stored so when created
            const scenario = () => presetIn(p, lang());
            return (
              <li>
                <div class="preset-name">{scenario().name}</div>
                <Show when={scenario().description}>{(text) => <PresetDescription text={text()} id={`preset-desc-${p.id}`} />}</Show>
                <button
                  type="button"
                  onClick={() => void create(scenario(), scenario().name, p.id)}
                  aria-label={t('scenarios.createFromNamed', { name: scenario().name })}
                  data-preset={p.id}
                >
                  {t('scenarios.createFrom')}
                </button>
              </li>
            );
          }}
        </For>
        <li>
          <div class="preset-name">{t('scenarios.emptyName')}</div>
          <div class="preset-desc">{t('scenarios.emptyDesc')}</div>
          <button
            type="button"
            onClick={() => void create(emptyScenario(dataset(), t('scenarios.emptyName')), t('scenarios.emptyName'))}
            aria-label={t('scenarios.createFromNamed', { name: t('scenarios.emptyName') })}
          >
            {t('scenarios.createFrom')}
          </button>
        </li>
      </ul>
      <Show when={presetLoad.problems.length > 0}>
        <div class="problems-box" role="note">
          <p>{t('scenarios.presetProblems')}</p>
          <ul>
            <For each={presetLoad.problems}>
              {(p) => (
                <li>
                  scenarios/{p.id}.json: {localizeProblems(p.problems).map(problemLine).join('; ')}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </section>
  );
}

/** How many problems a file has: past MAX_PROBLEMS the list ends with a line counting the rest ("and 199950 more…"), not one more problem. */
function problemCount(problems: Problem[]): number {
  const more = problems.length > MAX_PROBLEMS ? /\d+/.exec(problems[MAX_PROBLEMS]?.message ?? '') : null;
  return more ? MAX_PROBLEMS + Number(more[0]) : problems.length;
}

function Import() {
  const [problems, setProblems] = createSignal<{ file: string; problems: Problem[] } | null>(null);
  let fileInput: HTMLInputElement | undefined;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = sizeProblem(file.size);
    if (tooLarge) return void setProblems({ file: file.name, problems: [tooLarge] });
    try {
      const text = await file.text();
      const v = checkScenarioFile(text, file.name, dataset());
      if (!v.ok) {
        setProblems({ file: v.file, problems: v.problems });
        return;
      }
      setProblems(null);
      const rec = await createFrom(v.scenario, v.scenario.name);
      notify({ kind: 'info', message: t('scenarios.imported', { name: rec.name, file: file.name }) });
    } catch (e) {
      notify({ kind: 'error', message: t('save.importFailed', { file: file.name, reason: errorText(e) }) });
    } finally {
      // the same file can be chosen again after a failure
      if (fileInput) fileInput.value = '';
    }
  };
  return (
    <section class="panel" aria-labelledby="import-h">
      <h3 id="import-h">{t('scenarios.import')}</h3>
      <p class="muted">{t('scenarios.importHint')}</p>
      <label class="file">
        {t('scenarios.importFile')}
        <input ref={fileInput} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </label>
      <Show when={problems()}>
        {(p) => (
          <div class="problems-box" role="alert" data-testid="import-problems">
            <p>
              <strong>{t('scenarios.importRejected', { file: p().file, n: problemCount(p().problems) })}</strong>
            </p>
            <Table
              class="grid"
              columns={[
                { header: label('messages.field'), cell: (x) => <td title={x.path}>{problemField(x)}</td> },
                { header: label('scenarios.reason'), cell: (x) => <td>{x.message}</td> },
              ]}
              rows={p().problems}
            />
            <button type="button" onClick={() => setProblems(null)}>
              {t('shell.dismiss')}
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
