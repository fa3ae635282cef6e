import { descendants, localName, parseXml, XmlParseError } from "../../scripts/parse-xml";

describe("parseXml", () => {
  it("reads elements, attributes, text and line numbers, skipping the declaration and comments", () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- note -->\n<a x="1" y=\'two\'>\n  <b:c/>\n  <d>text<!-- gone --> more</d>\n</a>\n',
    );
    expect(root.name).toBe("a");
    expect(root.attributes).toEqual({ x: "1", y: "two" });
    expect(root.line).toBe(3);
    expect(root.children.map((child) => [child.name, child.line, child.text])).toEqual([
      ["b:c", 4, ""],
      ["d", 5, "text more"],
    ]);
    expect([...descendants(root)].map(localName)).toEqual(["a", "c", "d"]);
  });

  it("decodes the predefined entities, character references and CDATA", () => {
    const root = parseXml('<a v="&lt;&amp;&quot;&apos;&gt;">&#65;&#x2013;<![CDATA[<raw & text>]]></a>');
    expect(root.attributes.v).toBe("<&\"'>");
    expect(root.text).toBe("A–<raw & text>");
  });

  it.each([
    ["<a><b></a>", "</a> closes <b> (line 1)"],
    ["<a>\n<b>\n</a>", "</a> closes <b>, opened on line 2 (line 3)"],
    ["<a>\n<b>", "<b>, opened on line 2, is never closed (line 2)"],
    ['<a x="1" x="2"/>', "attribute x appears twice in <a> (line 1)"],
    ["<a x=1/>", "attribute x of <a> must be quoted (line 1)"],
    ["<a>&nbsp;</a>", "unknown entity &nbsp; (line 1)"],
    ["<a>fish & chips</a>", '"&" must start an entity such as &amp; (line 1)'],
    ["<!DOCTYPE a><a/>", "DOCTYPE declarations are not allowed in a manifest (line 1)"],
    ["<a/><b/>", "content after the root element (line 1)"],
    ["just text", "expected the root element (line 1)"],
    ["<a><!-- open </a>", "unterminated comment (line 1)"],
  ])("rejects %j with a message and its line", (source, message) => {
    let thrown: unknown;
    try {
      parseXml(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(XmlParseError);
    expect((thrown as Error).message).toBe(message);
  });
});
