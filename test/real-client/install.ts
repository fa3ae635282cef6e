/**
 * installRealClient: the Excel globals a test runs the add-in against, as Excel on the web gives
 * them — Excel's real client library (client-library.ts) whose requests the fake workbook
 * answers (rich-api-host.ts) — beside installFakeOffice (test/fakes/office.ts), whose client side
 * is the fake's own. Office.context.requirements answers from a declared host profile: the
 * package's client knows ExcelApi up to 1.15, so this layer reports at most that, and the code's
 * 1.16+ paths (notes) stay with the JS-level fake.
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
 */
import { FakeWorkbook } from "../fakes/workbook";
import { loadClientLibrary, type HttpRequest, type HttpResponse } from "./client-library";
import { RichApiHost, type HostBehaviour, type RichApiRequest } from "./rich-api-host";

/** The highest ExcelApi 1.x minor version the client in @microsoft/office-js implements. */
export const CLIENT_EXCEL_API = 15;

/** Where the client sends its requests; nothing is listening there, the request hook answers. */
const HOST_URL = "https://excel.invalid/deal-desk-tests";

/** What the host says it supports and how it answers what the docs leave open. */
export interface HostProfile {
  /** Requirement sets and their highest 1.x minor version; ExcelApi defaults to the workbook's apiVersion, at most 1.15. */
  readonly sets?: Readonly<Record<string, number>>;
  /** See HostBehaviour; none unless told. */
  readonly leftOutOfCollectionQueries?: readonly string[];
  /** Office.context.platform; Excel on the web's unless told. */
  readonly platform?: string;
}

type Global = Record<string, unknown>;

/** The host's answer to isSetSupported(name, "1.x"). */
function supports(sets: Readonly<Record<string, number>>, name: string, version: string | number | undefined): boolean {
  const [major, minor = 0] = String(version ?? "1.1")
    .split(".")
    .map(Number);
  const highest = sets[name];
  return highest !== undefined && major === 1 && minor <= highest;
}

/**
 * Puts Excel's real client on `target` (globalThis in Jest), answered by `workbook`; returns the
 * workbook. Every later install in the same realm answers from its own workbook and profile.
 */
export function installRealClient(target: object, workbook: FakeWorkbook = new FakeWorkbook(), profile: HostProfile = {}): FakeWorkbook {
  const global = target as Global;
  const library = loadClientLibrary(global);
  const host = new RichApiHost(workbook, {
    leftOutOfCollectionQueries: profile.leftOutOfCollectionQueries ?? [],
  } satisfies HostBehaviour);
  library.OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = HOST_URL;
  library.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request: HttpRequest): Promise<HttpResponse> => {
    // Through JSON, as over the wire: what JSON cannot carry does not arrive.
    const body = JSON.parse(typeof request.body === "string" ? request.body : JSON.stringify(request.body)) as RichApiRequest;
    const response = await host.execute(body);
    return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(response) };
  });
  const sets = () => ({ ExcelApi: Math.min(workbook.apiVersion, CLIENT_EXCEL_API), ...profile.sets });
  const info = { host: "Excel", platform: profile.platform ?? "OfficeOnline" };
  const context = {
    host: info.host,
    platform: info.platform,
    requirements: { isSetSupported: (name: string, version?: string | number) => supports(sets(), name, version) },
  };
  // office.js, the loader this script runs under in a page, makes the app factory once Office has
  // started the add-in; Office.context reads it. No Office starts these tests, so the page is ready at once.
  (global.OSF as Global)._OfficeAppFactory = { getContext: () => context, getHostInfo: () => ({ hostType: "excel", hostPlatform: "web" }) };
  (library.Office as Global).onReady = (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  };
  return workbook;
}
