/**
 * Editor fields. Each stores what the planner types at its JSON path in the
 * draft (a number, or the raw text when it is not one, so the schema can say
 * what is wrong); an empty field removes the key, meaning "use the default",
 * which is shown as the placeholder. Errors appear under the field that has
 * them and in the summary at the top, which can jump to the field.
 */
import { createEffect, createMemo, createRoot, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import { jsonPath } from '../../domain/validation';
import { draft, draftCheck, draftReplaced, editDraft } from '../state/draft';
import type { Problem } from '../state/validate';
import { getIn, setIn } from '../../domain/json-path';

export type Path = readonly (string | number)[];

/** Field element ids by the JSON path they edit (for the error summary). */
const registry = new Map<string, string>();

export function fieldId(path: Path): string {
  return `f-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The element that edits a problem's path, or the nearest one above it. */
export function fieldForPath(path: string): string | undefined {
  let p = path;
  for (;;) {
    const id = registry.get(p);
    if (id) return id;
    const up = p.replace(/(\.[^.[\]]+|\[[^\]]+\])$/, '');
    if (up === p) return undefined;
    p = up;
  }
}

const problemsByPath = createRoot(() =>
  createMemo(() => {
    const map = new Map<string, Problem[]>();
    const c = draftCheck();
    if (c && !c.ok) for (const p of c.problems) map.set(p.path, [...(map.get(p.path) ?? []), p]);
    return map;
  }),
);

function sameProblems(a: Problem[], b: Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.message === b[i]?.message && p.path === b[i]?.path);
}

export function problemsAt(paths: readonly string[]): Problem[] {
  const m = problemsByPath();
  return paths.flatMap((p) => m.get(p) ?? []);
}

/** Reads text typed into a number field: full-width digits and thousands separators are accepted. */
export function parseNumber(text: string): number | string | undefined {
  const s = text
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .trim();
  if (s === '') return undefined;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
  const n = Number(plain);
  return plain !== '' && Number.isFinite(n) ? n : text;
}

/** A default as a placeholder: five significant digits (175.99, 0.001, 2000), no float noise. */
export function formatDefault(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return String(Number(x.toPrecision(Math.max(5, Math.ceil(Math.log10(Math.abs(x) + 1))))));
}

export function setPath(path: Path, value: unknown): void {
  editDraft((d) => setIn(d, path, value));
}

/**
 * Registers a field's element as the editor of its JSON path (and of
 * `errorPaths`) for the error summary, and reads the problems found there.
 */
function useField(path: Path, errorPaths: () => readonly string[] = () => []) {
  const id = fieldId(path);
  const paths = () => [jsonPath(path), ...errorPaths()];
  const registered = paths();
  for (const p of registered) registry.set(p, id);
  onCleanup(() => registered.forEach((p) => registry.get(p) === id && registry.delete(p)));
  const problems = createMemo(() => problemsAt(paths()), [], { equals: sameProblems });
  return { id, problems };
}

/** A field's problems under it; the input names it in aria-describedby as `${id}-err`. */
function FieldError(props: { id: string; problems: Problem[] }) {
  return (
    <Show when={props.problems.length > 0}>
      <span class="field-error" id={`${props.id}-err`}>
        {props.problems.map((p) => p.message).join('; ')}
      </span>
    </Show>
  );
}

interface NumFieldProps {
  path: Path;
  /** visible label; when `hideLabel`, it is the accessible name only */
  label: string;
  hideLabel?: boolean;
  unit?: string;
  def?: number | null;
  /** further JSON paths whose problems belong to this field */
  errorPaths?: string[];
  /** custom storage (e.g. a cap that is a number or a {min,max} bound) */
  get?: () => unknown;
  set?: (v: number | string | undefined) => void;
  hint?: JSX.Element;
  class?: string;
  disabled?: boolean;
}

export function NumField(props: NumFieldProps) {
  const { id, problems } = useField(props.path, () => props.errorPaths ?? []);
  // memos: an edit elsewhere in the draft re-runs these cheap reads, not the DOM updates below them
  const value = createMemo(() => (props.get ? props.get() : getIn(draft(), props.path)));
  const [typing, setTyping] = createSignal<string | null>(null);
  // another tab's save replaced the draft: show its value, not the text typed before
  createEffect(on(draftReplaced, () => setTyping(null), { defer: true }));
  const shown = () => typing() ?? (value() === undefined || value() === null ? '' : String(value()));
  const set = (v: number | string | undefined) => (props.set ? props.set(v) : setPath(props.path, v));
  const describedBy = () =>
    [problems().length ? `${id}-err` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field num-field ${props.class ?? ''}`} classList={{ invalid: problems().length > 0, overridden: value() !== undefined }}>
      <Show when={!props.hideLabel}>
        <label for={id}>{props.label}</label>
      </Show>
      <span class="input-unit">
        <input
          id={id}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          aria-label={props.hideLabel ? props.label : undefined}
          placeholder={props.def !== undefined ? formatDefault(props.def) : ''}
          value={shown()}
          disabled={props.disabled}
          aria-invalid={problems().length > 0 ? 'true' : undefined}
          aria-describedby={describedBy()}
          onInput={(e) => {
            setTyping(e.currentTarget.value);
            set(parseNumber(e.currentTarget.value));
          }}
          onBlur={() => setTyping(null)}
        />
        <Show when={props.unit}>
          <span class="unit">{props.unit}</span>
        </Show>
      </span>
      <Show when={props.hint}>
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      </Show>
      <FieldError id={id} problems={problems()} />
    </div>
  );
}

export function TextField(props: { path: Path; label: string; multiline?: boolean; required?: boolean }) {
  const { id, problems } = useField(props.path);
  const value = () => {
    const v = getIn(draft(), props.path);
    return typeof v === 'string' ? v : '';
  };
    const onInput = (text: string) => setPath(props.path, text === '' && !props.required ? undefined : text);
  return (
    <div class="field text-field" classList={{ invalid: problems().length > 0, wide: props.multiline }}>
      <label for={id}>{props.label}</label>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={id}
            type="text"
            value={value()}
            aria-invalid={problems().length > 0 ? 'true' : undefined}
            aria-describedby={problems().length ? `${id}-err` : undefined}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea id={id} rows={3} value={value()} onInput={(e) => onInput(e.currentTarget.value)} />
      </Show>
      <FieldError id={id} problems={problems()} />
    </div>
  );
}

/** A yes/no setting with a default: unchecked vs. checked is stored only when it differs from the default. */
export function CheckField(props: { path: Path; label: string; def: boolean; hint?: string }) {
  const { id } = useField(props.path);
  const value = () => {
    const v = getIn(draft(), props.path);
    return typeof v === 'boolean' ? v : props.def;
  };
  return (
    <div class="field check-field">
      <label class="check">
        <input id={id} type="checkbox" checked={value()} onChange={(e) => setPath(props.path, e.currentTarget.checked === props.def ? undefined : e.currentTarget.checked)} />
        {props.label}
      </label>
      <Show when={props.hint}>
        <span class="hint">{props.hint}</span>
      </Show>
    </div>
  );
}

/** A choice among named options; the empty option means "default". */
export function SelectField(props: { path: Path; label: string; options: { value: string; label: string }[]; defLabel: string }) {
  const { id, problems } = useField(props.path);
  const value = () => {
    const v = getIn(draft(), props.path);
    return typeof v === 'string' ? v : '';
  };
    return (
    <div class="field select-field" classList={{ invalid: problems().length > 0 }}>
      <label for={id}>{props.label}</label>
      <select id={id} onChange={(e) => setPath(props.path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}>
        <option value="" selected={value() === ''}>
          {props.defLabel}
        </option>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={value() === o.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
      <FieldError id={id} problems={problems()} />
    </div>
  );
}
