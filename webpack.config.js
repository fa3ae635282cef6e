"use strict";
/**
 * Builds the add-in into DIST_DIR (default dist/):
 * - functions.js + functions.json: the DEAL.* custom functions, metadata generated from the
 *   catalog (src/functions/metadata.ts, help links under ADDIN_BASE_URL);
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
 * Emits assets rendered at build time by pure functions of src/ (loaded through ts-register):
 * `assets` maps an output file to [source module, render(module) → text].
 */
class RenderedAssetsPlugin {
  constructor(assets) {
    this.assets = assets;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RenderedAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RenderedAssetsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        require("./scripts/ts-register.js");
        // A rebuild (npm start watches) must see edited sources, not the first require's copy.
        for (const cached of Object.keys(require.cache)) {
          if (cached.startsWith(SRC + path.sep)) delete require.cache[cached];
        }
        for (const [file, [modulePath, render]] of Object.entries(this.assets)) {
          try {
            compilation.emitAsset(file, new sources.RawSource(render(require(modulePath))));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${file} is rendered from ${path.relative(__dirname, modulePath)}: ${error.message}`));
          }
        }
        // Watch every source the assets were rendered from.
        for (const loaded of Object.keys(require.cache)) {
          if (loaded.startsWith(SRC + path.sep)) compilation.fileDependencies.add(loaded);
        }
      });
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

/** office.js as taskpane.html loads it, from Microsoft's CDN. */
const OFFICE_JS_TAG = /<script\b[^>]*\bsrc="https:\/\/appsforoffice\.microsoft\.com\/[^"]*office\.js"[^>]*><\/script>/;

/**
 * Preloads the page's own scripts from before office.js. Chromium (Excel on the web, Edge
 * WebView2) starts a deferred script only once the parser-blocking office.js before it has run,
 * so without this functions.js and taskpane.js download after office.js instead of beside it
 * (bench/pane.bench.ts measures the difference).
 */
class PreloadScriptsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadScriptsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).afterTemplateExecution.tap("PreloadScriptsPlugin", (data) => {
        const scripts = [...data.headTags, ...data.bodyTags].filter((tag) => tag.tagName === "script" && tag.attributes.src);
        const links = scripts.map((tag) => `<link rel="preload" href="${tag.attributes.src}" as="script" />`).join("");
        if (!OFFICE_JS_TAG.test(data.html)) {
          throw new Error(
            `${data.outputName} loads no office.js from https://appsforoffice.microsoft.com; the scripts' preloads go before it.`,
          );
        }
        data.html = data.html.replace(OFFICE_JS_TAG, (tag) => links + tag);
        return data;
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
      // The pane's chunks loaded when used (pane-excel, pane-preview, pane-reference,
      // pane-self-test): named by content, so a host may cache them for good
      // (deploy/nginx); the entries keep their names, which the manifest and taskpane.html use.
      chunkFilename: "[name].[contenthash:16].js",
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
          oneOf: [
            {
              // The catalog's runtime part only, where the functions' code imports it (see the loader).
              test: path.join(SRC, "calc", "catalog.ts"),
              issuer: [path.join(SRC, "calc"), path.join(SRC, "functions")],
              use: path.join(__dirname, "scripts", "catalog-runtime-loader.js"),
            },
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: {
                loader: "ts-loader",
                options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
              },
            },
          ],
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          // What several of the pane's chunks loaded when used need (the deal math and decimal.js,
          // for the derived cards and the self-test) goes in a chunk of its own, named after them:
          // pane-derived-self-test. Smaller overlaps (under webpack's 20 KB) are copied instead.
          default: {
            chunks: "async",
            minChunks: 2,
            priority: -20,
            reuseExistingChunk: true,
            name: (_module, chunks) =>
              `pane-${chunks
                .map((chunk) => chunk.name.replace(/^pane-/, ""))
                .sort()
                .join("-")}`,
          },
        },
      },
    },
    plugins: [
      new FiguresPlugin(figures),
      // The pane's built-in copy is the file the build validated and serves.
      new NormalModuleReplacementPlugin(/[\\/]figures[\\/]figures\.json$/, (resource) => {
        resource.request = figures;
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions first: the pane page is the shared runtime that hosts the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new PreloadScriptsPlugin(),
      new RenderedAssetsPlugin({
        "functions.json": [path.join(SRC, "functions", "metadata.ts"), (m) => JSON.stringify(m.functionsMetadata(baseUrl), null, 2)],
        "help.html": [path.join(SRC, "functions", "help-page.ts"), (m) => m.renderHelpPage()],
      }),
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
