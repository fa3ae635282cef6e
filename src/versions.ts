/** Dotted version strings ("1.10.0", ExcelApi "1.18") compared part by part, as numbers. */

/** -1, 0 or 1: "1.10.0" after "1.9.2", "1.18" after "1.9"; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
