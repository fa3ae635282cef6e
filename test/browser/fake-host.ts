/**
 * Stands in for office.js in the pane's browser tests: the test answers the Office CDN request
 * with this file, bundled. It installs the fake Excel of test/fakes on the page, adds the theme
 * a test asked for, and exposes the workbook so the test can act as the user and read it back.
 *
 * A test configures it before the page loads (page.addInitScript):
 *   window.dealDeskFake = { theme: "dark" | "light", apiVersion?: number }
 */
import { FakeWorkbook, installFakeOffice } from "../fakes/fake-excel";

interface FakeConfig {
  readonly theme?: "light" | "dark";
  readonly apiVersion?: number;
}

/** Office's own theme colours for its White and Black themes. */
const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#404040",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
};

const page = globalThis as unknown as {
  dealDeskFake?: FakeConfig;
  fakeWorkbook?: FakeWorkbook;
  Office: { context: Record<string, unknown> };
};
const config: FakeConfig = page.dealDeskFake ?? {};
const workbook = new FakeWorkbook({ apiVersion: config.apiVersion ?? 18, sheets: ["Sheet1"] });
installFakeOffice(globalThis, workbook);
page.Office.context.officeTheme = THEMES[config.theme ?? "light"];
page.fakeWorkbook = workbook;
