/** A KPI status as symbol + words + colour, so it reads without colour and in print. */
import type { JSX } from 'solid-js';
import { statusText, type KpiKind, type KpiStatus } from '../../present/kpis';
import { lang } from '../i18n';

export function StatusBadge(props: { status: KpiStatus; kind: KpiKind }): JSX.Element {
  return <span class={`status status-${props.status}`}>{statusText(props.status, props.kind, lang())}</span>;
}
