import { contrastRatio, FLUENT, luminance, paneTheme, parseHexColor, softenedText } from "../../src/taskpane/theme";

describe("parseHexColor", () => {
  test.each([
    ["#ffffff", [255, 255, 255]],
    ["#000", [0, 0, 0]],
    ["0F6CBD", [15, 108, 189]],
    [" #aBc ", [170, 187, 204]],
  ])("reads %s", (text, rgb) => expect(parseHexColor(text)).toEqual(rgb));

  test.each(["", "red", "#12345", "#gggggg", undefined, null])("rejects %p", (text) => expect(parseHexColor(text)).toBeNull());
});

describe("contrast", () => {
  test("black on white is 21:1 and white on white 1:1, the bounds of WCAG's ratio", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
  });

  test("uses the WCAG formula: mid grey #777777 has luminance ((0x77/255+0.055)/1.055)^2.4", () => {
    const channel = ((0x77 / 255 + 0.055) / 1.055) ** 2.4;
    expect(luminance([0x77, 0x77, 0x77])).toBeCloseTo(channel, 12);
    expect(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(1.05 / (channel + 0.05), 12);
  });

  test("a softened text colour stays readable on every surface it is checked against", () => {
    const fg = [36, 36, 36] as const;
    const bg = [255, 255, 255] as const;
    const card = [240, 240, 240] as const;
    const muted = softenedText(fg, bg, [bg, card]);
    expect(contrastRatio(muted, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(muted, card)).toBeGreaterThanOrEqual(4.5);
    expect(muted).not.toEqual(fg);
  });
});

describe("paneTheme", () => {
  test("without Office's colours follows the browser's preference with Fluent's palette", () => {
    expect(paneTheme(undefined)).toEqual({ mode: "light", vars: FLUENT.light });
    expect(paneTheme(null, true)).toEqual({ mode: "dark", vars: FLUENT.dark });
  });

  test("Office's isDarkTheme decides the mode when present", () => {
    expect(paneTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" }).mode).toBe("dark");
    expect(paneTheme({ isDarkTheme: false }, true).mode).toBe("light");
  });

  test("a dark background makes the pane dark and uses Office's own colours", () => {
    const theme = paneTheme({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#404040",
      controlForegroundColor: "#FFFFFF",
    });
    expect(theme.mode).toBe("dark");
    expect(theme.vars).toMatchObject({ bg: "#262626", fg: "#ffffff", card: "#404040" });
  });

  test.each([
    ["white", { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF" }],
    ["colorful", { bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF" }],
    ["dark grey", { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#6A6A6A" }],
    ["black", { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#262626" }],
  ])("every text colour reads at 4.5:1 or more on the %s theme's surfaces", (_name, office) => {
    const { vars } = paneTheme(office);
    for (const text of ["fg", "muted", "link"]) {
      for (const surface of ["bg", "card"]) {
        expect(contrastRatio(parseHexColor(vars[text])!, parseHexColor(vars[surface])!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test("a theme whose text does not read on its background falls back to Fluent's palette", () => {
    expect(paneTheme({ bodyBackgroundColor: "#999999", bodyForegroundColor: "#aaaaaa" })).toEqual({ mode: "light", vars: FLUENT.light });
  });

  test("a control colour that would not read under the text is replaced by Fluent's card colour", () => {
    const theme = paneTheme({ bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#111111" });
    expect(theme.vars.card).toBe(FLUENT.light.card);
  });
});
