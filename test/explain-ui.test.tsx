// @vitest-environment jsdom
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, expect, test } from 'vitest';
import { runScenario } from '../src/model/run';
import { createNodeSolver } from '../src/solver/node';
import { setLang } from '../src/ui/i18n';
import { Explanation } from '../src/ui/results/Explanation';
import { scenario, tiny } from './helpers/tiny';

afterEach(() => {
  cleanup();
  setLang('zh');
});

test('each relaxation links to the editor section that edits its figure', async () => {
  setLang('en');
  const report = runScenario(tiny(), scenario('floor above cap', { caps: { sand: { min: 150 } } }), await createNodeSolver());
  render(() => <Explanation report={report} />);
  const item = screen.getByRole('alert').querySelector('li[data-constraint="floor[sand]"]') as HTMLElement;
  expect(item.textContent).toContain('lower it from 150 to 100 10⁴ m³ (by 50). It runs into:');
  const link = screen.getByRole('link', { name: 'Change it in the editor: Total caps' });
  expect(link.getAttribute('href')).toBe('#/editor/caps');
  expect(link.getAttribute('data-path')).toBe('caps.sand.min');
});
