/**
 * Lint: Microsoft's rules for Office add-ins (load before read, no context.sync() in a loop, …)
 * on TypeScript and JavaScript, parsed by @typescript-eslint/parser, which the plugin brings.
 * The plugin's recommended config names that parser through a default import the parser does not
 * have, so it arrives undefined; it is set again here.
 */
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

/** The globals of Node's CommonJS scripts (webpack config, npm start, Jest config). */
const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer", "URL", "setTimeout", "clearTimeout"].map(
    (name) => [name, "readonly"],
  ),
);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".bench/**", "test-results/**"] },
  ...officeAddins.configs.recommended,
  {
    languageOptions: { parser: tsParser, ecmaVersion: "latest" },
    rules: {
      // Formatting is Prettier's (.prettierrc.json); `npm run lint` runs `prettier --check` first.
      "prettier/prettier": "off",
    },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // The TypeScript compiler already reports undefined names and redeclarations, and knows that
      // a type and a value may share a name.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // Short files that say what they hold: about 350 lines of code a file and 60 a function,
    // blank lines and comments not counted.
    files: ["src/**/*.ts"],
    rules: {
      "max-lines": ["error", { max: 350, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["test/**"],
    rules: {
      // Tests read fake Excel objects and ExcelJS worksheets synchronously; the rules cannot tell
      // those from Office.js proxies. src/ keeps them.
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
  },
];
