/**
 * Excel's real JavaScript client, as Excel on the web loads it: the `excel-web-16.00.js` script of
 * @microsoft/office-js, evaluated once per test file in the test's own realm (so its errors are
 * `Error`s and its arrays `Array`s of the code under test, as in a browser page). The script needs
 * a few page globals at load (window, document, navigator, location); they are the least it
 * touches, and nothing of them is used once it has loaded. The client then speaks the Rich API
 * protocol to whatever answers OfficeExtension.HttpUtility's request hook (rich-api-host.ts).
 */
import * as fs from "fs";
import * as path from "path";

/** The script Office loads for Excel on the web; its ExcelApi stops at 1.15. */
export const CLIENT_SCRIPT = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", "excel-web-16.00.js");

/** What the script defines: the Excel namespace, OfficeExtension and the Office common API. */
export interface ClientLibrary {
  readonly Excel: typeof Excel & Record<string, unknown>;
  readonly OfficeExtension: typeof OfficeExtension & {
    HttpUtility: { setCustomSendRequestFunc(send: (request: HttpRequest) => Promise<HttpResponse>): void };
    ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
  };
  readonly Office: Record<string, unknown>;
}

/** A request as the client hands it to the hook (OfficeExtension.IHttpRequestInfo). */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** The answer the hook gives back (OfficeExtension.IHttpResponseInfo). */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const LOADED = "__dealDeskExcelClient";

/** The page globals the script reads while it loads (an empty page on https://localhost). */
function pageGlobals(global: Record<string, unknown>): void {
  const stub = () => undefined;
  global.window ??= global;
  global.document ??= {
    getElementById: () => null,
    getElementsByTagName: () => [],
    createElement: () => ({ style: {}, setAttribute: stub, appendChild: stub }),
    addEventListener: stub,
    readyState: "complete",
    cookie: "",
  };
  global.navigator ??= { userAgent: "Node.js (Deal Desk tests)" };
  global.location ??= {
    href: "https://localhost/taskpane.html",
    search: "",
    hash: "",
    protocol: "https:",
    host: "localhost",
    hostname: "localhost",
  };
  global.addEventListener ??= stub;
}

/** Loads the client into this realm once (a second call returns the same library). */
export function loadClientLibrary(global: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): ClientLibrary {
  const existing = global[LOADED] as ClientLibrary | undefined;
  if (existing) return existing;
  pageGlobals(global);
  // Indirect eval runs the script at this realm's top level, as a <script> tag does (vm would give it a realm of its own).
  // eslint-disable-next-line no-eval
  (0, eval)(fs.readFileSync(CLIENT_SCRIPT, "utf8"));
  const library = { Excel: global.Excel, OfficeExtension: global.OfficeExtension, Office: global.Office } as unknown as ClientLibrary;
  if (typeof library.Excel?.run !== "function") throw new Error(`${CLIENT_SCRIPT} did not define Excel.run.`);
  global[LOADED] = library;
  return library;
}
