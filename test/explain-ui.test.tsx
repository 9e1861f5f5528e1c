// @vitest-environment jsdom
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, expect, test } from 'vitest';
import { loadDatasetFile, loadScenarioFile } from '../src/domain/load-node';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import { setLang } from '../src/ui/i18n';
import { Explanation } from '../src/ui/results/Explanation';
import { scenario, tiny } from './helpers/tiny';

afterEach(() => {
  cleanup();
  setLang('zh');
});

test('each relaxation names the field to set, to what, and links to it in the editor', async () => {
  setLang('en');
  const report = runScenario(tiny(), scenario('floor above cap', { caps: { sand: { min: 150 } } }), await createNodeSolver());
  render(() => <Explanation report={report} />);
  const item = screen.getByRole('alert').querySelector('li[data-constraint="floor[sand]"]') as HTMLElement;
  expect(item.textContent).toContain('Set ‘Construction sand total floor (10⁴ m³/yr)’ to at most 100 (now 150; 50 less). It runs into:');
  const link = screen.getByRole('link', { name: 'Change ‘Construction sand total floor (10⁴ m³/yr)’ in the editor' });
  expect(link.getAttribute('href')).toBe('#/editor/caps');
  expect(link.getAttribute('data-path')).toBe('caps.sand.min');
  expect(item.textContent).not.toContain('caps.sand.min');
});

test('a class-1/2 ceiling too low for the mines the model holds fixed reads “set it to at least” with the figure, in Chinese', async () => {
  const hotan = loadDatasetFile('models/hotan-2021-2025.json');
  const report = runScenario(hotan, { ...loadScenarioFile('scenarios/baseline.json'), rightsCaps: { class12: 30 } }, await createNodeSolver());
  render(() => <Explanation report={report} />);
  const item = screen.getByRole('alert').querySelector('li[data-constraint="rights[class12]"]') as HTMLElement;
  expect(item.textContent).toMatch(/^把『一二类固体矿产矿山数上限（个）』设为至少 56（现为 30，放宽 26）。/);
  expect(screen.getByRole('link', { name: '在编辑器中修改『一二类固体矿产矿山数上限（个）』' }).getAttribute('href')).toBe('#/editor/rights');
});
