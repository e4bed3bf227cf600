// Disclosure control: primary and secondary suppression checked by an attacker who reads the published
// table and works out whatever each line (a row with its total, a column with its total, the totals row
// and column) gives away, repeating as deductions feed each other. No single hidden count, and no sum of
// hidden counts along a line, may come out between 1 and threshold − 1.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { protectRow, protectTable } from '../src/domain/analytics/disclosure.ts';
import type { ProtectedTable } from '../src/domain/analytics/disclosure.ts';
import { Random } from '../src/seed/random.ts';

type Known = Array<number | null>;

/** Every line of a published table as [parts, total], each entry an index into one flat list. */
function linesOf(rows: number, columns: number): Array<{ parts: number[]; total: number }> {
  const cell = (i: number, j: number) => i * columns + j;
  const rowTotal = (i: number) => rows * columns + i;
  const columnTotal = (j: number) => rows * columns + rows + j;
  const grand = rows * columns + rows + columns;
  return [
    ...Array.from({ length: rows }, (_, i) => ({ parts: Array.from({ length: columns }, (_, j) => cell(i, j)), total: rowTotal(i) })),
    ...Array.from({ length: columns }, (_, j) => ({ parts: Array.from({ length: rows }, (_, i) => cell(i, j)), total: columnTotal(j) })),
    { parts: Array.from({ length: columns }, (_, j) => columnTotal(j)), total: grand },
    { parts: Array.from({ length: rows }, (_, i) => rowTotal(i)), total: grand },
  ];
}

/**
 * What an attacker learns: fills in every entry a line pins down, until nothing changes; returns the
 * small counts revealed (single entries, or sums of a line's unknown parts under a known total).
 */
function attack(published: ProtectedTable, truth: number[][], threshold: number): string[] {
  const rows = truth.length;
  const columns = truth[0]!.length;
  const known: Known = [...published.cells.flat(), ...published.rowTotals, ...published.columnTotals, published.total];
  const hidden = known.map((v) => v === null);
  const lines = linesOf(rows, columns);
  const leaks: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const unknownParts = line.parts.filter((p) => known[p] === null);
      const totalKnown = known[line.total] !== null;
      const knownSum = line.parts.filter((p) => known[p] !== null).reduce((s, p) => s + known[p]!, 0);
      if (totalKnown && unknownParts.length === 1) {
        known[unknownParts[0]!] = known[line.total]! - knownSum;
        changed = true;
      } else if (!totalKnown && unknownParts.length === 0) {
        known[line.total] = knownSum;
        changed = true;
      } else if (totalKnown && unknownParts.length > 1 && unknownParts.length < line.parts.length) {
        // (All parts unknown: their sum is the published total itself, nothing new.)
        const sum = known[line.total]! - knownSum;
        if (sum > 0 && sum < threshold) leaks.push(`parts ${unknownParts.join(',')} sum to ${sum}`);
      }
    }
  }
  known.forEach((v, i) => {
    if (hidden[i] && v !== null && v > 0 && v < threshold) leaks.push(`entry ${i} recovered as ${v}`);
  });
  return leaks;
}

/** Shown figures are the true ones; the ones that must be hidden are. */
function checkShown(published: ProtectedTable, truth: number[][], threshold: number, publicTotals = false) {
  published.cells.forEach((row, i) => row.forEach((v, j) => {
    const t = truth[i]![j]!;
    if (t > 0 && t < threshold) assert.equal(v, null, `cell ${i},${j} = ${t} must be hidden`);
    if (v !== null) assert.equal(v, t);
  }));
  const rowTotals = truth.map((r) => r.reduce((s, v) => s + v, 0));
  published.rowTotals.forEach((v, i) => {
    if (publicTotals) assert.equal(v, rowTotals[i]);
    else if (v !== null) assert.equal(v, rowTotals[i]);
  });
  published.columnTotals.forEach((v, j) => {
    const t = truth.reduce((s, r) => s + r[j]!, 0);
    if (t > 0 && t < threshold) assert.equal(v, null);
    if (v !== null) assert.equal(v, t);
  });
}

describe('disclosure control', () => {
  test('primary: counts of 1–4 are hidden, 0 and 5+ shown where nothing else needs hiding', () => {
    const t = protectTable([[10, 0, 7], [6, 0, 9]]);
    assert.deepEqual(t.cells, [[10, 0, 7], [6, 0, 9]]);
    assert.deepEqual(t.rowTotals, [17, 15]);
    assert.equal(t.total, 32);
    assert.equal(t.suppressed, 0);
    const small = protectTable([[10, 3, 7], [6, 8, 9]]);
    assert.equal(small.cells[0]![1], null);
    assert.equal(attack(small, [[10, 3, 7], [6, 8, 9]], 5).length, 0);
  });

  test('secondary: a lone hidden cell takes a partner in its row and its column, so no total gives it away', () => {
    const truth = [[10, 3, 7], [6, 8, 9]];
    const t = protectTable(truth);
    // Row 0: 3 hidden → its smallest partner (7) too; column 1: 3 hidden → 8 too; then row 1 needs a second.
    assert.equal(t.cells[0]![2], null);
    assert.equal(t.cells[1]![1], null);
    assert.ok(t.cells[1]!.filter((v) => v === null).length >= 2);
    assert.deepEqual(t.rowTotals, [20, 23]);
    assert.equal(t.total, 43);
    assert.deepEqual(attack(t, truth, 5), []);
    checkShown(t, truth, 5);
  });

  test('hidden cells in a line must add up to 0 or at least the threshold (no "these two make 3")', () => {
    const truth = [[1, 2, 20], [9, 9, 9]];
    const t = protectTable(truth);
    assert.deepEqual(attack(t, truth, 5), []);
    // 1 and 2 alone would add up to 3 under the known row total: 20 must go as well.
    assert.equal(t.cells[0]![2], null);
  });

  test('small totals are hidden (primary) and their lines protected (secondary)', () => {
    const truth = [[2, 1], [20, 30]];
    const t = protectTable(truth);
    assert.equal(t.rowTotals[0], null);
    assert.deepEqual(attack(t, truth, 5), []);
    checkShown(t, truth, 5);
  });

  test('public totals stay shown; the cells under them are protected as if the reader knew them', () => {
    const truth = [[2, 0, 0, 0], [5, 1, 1, 0], [0, 0, 0, 4], [30, 12, 8, 6]];
    const t = protectTable(truth, { publicTotals: { rows: true, grand: true } });
    assert.deepEqual(t.rowTotals, [2, 7, 4, 56]);
    assert.equal(t.total, 69);
    // A group of two: its zeros go too, or the only non-zero column would say where both are.
    assert.deepEqual(t.cells[0], [null, null, null, null]);
    assert.deepEqual(t.cells[2], [null, null, null, null]);
    assert.deepEqual(t.cells[1]!.slice(0, 3), [null, null, null]);
    assert.deepEqual(attack(t, truth, 5), []);
    checkShown(t, truth, 5, true);
  });

  test('a row with a public total (leavers by reason): the split is protected', () => {
    const r = protectRow([1, 0, 6, 0], { publicTotal: true });
    assert.equal(r.total, 7);
    assert.equal(r.cells[0], null);
    assert.equal(r.cells[2], null); // else 7 − 6 = 1
    assert.deepEqual(protectRow([7, 9, 0]).cells, [7, 9, 0]);
    assert.deepEqual(protectRow([2, 0], { publicTotal: true }).cells, [null, null]);
  });

  test('random tables: whatever the attacker deduces line by line is never a count of 1–4', () => {
    const rnd = new Random(20261125);
    for (let n = 0; n < 2000; n++) {
      const rows = rnd.int(1, 6);
      const columns = rnd.int(2, 7);
      const truth = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (rnd.chance(0.3) ? 0 : rnd.chance(0.5) ? rnd.int(1, 4) : rnd.int(5, 40))));
      const threshold = rnd.chance(0.8) ? 5 : rnd.int(2, 10);
      const publicTotals = rnd.chance(0.5);
      const t = protectTable(truth, { threshold, ...(publicTotals ? { publicTotals: { rows: true, grand: true } } : {}) });
      assert.deepEqual(attack(t, truth, threshold), [], JSON.stringify({ truth, threshold, publicTotals, t }));
      checkShown(t, truth, threshold, publicTotals);
    }
  });
});
