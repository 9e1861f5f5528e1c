/**
 * Text as HTML, for everything that writes markup: the printable report, and
 * chart tooltips. ECharts puts whatever a tooltip `formatter` function returns
 * into the page as HTML, and names reach those formatters from files the
 * planner imports (a boundary GeoJSON's feature names, a scenario's name).
 * ECharts' own default tooltips and string templates escape already; function
 * formatters do not.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows the same characters (safe in element content and in quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Tooltip markup of text lines: each escaped, empty ones left out, one per line. */
export function htmlLines(lines: readonly (string | null | undefined | false)[]): string {
  return lines
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map(escapeHtml)
    .join('<br>');
}
