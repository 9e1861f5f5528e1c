/**
 * Saves data as a file from the browser (an object URL on a temporary link,
 * works offline), and opens an HTML page in a new tab for printing.
 */
import { scenarioJson } from '../../domain/scenario-json';
import { scenarioFileName, type ScenarioDraft } from '../../store';

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json;charset=utf-8',
  lp: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
} as const;

export function downloadBlob(name: string, data: string | Uint8Array | Blob, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A scenario (as typed, even with problems) as its file, named after it. */
export function downloadScenario(scenario: ScenarioDraft, name: string): void {
  downloadBlob(scenarioFileName(name), scenarioJson(scenario), MIME.json);
}

/** Opens an HTML page in a new tab; false when a pop-up blocker stopped it. */
export function openHtml(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: MIME.html }));
  const w = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return w !== null;
}
