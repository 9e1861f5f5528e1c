/**
 * The stated ranges of models/README.md §8.1: each refusal names the figure
 * (its JSON path) and the reason, and the shipped files stay valid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, capProblems, fileSizeProblem, MAX_INPUT_BYTES, problemText, validateDataset, validateScenario, validateScenarioAgainst, type ValidationProblem } from '../src/domain/validation';
import type { Lang } from '../src/domain/label';
import { reason, sayReason } from '../src/domain/reasons';
import { MAX_TIME_LIMIT_SEC } from '../src/domain/scenario';
import { timeLimitOf } from '../src/model/inputs';
import { tiny, tinyJson } from './helpers/tiny';

const base = { format: 'quota-scenario/1', name: 't', model: 'tiny-region' };

/** Problems as lines `$.path: reason`, the reason said in `lang`. */
const lines = (ps: readonly ValidationProblem[], lang: Lang) => ps.map((p) => `${p.path}: ${problemText(p, lang)}`);

/** The problems of a scenario on the tiny region: the schema's, else the model's. */
function problems(extra: object, lang: Lang = 'en'): string[] {
  const v = validateScenario({ ...base, ...extra });
  if (!v.ok) return lines(v.problems, lang);
  const w = validateScenarioAgainst(v.value, tiny());
  return w.ok ? [] : lines(w.problems, lang);
}

function modelProblems(change: (d: Record<string, unknown>) => void): string[] {
  const d = tinyJson() as Record<string, unknown>;
  change(d);
  const v = validateDataset(d);
  return v.ok ? [] : lines(v.problems, 'en');
}

describe('scenario ranges', () => {
  it('the shipped scenarios stay valid on the Hotan model', () => {
    const hotan = validateDataset(JSON.parse(readFileSync('models/hotan-2021-2025.json', 'utf8')));
    expect(hotan.ok).toBe(true);
    if (!hotan.ok) return;
    for (const f of readdirSync('scenarios')) {
      const v = validateScenario(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')));
      expect([f, v.ok && validateScenarioAgainst(v.value, hotan.value).ok]).toEqual([f, true]);
    }
  });

  it('inverted and zero scales name the class and say what would be lost', () => {
    expect(problems({ minScale: { stone: { large: 50 } }, maxScale: { stone: { large: 1 } } })).toEqual([
      '$.maxScale.stone.large: maximum 1 is below the minimum 50 (minScale.stone.large): no large mine could exist',
    ]);
    expect(problems({ maxScale: { sand: { large: 0 } } })).toEqual([
      '$.maxScale.sand.large: must be above 0: a mine of no output is no mine, and 0 would remove its class or the whole mineral',
    ]);
    expect(problems({ minScale: { sand: { small: 25 } } })).toEqual([
      '$.minScale.sand.small: the medium minimum 20 is not above the small minimum 25: the small class would be dropped',
    ]);
    expect(problems({ maxScale: { sand: { large: 5 } } })).toEqual([
      "$.maxScale.sand.large: the largest mine 5 is below the smallest class's minimum 10 (small): no mine of sand could exist",
    ]);
    expect(problems({ maxScale: { sand: { small: 15 } } })[0]).toMatch(/^\$\.maxScale\.sand\.small: only the large class's maximum can be set/);
  });

  it('weights: each 0 or within 1e-6 – 1e6, and not every output term 0 with the preset', () => {
    expect(problems({ objective: { weights: { value: 1e300 } } })).toEqual(['$.objective.weights.value: a weight is 0 (term off) or from 0.000001 to 1000000']);
    expect(problems({ objective: { weights: { value: 1e-300 } } })).toEqual(['$.objective.weights.value: a weight is 0 (term off) or from 0.000001 to 1000000']);
    // continuity's value weight is already 0: these three make all four 0
    expect(problems({ objective: { weights: { mines: 0, transport: 0, unmet: 0 } } })[0]).toMatch(/^\$\.objective\.weights: the weights of value, mines, transport, unmet are all 0/);
    // max-value keeps its value weight of 1
    expect(problems({ objective: { preset: 'max-value', weights: { mines: 0, transport: 0, unmet: 0 } } })).toEqual([]);
  });

  it('the time limit is refused above the maximum the solver and the UI hold, which the model also clamps to', () => {
    expect(problems({ timeLimitSec: MAX_TIME_LIMIT_SEC })).toEqual([]);
    expect(problems({ timeLimitSec: MAX_TIME_LIMIT_SEC + 1 })[0]).toMatch(/^\$\.timeLimitSec: at most 2000000 s/);
    expect(timeLimitOf({ timeLimitSec: MAX_TIME_LIMIT_SEC })).toBe(MAX_TIME_LIMIT_SEC);
  });

  it('amounts above 1e9, reserved ids and assumptions of the wrong form or range', () => {
    expect(problems({ caps: { sand: 1e308 } })).toEqual(['$.caps.sand: at most 1000000000 in its unit: a larger figure leaves the solver no precision']);
    expect(problems({ caps: { toString: 5 } })).toEqual(['$.caps.toString: this name is reserved (toString, constructor, valueOf, ...): choose another id']);
    expect(problems({ assumptions: { density: 1.5 } })).toEqual(['$.assumptions.density: must be a map {key: number} as in the model, not a number']);
    expect(problems({ assumptions: { density: { sand: 0 } } })[0]).toMatch(/^\$\.assumptions\.density\.sand: 0 is out of range: above 0 and at most 25 \(tonnes per m³/);
    expect(problems({ assumptions: { population: { north: -1, south: 10 } } })[0]).toMatch(/^\$\.assumptions\.population\.north: -1 is out of range: from 0 to 1000000000 \(people are counted/);
    expect(problems({ assumptions: { population: { north: 0, south: 0 } } })[0]).toMatch(/^\$\.assumptions\.population: every figure is 0/);
    expect(problems({ assumptions: { population: {} } })[0]).toMatch(/^\$\.assumptions\.population: every figure is 0/);
  });
});

describe('model ranges', () => {
  it('a negative value, zero density and a reserved mineral id in the model file', () => {
    expect(modelProblems((d) => ((d.table6 as { rows: { value: number }[] }).rows[0]!.value = -5))).toEqual([
      '$.table6.rows[0].value: cannot be negative: it is an amount, a count or a distance',
    ]);
    const density = (d: Record<string, unknown>) => (d.assumptions as { id: string; value: Record<string, number> }[]).find((a) => a.id === 'density')!;
    expect(modelProblems((d) => (density(d).value.sand = 0))[0]).toMatch(/^\$\.assumptions\[\d+\]\.value\.sand: 0 is out of range: above 0/);
    expect(modelProblems((d) => ((d.minerals as { id: string }[])[1]!.id = 'valueOf'))).toContain(
      '$.minerals[1].id: this name is reserved (toString, constructor, valueOf, ...): choose another id',
    );
    expect(modelProblems((d) => (d.extra = JSON.parse('{"__proto__": {"x": 1}}') as unknown))).toEqual([
      '$.extra.__proto__: the key __proto__ is not allowed: it is a reserved name in JavaScript',
    ]);
  });
});

describe('limits on what is read and listed', () => {
  it('lists 50 problems and counts the rest, in the planner’s language', () => {
    const many: ValidationProblem[] = Array.from({ length: 120 }, (_, i) => ({ path: `$[${i}]`, said: reason('validation.zod', { reason: 'x' }) }));
    expect(capProblems(many)).toHaveLength(MAX_PROBLEMS + 1);
    const last = capProblems(many).at(-1) as ValidationProblem;
    expect({ path: last.path, message: problemText(last, 'en') }).toEqual({ path: '$', message: 'and 70 more problems (only the first 50 are listed)' });
    expect({ path: last.path, message: problemText(last, 'zh') }).toEqual({ path: '$', message: '另有 70 个问题（只列出前 50 个）' });
    expect(capProblems(many.slice(0, 50))).toHaveLength(50);
  });

  it('refuses a file over 8 MB by its size alone', () => {
    expect(fileSizeProblem(MAX_INPUT_BYTES)).toBeNull();
    expect(problemText(fileSizeProblem(MAX_INPUT_BYTES + 1) as ValidationProblem, 'en')).toMatch(/^the file is 8\.0 MB, more than the 8 MB/);
    expect(problemText(fileSizeProblem(20 * 1048576) as ValidationProblem, 'zh')).toBe('文件大小 20.0 MB，超过模型、方案或边界文件所需的上限 8 MB；未读取');
  });
});

describe('the reasons in Chinese', () => {
  it('every message of the range and id checks has its Chinese, figure kept', () => {
    const cases: object[] = [
      { minScale: { stone: { large: 50 } }, maxScale: { stone: { large: 1 } } },
      { minScale: { sand: { small: 25 } } },
      { maxScale: { sand: { large: 5 } } },
      { maxScale: { sand: { small: 15, large: 0 } } },
      { objective: { weights: { value: 1e300 } } },
      { objective: { weights: { mines: 0, transport: 0, unmet: 0 } } },
      { timeLimitSec: 3e6, caps: { sand: 1e308, toString: 1, stone: -1 }, rightsCaps: { class3: 1e7 } },
      { assumptions: { density: 1.5 } },
      { assumptions: { density: { sand: 0 }, population: { north: 0, south: 0 }, otherClass12: { newMines: 0.5 } } },
    ];
    const messages = cases.flatMap((c) => problems(c, 'zh')).map((p) => p.replace(/^\S+: /, ''));
    expect(messages.length).toBeGreaterThanOrEqual(14);
    expect(messages.filter((m) => !/[\u4e00-\u9fff]/.test(m))).toEqual([]);
    expect(problems({ assumptions: { density: { sand: 0 } } }, 'zh')).toEqual([
      '$.assumptions.density.sand: 0 超出范围：大于 0 且不超过 25（岩石每立方米的吨数：大于 0（0 会在换算时抹掉该矿种），不超过 25（最重的元素为 22.6））',
    ]);
    expect(problems({ minScale: { sand: { small: 25 } } }, 'zh')).toEqual(['$.minScale.sand.small: 中型最小规模 20 不高于小型最小规模 25：小型类别将被舍弃']);
    // a reason of zod's own is shown as written
    expect(sayReason(reason('validation.zod', { reason: 'something else' }), 'zh')).toBe('something else');
  });
});
