import type { Finding } from './types';

/**
 * A baseline: the findings a team accepted when it adopted Green ML, so that only new ones are
 * reported. A finding is known by its rule, its file and a fingerprint of the code it flags (the
 * first line of its range with whitespace collapsed: a resource's logical id, a call, a key), never
 * by its line number, so findings survive lines added or removed above them. Several findings with
 * the same fingerprint in a file are counted: a baseline of two accepts two, and a third is new.
 */
export interface BaselineEntry {
  /** Path relative to the baseline file's folder, with `/`. */
  file: string;
  rule: string;
  fingerprint: string;
  /** How many findings of this rule, file and fingerprint are accepted. */
  count: number;
  /** The flagged code, for a reader of the file; not used to match. */
  snippet: string;
}

export interface BaselineData {
  version: 1;
  tool: 'greenml';
  findings: BaselineEntry[];
}

export type BaselineState = 'new' | 'unchanged';

const maxSnippet = 160;

/** The code a finding flags, as the baseline keeps it: its range's first non-blank line, whitespace collapsed. */
export function snippetOf(finding: Pick<Finding, 'start' | 'end'>, text: string): string {
  const flagged = text.slice(finding.start, Math.max(finding.start, finding.end));
  const line = flagged.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.replace(/\s+/g, ' ').trim().slice(0, maxSnippet);
}

/** The rule and flagged code hashed (FNV-1a, two 32-bit lanes, 16 hex digits). */
export function fingerprintOf(ruleId: string, snippet: string): string {
  const input = `${ruleId}\u0000${snippet}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** What a baseline records of one linted file. */
export interface BaselineInput {
  /** Relative to the baseline file's folder, with `/`. */
  file: string;
  text: string;
  findings: readonly Finding[];
}

/** The baseline of the given findings, sorted so that it diffs well under version control. */
export function createBaseline(files: readonly BaselineInput[]): BaselineData {
  const entries = new Map<string, BaselineEntry>();
  for (const { file, text, findings } of files) {
    for (const finding of findings) {
      const snippet = snippetOf(finding, text);
      const fingerprint = fingerprintOf(finding.ruleId, snippet);
      const key = `${file}\u0000${fingerprint}`;
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { file, rule: finding.ruleId, fingerprint, count: 1, snippet });
    }
  }
  const findings = [...entries.values()].sort((x, y) => compare(x.file, y.file) || compare(x.rule, y.rule) || compare(x.snippet, y.snippet) || compare(x.fingerprint, y.fingerprint));
  return { version: 1, tool: 'greenml', findings };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a baseline file's JSON; throws an Error with a one-line reason when it is not one. */
export function parseBaseline(json: string): BaselineData {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('not JSON');
  }
  const d = data as Partial<BaselineData> | null;
  if (!d || typeof d !== 'object' || d.tool !== 'greenml' || !Array.isArray(d.findings)) throw new Error('not a Green ML baseline (expected {"tool": "greenml", "findings": [...]})');
  if (d.version !== 1) throw new Error(`baseline version ${String(d.version)} is not supported (expected 1)`);
  const findings: BaselineEntry[] = [];
  for (const [i, e] of d.findings.entries()) {
    const ok = e && typeof e === 'object' && typeof e.file === 'string' && typeof e.rule === 'string' && typeof e.fingerprint === 'string' && Number.isInteger(e.count) && e.count > 0;
    if (!ok) throw new Error(`findings[${i}] needs file, rule, fingerprint and a positive count`);
    findings.push({ file: e.file, rule: e.rule, fingerprint: e.fingerprint, count: e.count, snippet: typeof e.snippet === 'string' ? e.snippet : '' });
  }
  return { version: 1, tool: 'greenml', findings };
}

/** Matches findings against a baseline. */
export class Baseline {
  private readonly counts = new Map<string, number>();

  constructor(readonly data: BaselineData) {
    for (const e of data.findings) this.counts.set(`${e.file}\u0000${e.fingerprint}`, (this.counts.get(`${e.file}\u0000${e.fingerprint}`) ?? 0) + e.count);
  }

  get size(): number {
    return this.data.findings.reduce((n, e) => n + e.count, 0);
  }

  /**
   * The state of each finding of one file (same order): `unchanged` while the baseline still
   * accepts findings of its fingerprint in that file, in the order given, then `new`.
   */
  statesOf(file: string, text: string, findings: readonly Finding[]): BaselineState[] {
    const used = new Map<string, number>();
    return findings.map((finding) => {
      const key = `${file}\u0000${fingerprintOf(finding.ruleId, snippetOf(finding, text))}`;
      const n = used.get(key) ?? 0;
      if (n >= (this.counts.get(key) ?? 0)) return 'new';
      used.set(key, n + 1);
      return 'unchanged';
    });
  }
}
