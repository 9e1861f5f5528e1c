/**
 * Text in chart tooltips: ECharts puts what a formatter function returns into
 * the page as HTML, so names from imported files must arrive escaped.
 */
import { describe, expect, test } from 'vitest';
import { escapeHtml, htmlLines } from '../src/present/escape';
import { countyMapChart } from '../src/present/charts/options';
import { toyDataset, toyReport } from './helpers/toy-report';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = `"><script>window.__pwned='1'</script>`;

describe('escapeHtml', () => {
  test('turns every character that opens markup or ends an attribute into an entity', () => {
    expect(escapeHtml(IMG)).toBe('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(escapeHtml(SCRIPT)).toBe('&quot;&gt;&lt;script&gt;window.__pwned=&#39;1&#39;&lt;/script&gt;');
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  test('leaves other text, Chinese included, as it is', () => {
    expect(escapeHtml('和田市及和田县: 1,234 万m³ “上限”')).toBe('和田市及和田县: 1,234 万m³ “上限”');
  });
});

describe('htmlLines', () => {
  test('escapes each line, leaves out empty ones and breaks lines with <br>', () => {
    expect(htmlLines([IMG, undefined, '', null, false, 'x < 2'])).toBe(`${escapeHtml(IMG)}<br>x &lt; 2`);
  });
});

describe('county map tooltip', () => {
  type Formatter = (p: { name: string; value: unknown }) => string;
  const formatterOf = (boundary?: { mapName: string; regions: { name: string; county: string | null }[] }) =>
    (countyMapChart(toyReport(), toyDataset, 'en', { metric: 'sand', boundary }).option as { tooltip: { formatter: Formatter } }).tooltip.formatter;

  test('a boundary feature name from the planner’s file comes out as text, not markup', () => {
    const f = formatterOf({ mapName: 'm', regions: [{ name: IMG, county: null }, { name: SCRIPT, county: 'hetian' }] });
    const html = f({ name: IMG, value: 12.5 });
    expect(html).not.toContain('<');
    // the unit follows; how it reads is the unit labels' business
    expect(html.startsWith(`${escapeHtml(IMG)}: 12.5 `)).toBe(true);
    expect(f({ name: SCRIPT, value: 3 })).not.toMatch(/[<>"]/);
  });

  test('the schematic map (a county seat: name, value and unit) reads as before', () => {
    expect(formatterOf()({ name: 'Moyu (Karakax) County', value: [79.7, 37.3, 4] }).startsWith('Moyu (Karakax) County: 4 ')).toBe(true);
  });
});
