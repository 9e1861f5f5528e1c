/** A difference that reads without colour and in print: arrow, sign, number, word. */
import { Show, type JSX } from 'solid-js';
import { fmt, fmtPct } from '../../present/names';
import { lang, t } from '../i18n';

export const SAME_TOL = 1e-9;

export function signed(x: number, digits: number): string {
  const abs = fmt(Math.abs(x), lang(), digits);
  return x > 0 ? `+${abs}` : x < 0 ? `−${abs}` : abs;
}

export interface DeltaProps {
  value: number | null;
  digits?: number;
  /** share KPIs: the difference is shown in percentage points */
  share?: boolean;
  /** base value, to add the relative change in percent */
  base?: number | null;
}

type Direction = 'up' | 'down' | 'same';

export function Delta(props: DeltaProps): JSX.Element {
  const dir = (): Direction | null => (props.value === null ? null : props.value > SAME_TOL ? 'up' : props.value < -SAME_TOL ? 'down' : 'same');
  const text = () => {
    const v = props.value ?? 0;
    if (dir() === 'same') return '＝ 0';
    const arrow = dir() === 'up' ? '▲' : '▼';
    const num = props.share ? `${signed(v * 100, 1)} ${t('compare.delta.pp')}` : signed(v, props.digits ?? 2);
    const rel = props.base !== undefined && props.base !== null && props.base !== 0 && !props.share ? ` (${v > 0 ? '+' : '−'}${fmtPct(Math.abs(v / props.base), lang())})` : '';
    return `${arrow} ${num}${rel}`;
  };
  return (
    <Show when={dir()}>
      {(d) => (
        <span class={`delta delta-${d()}`} title={t(`compare.delta.${d()}`)}>
          {text()}
          <span class="sr-only"> {t(`compare.delta.${d()}`)}</span>
        </span>
      )}
    </Show>
  );
}
