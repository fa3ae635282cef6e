"use strict";
/**
 * Builds the add-in into DIST_DIR (default dist/):
 * - functions.js + functions.json: the DEAL.* custom functions, metadata generated from their JSDoc
 *   (help links rewritten to ADDIN_BASE_URL);
 * - taskpane.html + taskpane.js: the pane, which also loads functions.js so the functions run in
 *   the shared runtime (the page is also the FunctionFile of the ribbon command);
 * - help.html: the functions' help page, rendered at build time from src/functions/help-page.ts;
 * - assets/ and manifest.xml, with every https://localhost:3000 replaced by ADDIN_BASE_URL;
 * - figures.json: figures/figures.json (or FIGURES_FILE), validated first, as the add-in serves it;
 *   the pane's built-in fallback copy is the same file.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
// The metadata generator behind Microsoft's custom-functions-metadata-plugin, resolved through it.
const { generateCustomFunctionsMetadata } = require(
  require.resolve("custom-functions-metadata", { paths: [path.dirname(require.resolve("custom-functions-metadata-plugin"))] }),
);
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, NormalModuleReplacementPlugin, WebpackError, sources } = require("webpack");

const DEV_BASE_URL = "https://localhost:3000";
const SRC = path.join(__dirname, "src");

/** The URL the add-in is served from, without a trailing slash; https only, as Office requires. */
function addinBaseUrl(value) {
  if (value === undefined || value === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== "https:" || url.search !== "" || url.hash !== "") {
    const error = new Error(
      `ADDIN_BASE_URL must be an https URL without query or fragment, such as https://example.com/deal; got "${value}". ` +
        "Office loads add-ins only over HTTPS.",
    );
    // webpack-cli prints the stack; the user needs the message, not this file's line numbers.
    error.stack = `Error: ${error.message}`;
    throw error;
  }
  return value.replace(/\/+$/, "");
}

/**
 * The build clears its output folder first, so it refuses a folder that holds anything but a
 * previous build (one with a manifest.xml) and any folder that contains the project itself.
 */
function outputDir(value) {
  const dir = path.resolve(__dirname, value || "dist");
  const relative = path.relative(dir, __dirname);
  const containsProject = relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  if (containsProject || (entries.length > 0 && !entries.includes("manifest.xml"))) {
    const error = new Error(
      `DIST_DIR ${dir} ${containsProject ? "contains the project" : "is not empty and holds no previous build"}; ` +
        "the build clears its output folder, so choose a new or empty folder.",
    );
    error.stack = `Error: ${error.message}`;
    throw error;
  }
  return dir;
}

function withBaseUrl(text, baseUrl) {
  return text.split(DEV_BASE_URL).join(baseUrl);
}

/**
 * Emits functions.json from the JSDoc of the functions file, as custom-functions-metadata-plugin
 * does, without that plugin's other half: it also appends an unguarded CustomFunctions.associate
 * call per function to the bundle. functions.ts registers its functions itself, guarded so the
 * file loads where CustomFunctions is absent (Node, the pane's preview in a plain browser), and a
 * second registration of every id would follow.
 */
class FunctionsMetadataPlugin {
  /** `baseUrl` replaces the development URL in the functions' help links (`@helpurl`). */
  constructor(input, baseUrl) {
    this.input = path.resolve(__dirname, input);
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    let result;
    compiler.hooks.beforeCompile.tapPromise("FunctionsMetadataPlugin", async () => {
      result = await generateCustomFunctionsMetadata(this.input, false);
    });
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          if (result.errors.length > 0) {
            for (const error of result.errors) compilation.errors.push(new WebpackError(`functions.json: ${error}`));
            return;
          }
          compilation.emitAsset("functions.json", new sources.RawSource(withBaseUrl(result.metadataJson, this.baseUrl)));
        },
      );
    });
  }
}

/** Emits help.html from the pure renderHelpPage() of src/functions/help-page.ts. */
class HelpPagePlugin {
  apply(compiler) {
    const helpPage = path.join(SRC, "functions", "help-page.ts");
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.fileDependencies.add(helpPage);
      compilation.hooks.processAssets.tap(
        { name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          require("./scripts/ts-register.js");
          // A rebuild (npm start watches) must see edited sources, not the first require's copy.
          for (const cached of Object.keys(require.cache)) {
            if (cached.startsWith(SRC + path.sep)) delete require.cache[cached];
          }
          try {
            const { renderHelpPage } = require(helpPage);
            compilation.emitAsset("help.html", new sources.RawSource(renderHelpPage()));
            // Watch every source the page was rendered from, not only help-page.ts.
            for (const loaded of Object.keys(require.cache)) {
              if (loaded.startsWith(SRC + path.sep)) compilation.fileDependencies.add(loaded);
            }
          } catch (error) {
            compilation.errors.push(
              new WebpackError(
                `help.html (the manifest's SupportUrl) is rendered by renderHelpPage() of ${path.relative(__dirname, helpPage)}: ${error.message}`,
              ),
            );
          }
        },
      );
    });
  }
}

/** The figures file the build validates, serves as figures.json and builds into the pane. */
function figuresFile(value) {
  return path.resolve(__dirname, value || path.join("figures", "figures.json"));
}

/**
 * Validates the figures file before anything is compiled (schema, ids, sources, values, quotes
 * against sources/), failing the build with the file, id and field of each problem; then emits
 * it as figures.json. The check is scripts/figures-check.ts, the same as npm run figures:check.
 */
class FiguresPlugin {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    let text;
    compiler.hooks.beforeCompile.tap("FiguresPlugin", () => {
      require("./scripts/ts-register.js");
      const { checkFiguresFile } = require("./scripts/figures-check.ts");
      const result = checkFiguresFile(this.file, path.join(__dirname, "sources"));
      if (!result.ok) {
        const error = new Error(`The figures file is invalid:\n${result.lines.join("\n")}`);
        error.stack = `Error: ${error.message}`;
        throw error;
      }
      text = result.text;
    });
    compiler.hooks.thisCompilation.tap("FiguresPlugin", (compilation) => {
      compilation.fileDependencies.add(this.file);
      compilation.hooks.processAssets.tap({ name: "FiguresPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("figures.json", new sources.RawSource(text));
      });
    });
  }
}

module.exports = (env, argv) => {
  const baseUrl = addinBaseUrl(process.env.ADDIN_BASE_URL);
  const production = argv.mode !== "development";
  const distDir = outputDir(process.env.DIST_DIR);
  const taskpaneCss = path.join(SRC, "taskpane", "taskpane.css");
  const figures = figuresFile(process.env.FIGURES_FILE);

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pane's Content-Security-Policy forbids eval.
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.ts",
    },
    output: {
      path: distDir,
      filename: "[name].js",
      // Relative URLs, so the build works under any ADDIN_BASE_URL path.
      publicPath: "",
      // functions.js runs in Excel's JavaScript-only runtime too, where there is no window or self.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new FiguresPlugin(figures),
      // The pane's built-in copy is the file the build validated and serves.
      new NormalModuleReplacementPlugin(/[\\/]figures[\\/]figures\.json$/, (resource) => {
        resource.request = figures;
      }),
      new FunctionsMetadataPlugin("./src/functions/functions.ts", baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions first: the pane page is the shared runtime that hosts the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new HelpPagePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => withBaseUrl(content.toString("utf8"), baseUrl),
          },
          ...(fs.existsSync(taskpaneCss) ? [{ from: taskpaneCss, to: "taskpane.css" }] : []),
        ],
      }),
    ],
  };
};

module.exports.addinBaseUrl = addinBaseUrl;
module.exports.outputDir = outputDir;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.figuresFile = figuresFile;
