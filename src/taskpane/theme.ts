/**
 * Maps Office's theme colours to the pane's CSS custom properties. Pure: takes the colours as
 * plain values (index.ts reads them from Office) and guarantees readable contrast whatever the
 * host reports, since a theme's own greys are not always 4.5:1 against its background.
 */

/** The colours Office reports for the current theme (all optional: older hosts omit some). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

export type ThemeMode = "light" | "dark";

export interface PaneTheme {
  readonly mode: ThemeMode;
  /** CSS custom properties without the leading "--": bg, fg, card, muted, border, accent… */
  readonly vars: Readonly<Record<string, string>>;
}

/** Fluent 2's neutral and brand colours, the pane's look when Office gives no theme. */
export const FLUENT: Readonly<Record<ThemeMode, Readonly<Record<string, string>>>> = Object.freeze({
  light: Object.freeze({
    bg: "#ffffff",
    fg: "#242424",
    card: "#f5f5f5",
    muted: "#616161",
    border: "#d1d1d1",
    accent: "#0f6cbd",
    "accent-fg": "#ffffff",
    link: "#115ea3",
    danger: "#b10e1c",
    "danger-bg": "#fdf3f4",
    success: "#0e700e",
  }),
  dark: Object.freeze({
    bg: "#292929",
    fg: "#ffffff",
    card: "#333333",
    muted: "#c7c7c7",
    border: "#666666",
    accent: "#115ea3",
    "accent-fg": "#ffffff",
    link: "#479ef5",
    danger: "#f1707b",
    "danger-bg": "#3b2326",
    success: "#54b054",
  }),
});

type Rgb = readonly [number, number, number];

/** "#rgb" or "#rrggbb" (any case) to channels 0–255; anything else is null. */
export function parseHexColor(text: string | undefined | null): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(text ?? "").trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? match[1].replace(/./g, (c) => c + c) : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return "#" + rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * share) as unknown as Rgb;
}

/**
 * The softest blend of `fg` toward `bg` that still reads at `minimum`:1 on every background in
 * `against`; `fg` itself when even that fails.
 */
export function softenedText(fg: Rgb, bg: Rgb, against: readonly Rgb[], minimum = 4.5): Rgb {
  for (let share = 0.5; share > 0; share -= 0.05) {
    const candidate = mix(fg, bg, share);
    const rounded = candidate.map(Math.round) as unknown as Rgb;
    if (against.every((surface) => contrastRatio(rounded, surface) >= minimum)) return rounded;
  }
  return fg;
}

/**
 * The pane's theme for Office's colours. Missing or unreadable colours fall back to Fluent's for
 * the mode; the mode is Office's `isDarkTheme` when given, otherwise the background's luminance,
 * otherwise the browser's preference (outside Office).
 */
export function paneTheme(office: OfficeThemeColors | null | undefined, prefersDark = false): PaneTheme {
  const bg = parseHexColor(office?.bodyBackgroundColor);
  const mode: ThemeMode =
    office?.isDarkTheme !== undefined
      ? office.isDarkTheme
        ? "dark"
        : "light"
      : bg
        ? luminance(bg) < 0.2
          ? "dark"
          : "light"
        : prefersDark
          ? "dark"
          : "light";
  const base = FLUENT[mode];
  const fg = parseHexColor(office?.bodyForegroundColor);
  if (!bg || !fg || contrastRatio(bg, fg) < 4.5) return { mode, vars: { ...base } };
  const control = parseHexColor(office?.controlBackgroundColor);
  const card = control && contrastRatio(control, fg) >= 4.5 ? control : parseHexColor(base.card)!;
  const vars: Record<string, string> = {
    ...base,
    bg: toHex(bg),
    fg: toHex(fg),
    card: toHex(card),
    muted: toHex(softenedText(fg, bg, [bg, card])),
  };
  // Fluent's link and state colours suit Fluent's backgrounds; on another background they must
  // still read, or they give way to the text colour.
  for (const key of ["link", "danger", "success"]) {
    const colour = parseHexColor(vars[key])!;
    if ([bg, card].some((surface) => contrastRatio(colour, surface) < 4.5)) vars[key] = toHex(fg);
  }
  return { mode, vars };
}
