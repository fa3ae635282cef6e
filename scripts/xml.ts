/**
 * The manifest as a tree of elements with line numbers, read by fast-xml-parser (its validator
 * reports malformed XML with a line; `captureMetaData` gives each element's position). No DTDs:
 * a manifest has none, and refusing them keeps entity expansion out.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element, entities decoded. */
  text: string;
  /** 1-based line of the element's start tag. */
  line: number;
}

export class XmlParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`${reason} (line ${line})`);
    this.name = "XmlParseError";
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
});
/** Where fast-xml-parser puts an element's position (captureMetaData). */
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** One node of fast-xml-parser's ordered output: { name: children, ":@": attributes }. */
type Node = Record<string | symbol, unknown>;

/** The root element of `source`; throws XmlParseError with the line of the first problem. */
export function parseXml(source: string): XmlElement {
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype >= 0) throw new XmlParseError("DOCTYPE declarations are not allowed in a manifest", lineAt(source, doctype));
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlParseError(valid.err.msg, valid.err.line);
  const roots = (parser.parse(source) as Node[]).map((node) => toElement(node, source)).filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new XmlParseError("expected one root element", 1);
  return roots[0];
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < index; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

function toElement(node: Node, source: string): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text" && !key.startsWith("?"));
  if (!name) return null;
  const content = node[name] as Node[];
  const element: XmlElement = {
    name,
    attributes: { ...((node[":@"] as Record<string, string> | undefined) ?? {}) },
    children: [],
    text: "",
    line: lineAt(source, (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0),
  };
  for (const child of content) {
    if (typeof child["#text"] === "string") element.text += child["#text"];
    else {
      const inner = toElement(child, source);
      if (inner) element.children.push(inner);
    }
  }
  return element;
}

/** `element` and every element inside it, in document order. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* descendants(child);
}

/** The name without its namespace prefix: "bt:Image" → "Image". */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(":") + 1);
}
