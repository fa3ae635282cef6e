/**
 * Offline checks of the add-in manifest, for when Microsoft's validation service
 * (`npm run validate`) is out of reach: the manifest parses, every resid used is defined and every
 * defined one used, every URL is https and names a file of the build, the custom functions
 * namespace is DEAL, the requirement sets are declared (ExcelApi at the writer's minimum), the
 * Id is a GUID, each icon is a PNG of its declared size, and the pane, functions and ribbon share
 * one long-lived runtime with one task pane.
 *
 * Usage: node -r ./scripts/ts-register.js scripts/check-manifest.ts [manifest.xml] [dist-dir] [base-url]
 */
import * as fs from "fs";
import * as path from "path";
import { REQUIRED_API } from "../src/excel/failures";
import { compareVersions } from "../src/versions";
import { descendants, localName, parseXml, XmlElement, XmlParseError } from "./xml";

export const DEV_BASE_URL = "https://localhost:3000";
export const NAMESPACE = "DEAL";
export const REQUIRED_SETS: ReadonlyArray<{ name: string; minVersion: string }> = [
  { name: "SharedRuntime", minVersion: "1.1" },
  // The functions return CustomFunctions.Error (CustomFunctionsRuntime 1.2) with an ErrorCode (1.3).
  { name: "CustomFunctionsRuntime", minVersion: "1.3" },
  // The Excel writer's own minimum, so Office offers the add-in only where inserting works.
  { name: "ExcelApi", minVersion: REQUIRED_API },
];
/** Pixel sizes Office expects of the store icons. */
export const STORE_ICON_SIZES: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };

export interface ManifestCheckOptions {
  /** The build the URLs must name files of. */
  distDir: string;
  /** The URL the build is served from; defaults to the development server. */
  baseUrl?: string;
}

interface Resource {
  id: string;
  value: string;
  line: number;
}

interface UrlUse {
  url: string;
  element: XmlElement;
  /** The file of the build it names, when it is https, under the base URL and the file exists. */
  file?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\//i;
const RESOURCE_GROUPS = new Set(["Images", "Urls", "ShortStrings", "LongStrings"]);

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => localName(candidate) === name);
}

function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((candidate) => localName(candidate) === name) ?? [];
}

function at(element: XmlElement): string {
  return `<${element.name}> (line ${element.line})`;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function collectResources(resources: XmlElement | undefined, problems: string[]): Map<string, Resource> {
  const defined = new Map<string, Resource>();
  for (const group of resources?.children ?? []) {
    if (!RESOURCE_GROUPS.has(localName(group))) continue;
    for (const entry of group.children) {
      const id = entry.attributes.id;
      if (id === undefined) continue;
      const previous = defined.get(id);
      if (previous !== undefined) {
        problems.push(`resource "${id}" is defined twice (lines ${previous.line} and ${entry.line})`);
        continue;
      }
      defined.set(id, { id, value: entry.attributes.DefaultValue ?? "", line: entry.line });
    }
  }
  return defined;
}

function checkResids(root: XmlElement, defined: Map<string, Resource>, problems: string[]): void {
  const used = new Set<string>();
  for (const element of descendants(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    if (!defined.has(resid)) problems.push(`resid "${resid}" on ${at(element)} is not defined in <Resources>`);
  }
  for (const resource of defined.values()) {
    if (!used.has(resource.id)) {
      problems.push(`resource "${resource.id}" (line ${resource.line}) is defined but no resid uses it`);
    }
  }
}

function checkUrls(root: XmlElement, options: Required<ManifestCheckOptions>, problems: string[]): UrlUse[] {
  const uses: UrlUse[] = [];
  const prefix = `${options.baseUrl}/`;
  const distDir = path.resolve(options.distDir);
  for (const element of descendants(root)) {
    const values = Object.entries(element.attributes)
      .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
      .map(([, value]) => value);
    const text = element.text.trim();
    if (text !== "") values.push(text);
    for (const url of values.filter((value) => URL_VALUE.test(value))) {
      const use: UrlUse = { url, element };
      uses.push(use);
      if (!url.startsWith("https://")) {
        problems.push(`URL "${url}" in ${at(element)} is not https`);
        continue;
      }
      // An AppDomain is an origin the add-in may navigate to, not a file of the build.
      if (localName(element) === "AppDomain") continue;
      if (!url.startsWith(prefix)) {
        problems.push(`URL "${url}" in ${at(element)} is not under ${prefix}, so the build does not produce it`);
        continue;
      }
      const relative = decodeURIComponent(url.slice(prefix.length).replace(/[?#].*$/, ""));
      const file = path.resolve(distDir, relative);
      const inside = file.startsWith(distDir + path.sep);
      if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        problems.push(`URL "${url}" in ${at(element)} names ${relative}, which is not in the build (${options.distDir})`);
        continue;
      }
      use.file = file;
    }
  }
  return uses;
}

function checkIcons(root: XmlElement, defined: Map<string, Resource>, urls: UrlUse[], problems: string[]): void {
  const fileOf = (url: string): string | undefined => urls.find((use) => use.url === url)?.file;
  const expectations: Array<{ url: string; size: number; what: string }> = [];
  for (const [name, size] of Object.entries(STORE_ICON_SIZES)) {
    const element = child(root, name);
    const url = element?.attributes.DefaultValue;
    if (element !== undefined && url !== undefined) expectations.push({ url, size, what: at(element) });
  }
  const seen = new Set<string>();
  for (const image of descendants(root)) {
    if (localName(image) !== "Image" || image.attributes.resid === undefined) continue;
    const size = Number(image.attributes.size);
    const resource = defined.get(image.attributes.resid);
    const key = `${image.attributes.resid}@${size}`;
    if (resource === undefined || seen.has(key)) continue;
    seen.add(key);
    expectations.push({
      url: resource.value,
      size,
      what: `resource "${resource.id}" shown at size ${image.attributes.size} by ${at(image)}`,
    });
  }
  for (const { url, size, what } of expectations) {
    const file = fileOf(url);
    if (file === undefined) continue;
    const actual = pngSize(fs.readFileSync(file));
    if (actual === undefined) {
      problems.push(`icon ${url} for ${what} is not a PNG file`);
    } else if (actual.width !== size || actual.height !== size) {
      problems.push(`icon ${url} for ${what} is ${actual.width}×${actual.height} px, expected ${size}×${size}`);
    }
  }
}

function checkNamespace(host: XmlElement | undefined, defined: Map<string, Resource>, problems: string[]): void {
  const extension = [...(host ? descendants(host) : [])].find(
    (element) => localName(element) === "ExtensionPoint" && element.attributes["xsi:type"] === "CustomFunctions",
  );
  if (extension === undefined) {
    problems.push(`no CustomFunctions extension point declares the ${NAMESPACE} functions`);
    return;
  }
  const namespace = child(extension, "Namespace");
  if (namespace === undefined) {
    problems.push(`the CustomFunctions extension point ${at(extension)} has no <Namespace>`);
    return;
  }
  const resource = defined.get(namespace.attributes.resid ?? "");
  if (resource !== undefined && resource.value !== NAMESPACE) {
    problems.push(`the custom functions namespace is "${resource.value}", expected "${NAMESPACE}"`);
  }
}

function checkRequirementSets(root: XmlElement, problems: string[]): void {
  const sets = child(child(root, "Requirements"), "Sets");
  const defaultMinVersion = sets?.attributes.DefaultMinVersion ?? "1.1";
  for (const required of REQUIRED_SETS) {
    const declared = childrenNamed(sets, "Set").find((set) => set.attributes.Name === required.name);
    if (declared === undefined) {
      problems.push(`requirement set ${required.name} ${required.minVersion} is not declared in <Requirements>`);
      continue;
    }
    const version = declared.attributes.MinVersion ?? defaultMinVersion;
    if (compareVersions(version, required.minVersion) < 0) {
      problems.push(`requirement set ${required.name} is declared as ${version}, below ${required.minVersion}`);
    }
  }
}

function checkId(root: XmlElement, problems: string[]): void {
  const id = child(root, "Id");
  if (id === undefined) {
    problems.push("the manifest has no <Id>");
  } else if (!GUID.test(id.text.trim())) {
    problems.push(`Id "${id.text.trim()}" (line ${id.line}) is not a GUID`);
  }
}

/** Office loads the pane, the functions and the ribbon into one runtime only if they all name it. */
function checkSharedRuntime(host: XmlElement | undefined, problems: string[]): void {
  const runtime = child(child(host, "Runtimes"), "Runtime");
  if (runtime === undefined) {
    problems.push("the Workbook host declares no shared <Runtime>");
    return;
  }
  if (runtime.attributes.lifetime !== "long") {
    problems.push(`the shared runtime ${at(runtime)} has lifetime "${runtime.attributes.lifetime ?? ""}", expected "long"`);
  }
  const resid = runtime.attributes.resid;
  const references: XmlElement[] = [];
  for (const element of descendants(host!)) {
    const name = localName(element);
    if (name === "FunctionFile") references.push(element);
    if (name === "Page" || (name === "Action" && element.attributes["xsi:type"] === "ShowTaskpane")) {
      const location = child(element, "SourceLocation");
      if (location !== undefined) references.push(location);
    }
  }
  for (const reference of references) {
    if (reference.attributes.resid !== resid) {
      problems.push(`${at(reference)} uses resid "${reference.attributes.resid ?? ""}", not the shared runtime's "${resid}"`);
    }
  }
  checkOnePane(host!, problems);
}

/**
 * One shared runtime has one task pane: every ShowTaskpane action names the same <TaskpaneId>
 * ("any task pane without a <TaskpaneID> is considered a different task pane",
 * configure-your-add-in-to-use-a-shared-runtime, "Multiple task panes"; the Action element: "Use
 * the same TaskpaneId for different actions that share the same pane"). Microsoft's own
 * shared-runtime sample keeps one on its ribbon button (OfficeDev/Office-Add-in-samples,
 * Samples/office-contextual-tabs/manifest.xml, <TaskpaneId>ButtonId1</TaskpaneId> beside
 * <Runtime lifetime="long"/>); that sample's two-panes bug (PR #118) came from an id in the
 * contextual tab's JSON, not from the manifest's.
 */
function checkOnePane(host: XmlElement, problems: string[]): void {
  let first: { id: string; element: XmlElement } | undefined;
  for (const action of descendants(host)) {
    if (localName(action) !== "Action" || action.attributes["xsi:type"] !== "ShowTaskpane") continue;
    const id = child(action, "TaskpaneId");
    if (id === undefined) {
      problems.push(`${at(action)} shows a task pane without a <TaskpaneId>, which the shared-runtime guide calls a different task pane`);
    } else if (first === undefined) {
      first = { id: id.text.trim(), element: id };
    } else if (id.text.trim() !== first.id) {
      problems.push(
        `${at(id)} names the pane "${id.text.trim()}", but ${at(first.element)} names it "${first.id}": a shared runtime has one pane`,
      );
    }
  }
}

/** Every problem found, in document order per check; an empty list means the manifest passes. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const settings: Required<ManifestCheckOptions> = {
    distDir: options.distDir,
    baseUrl: (options.baseUrl ?? DEV_BASE_URL).replace(/\/+$/, ""),
  };
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return [`the manifest does not parse: ${error.message}`];
    throw error;
  }
  if (localName(root) !== "OfficeApp") return [`the root element is <${root.name}>, expected <OfficeApp>`];

  const problems: string[] = [];
  const versionOverrides = child(root, "VersionOverrides");
  const host = childrenNamed(child(versionOverrides, "Hosts"), "Host").find((candidate) => candidate.attributes["xsi:type"] === "Workbook");
  checkId(root, problems);
  checkRequirementSets(root, problems);
  const defined = collectResources(child(versionOverrides, "Resources"), problems);
  checkResids(root, defined, problems);
  const urls = checkUrls(root, settings, problems);
  checkIcons(root, defined, urls, problems);
  checkNamespace(host, defined, problems);
  checkSharedRuntime(host, problems);
  return problems;
}

if (require.main === module) {
  const [manifestPath = "manifest.xml", distDir = process.env.DIST_DIR ?? "dist", baseUrl] = process.argv.slice(2);
  const problems = checkManifest(fs.readFileSync(manifestPath, "utf8"), { distDir, baseUrl });
  for (const problem of problems) console.error(`${manifestPath}: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(`${manifestPath}: all offline checks pass against ${distDir}`);
}
