/**
 * How much work one DEAL.* call may ask for, in one place: a result or a series larger than these
 * is a #VALUE! with a message at once, before any work, never a hang or a crashed page.
 */

/** Excel's grid: no result can be larger. */
export const GRID_ROWS = 1_048_576;
export const GRID_COLS = 16_384;

/**
 * The most cells one result may have: two of Excel's whole columns (A:B against a single value).
 * Measured on the 2-core machine (Node 20), a grid this size of error cells takes about 1 s and
 * 160 MB; `=DEAL.STAKE(A:A, 1:1)` (17 billion cells) would need hundreds of gigabytes. Excel
 * itself reads at most five million cells of a range at once
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * and large custom-function results can leave Excel on #BUSY! (office-js issue #2786).
 */
export const MAX_RESULT_CELLS = 2 * GRID_ROWS;

/**
 * The most rounds DEAL.TRANCHES takes: a tranche a month for over eight years. Its exact fraction
 * grows by at most 700 digits a round, so this also sets decimal.js's precision (decimal.ts), and
 * bounds the work: measured on the 2-core machine (load 16), 100 rounds of money values take about
 * 12 ms; 100 rounds whose inputs span the whole range of doubles (1e-300 against 1e308 in every
 * round, 61,000-digit fractions) about 2.7 s.
 */
export const MAX_ROUNDS = 100;
