/**
 * A small, strict XML parser for the add-in manifest: elements, attributes, text, comments,
 * CDATA, processing instructions and the five predefined entities plus character references.
 * office-addin-manifest's own parser cannot be loaded under Jest (it pulls an ESM-only uuid), and
 * the manifest checks need line numbers for their messages, which xml2js does not keep.
 * No DTDs: a manifest has none, and rejecting them keeps entity expansion out.
 */

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

const NAME = /[A-Za-z_][\w.:-]*/y;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;

  const fail = (reason: string): never => {
    throw new XmlParseError(reason, line);
  };

  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };

  const skipTo = (terminator: string, what: string): string => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    const content = source.slice(pos, end);
    advance(end + terminator.length);
    return content;
  };

  const skipSpace = (): void => {
    const match = /\s*/y;
    match.lastIndex = pos;
    match.exec(source);
    advance(match.lastIndex);
  };

  const readName = (what: string): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (match === null) return fail(`expected ${what}`);
    advance(NAME.lastIndex);
    return match[0];
  };

  const decode = (raw: string): string =>
    raw.replace(/&([^;\s&]*);?/g, (whole, entity: string) => {
      if (!whole.endsWith(";")) return fail(`"&" must start an entity such as &amp;`);
      if (entity in PREDEFINED) return PREDEFINED[entity];
      const code = /^#x([0-9a-f]+)$/i.exec(entity)?.[1] ?? /^#([0-9]+)$/.exec(entity)?.[1];
      if (code === undefined) return fail(`unknown entity &${entity};`);
      const value = entity.startsWith("#x") || entity.startsWith("#X") ? parseInt(code, 16) : parseInt(code, 10);
      if (value > 0x10ffff) return fail(`character reference &${entity}; is out of range`);
      return String.fromCodePoint(value);
    });

  /** Skips comments, processing instructions and whitespace outside the root element. */
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<?", pos)) {
        advance(pos + 2);
        skipTo("?>", "processing instruction");
      } else if (source.startsWith("<!--", pos)) {
        advance(pos + 4);
        skipTo("-->", "comment");
      } else if (source.startsWith("<!DOCTYPE", pos)) {
        fail("DOCTYPE declarations are not allowed in a manifest");
      } else {
        return;
      }
    }
  };

  const parseElement = (): XmlElement => {
    const startLine = line;
    advance(pos + 1);
    const name = readName("an element name after <");
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith("/>", pos)) {
        advance(pos + 2);
        return { name, attributes, children: [], text: "", line: startLine };
      }
      if (source.startsWith(">", pos)) {
        advance(pos + 1);
        break;
      }
      if (pos === before) fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const attribute = readName(`an attribute name in <${name}>`);
      skipSpace();
      if (source[pos] !== "=") fail(`attribute ${attribute} of <${name}> has no value`);
      advance(pos + 1);
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} of <${name}> must be quoted`);
      advance(pos + 1);
      const raw = skipTo(quote, `value of attribute ${attribute}`);
      if (raw.includes("<")) fail(`attribute ${attribute} of <${name}> contains "<"`);
      if (attribute in attributes) fail(`attribute ${attribute} appears twice in <${name}>`);
      attributes[attribute] = decode(raw);
    }

    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      if (pos >= source.length) fail(`<${name}>, opened on line ${startLine}, is never closed`);
      if (source.startsWith("</", pos)) {
        advance(pos + 2);
        const closing = readName("an element name after </");
        if (closing !== name) {
          fail(`</${closing}> closes <${name}>${startLine === line ? "" : `, opened on line ${startLine}`}`);
        }
        skipSpace();
        if (source[pos] !== ">") fail(`expected ">" after </${closing}`);
        advance(pos + 1);
        return { name, attributes, children, text, line: startLine };
      }
      if (source.startsWith("<!--", pos)) {
        advance(pos + 4);
        skipTo("-->", "comment");
      } else if (source.startsWith("<![CDATA[", pos)) {
        advance(pos + 9);
        text += skipTo("]]>", "CDATA section");
      } else if (source.startsWith("<?", pos)) {
        advance(pos + 2);
        skipTo("?>", "processing instruction");
      } else if (source[pos] === "<") {
        children.push(parseElement());
      } else {
        const end = source.indexOf("<", pos);
        const raw = source.slice(pos, end < 0 ? source.length : end);
        text += decode(raw);
        advance(pos + raw.length);
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  skipMisc();
  if (source[pos] !== "<") fail("expected the root element");
  const root = parseElement();
  skipMisc();
  if (pos < source.length) fail("content after the root element");
  return root;
}

/** Every element of the tree, depth first, the root included. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* descendants(child);
}

/** Local name, without the namespace prefix: "bt:Image" → "Image". */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(":") + 1);
}
