/**
 * npm run -s audit -- [--model file] [--json]
 *
 * Prints every inconsistency the plan's figures show (see src/domain/audit.ts).
 * --json prints only a JSON array of findings on stdout. A model file that
 * cannot be read or is not valid: `file: $.path: reason` lines on stderr, exit 1.
 */
import { auditDataset, findingText, groupFindingsByTable, type Finding } from '../domain/audit';
import { InputError } from '../domain/errors';
import { loadDatasetFile } from '../domain/load-node';

const DEFAULT_MODEL = 'models/hotan-2021-2025.json';
const USAGE = 'usage: npm run -s audit -- [--model file] [--json]';

interface Options {
  model: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { model: DEFAULT_MODEL, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--model') {
      const v = argv[++i];
      if (v === undefined) throw new InputError(`--model needs a file\n${USAGE}`);
      o.model = v;
    } else if (a?.startsWith('--model=')) o.model = a.slice('--model='.length);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new InputError(`unknown argument "${a}"\n${USAGE}`);
  }
  return o;
}

function readable(findings: readonly Finding[]): string {
  const lines = [`数据核查：${findings.length} 项 / Data audit: ${findings.length} findings`, ''];
  for (const g of groupFindingsByTable(findings)) {
    lines.push(`${g.table}`);
    for (const f of g.findings) {
      if (f.tables[0] !== g.table) continue; // a finding on two tables is printed once, under its first
      lines.push(`  [${f.kind}] ${f.tables.join(' / ')}`, `    ${findingText(f, 'zh')}`, `    ${findingText(f, 'en')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function main(): void {
  try {
    const o = parseArgs(process.argv.slice(2));
    const findings = auditDataset(loadDatasetFile(o.model));
    if (o.json) {
      const out = findings.map((f) => ({
        kind: f.kind,
        tables: f.tables,
        values: f.values,
        message: findingText(f, 'zh'),
        messageEn: findingText(f, 'en'),
        ...(f.subject ? { subject: f.subject } : {}),
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else process.stdout.write(`${readable(findings)}\n`);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

main();
