/**
 * The Word report in Chromium, on the production build: the baseline solved,
 * then "Word report (.docx)" on the Export page in Chinese and in English.
 * Each download is unzipped here and read: the scenario's name in the title,
 * the county quotas as a Word table, and each chart drawn by the browser's
 * canvas to a real PNG beside its SVG.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { appsPerTest, describeE2E } from '../helpers/browser';
import { type Lang, openWithBaseline, solve, W } from './steps';

const BUTTON = { zh: 'Word 报告（.docx）', en: 'Word report (.docx)' };
const TITLE = { zh: '开采指标方案报告：', en: 'Quota plan report: ' };
const COUNTY_HEADER = { zh: '县（市）', en: 'County' };
const SAND = { zh: '建筑用砂', en: 'Construction sand' };

async function downloadDocx(page: Page, lang: Lang) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: BUTTON[lang] }).click();
  const file = await download;
  const bytes = readFileSync((await file.path()) ?? '');
  return { name: file.suggestedFilename(), files: unzipSync(new Uint8Array(bytes)) };
}

describeE2E('the Word report in Chromium', () => {
  const { withApp } = appsPerTest();

  it('baseline: a valid DOCX with the scenario’s name, the county table and the charts as PNG and SVG, in zh and en', () =>
    withApp(async (app) => {
      const { page } = app;
      await openWithBaseline(app, 'zh');
      expect(await solve(page, 'zh')).toContain(W.zh.solved);

      for (const lang of ['zh', 'en'] as const) {
        await app.goto('export', lang);
        await page.getByRole('button', { name: BUTTON[lang] }).waitFor();
        const { name, files } = await downloadDocx(page, lang);
        expect(name).toMatch(/\.docx$/);
        expect(strFromU8(files['[Content_Types].xml']!)).toContain('wordprocessingml.document.main+xml');
        const doc = strFromU8(files['word/document.xml']!);
        expect(doc).toContain(`${TITLE[lang]}${W.zh.baseline}`);
        // the county quota table: a real Word table whose header row starts with the county column
        const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
        const counties = tables.find((t) => t.includes('<w:tblHeader/>') && t.includes(`>${COUNTY_HEADER[lang]}</w:t>`) && t.includes(`>${SAND[lang]}</w:t>`));
        expect(counties).toBeDefined();
        // a header row, the baseline's 7 counties and the prefecture with at least one mineral each, and the totals
        expect(counties!.split('<w:tr>').length - 1).toBeGreaterThan(12);
        expect(doc).toContain(lang === 'zh' ? '和田市及和田县' : 'Hotan City and Hotan County');

        // the browser drew each chart: a PNG twice the chart's size, and the SVG beside it
        const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
        const pngs = media.filter((f) => f.endsWith('.png'));
        expect(media.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);
        expect(pngs.length).toBe(media.filter((f) => f.endsWith('.svg')).length);
        for (const f of pngs) {
          const png = files[f]!;
          expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
          expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1440);
          expect(png.length).toBeGreaterThan(10_000); // a drawing, not a blank canvas
        }
        await page.getByText(name).waitFor();
      }
      expect(app.errors).toEqual([]);
    }),
  300_000);
});
