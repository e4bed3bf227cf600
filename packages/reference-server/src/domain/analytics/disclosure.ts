// Statistical disclosure control for counts of people: a table with row totals, column totals and a
// grand total, where no published figure — and no difference of published figures along a row or a
// column — tells a reader a count between 1 and threshold − 1.
//
// Primary suppression hides every count (cell or total) from 1 to threshold − 1. Secondary suppression
// then looks at each line (a row with its total, a column with its total, the totals row, the totals
// column) as the equation "parts add up to the total": if one entry is hidden it could be recovered by
// subtraction, so a second is hidden; if the total is shown, the hidden parts must add up to 0 or to at
// least the threshold (else "these two add up to 3" is itself a small count), so more are hidden. It
// hides the smallest non-zero shown entry each time (a zero only when no other is left, e.g. a group of
// three whose only non-zero cell is hidden) and repeats until every line passes. Zeros are otherwise
// shown: an empty cell is not a person.
//
// Totals that are published elsewhere (headcount by org unit is in the composition report, the number of
// leavers in the turnover series) are declared public: they are never hidden, and the cells under them
// are protected on the assumption that the reader knows them. This is the line-by-line protection used for official
// workforce tables; it does not defend against combining different queries (see the server README).
//
// Threshold: 5 (counts of 1–4 hidden), as NHS England applies to published workforce equality data.

export const disclosureThreshold = 5;

/** A protected table: null where a count is hidden. */
export interface ProtectedTable {
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  columnTotals: Array<number | null>;
  total: number | null;
  /** How many entries (cells and totals) are hidden. */
  suppressed: number;
}

type Entry = { value: number; hidden: boolean; public: boolean };

export interface PublicTotals {
  /** Row totals are known to the reader (shown even when small). */
  rows?: boolean;
  /** The grand total is known to the reader. */
  grand?: boolean;
}
type Line = { parts: Entry[]; total: Entry };

const show = (e: Entry) => (e.hidden ? null : e.value);

/** Hides entries until no line gives a small count away (each pass only hides more, so it ends). */
function settle(lines: Line[], threshold: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const pick = weakness(line, threshold);
      if (pick) {
        pick.hidden = true;
        changed = true;
      }
    }
  }
}

/** Protects `counts` (rows × columns, non-negative integers) with its totals. */
export function protectTable(counts: number[][], options: { threshold?: number; publicTotals?: PublicTotals } = {}): ProtectedTable {
  const threshold = options.threshold ?? disclosureThreshold;
  const entry = primary(threshold);
  const rows = counts.length;
  const columns = rows > 0 ? counts[0]!.length : 0;
  const cells = counts.map((row) => row.map((v) => entry(v)));
  const rowTotals = counts.map((row) => entry(row.reduce((s, v) => s + v, 0), options.publicTotals?.rows));
  const columnTotals = Array.from({ length: columns }, (_, j) => entry(counts.reduce((s, row) => s + row[j]!, 0)));
  const total = entry(rowTotals.reduce((s, t) => s + t.value, 0), options.publicTotals?.grand);

  // Every line: its parts and its total.
  const lines: Line[] = [
    ...cells.map((row, i) => ({ parts: row, total: rowTotals[i]! })),
    ...columnTotals.map((t, j) => ({ parts: cells.map((row) => row[j]!), total: t })),
    { parts: columnTotals, total },
    { parts: rowTotals, total },
  ];
  settle(lines, threshold);
  const all = [...cells.flat(), ...rowTotals, ...columnTotals, total];
  return {
    cells: cells.map((row) => row.map(show)),
    rowTotals: rowTotals.map(show),
    columnTotals: columnTotals.map(show),
    total: show(total),
    suppressed: all.filter((e) => e.hidden).length,
  };
}

/** The entry to hide next so the line stops giving anything away, or null if it is safe. */
function weakness(line: Line, threshold: number): Entry | null {
  const entries = [...line.parts, line.total];
  const hidden = entries.filter((e) => e.hidden);
  if (hidden.length === 0) return null;
  const hiddenPartsSum = line.parts.filter((e) => e.hidden).reduce((s, e) => s + e.value, 0);
  const recoverable = hidden.length === 1 || (!line.total.hidden && hiddenPartsSum > 0 && hiddenPartsSum < threshold);
  if (!recoverable) return null;
  const shown = entries.filter((e) => !e.hidden && !e.public);
  if (shown.length === 0) return null;
  // The smallest non-zero figure costs least; a zero only when nothing else is left.
  const candidates = shown.filter((e) => e.value > 0);
  const pool = candidates.length > 0 ? candidates : shown;
  return pool.reduce((a, b) => (b.value < a.value ? b : a));
}

const primary = (threshold: number) => (value: number, isPublic = false): Entry => ({ value, public: isPublic, hidden: !isPublic && value > 0 && value < threshold });

/** One row of counts with its total (e.g. leavers by reason). */
export function protectRow(counts: number[], options: { threshold?: number; publicTotal?: boolean } = {}): { cells: Array<number | null>; total: number | null; suppressed: number } {
  const threshold = options.threshold ?? disclosureThreshold;
  const entry = primary(threshold);
  const parts = counts.map((v) => entry(v));
  const total = entry(counts.reduce((s, v) => s + v, 0), options.publicTotal);
  settle([{ parts, total }], threshold);
  return { cells: parts.map(show), total: show(total), suppressed: [...parts, total].filter((e) => e.hidden).length };
}
