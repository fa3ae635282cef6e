import { descendants, localName, parseXml, XmlParseError } from "../../scripts/xml";

describe("parseXml (fast-xml-parser, with line numbers)", () => {
  it("reads elements, attributes, text and line numbers, skipping the declaration and comments", () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- note -->\n<a x="1" y=\'two\'>\n  <b:c/>\n  <d>text<!-- gone --> more</d>\n</a>\n');
    expect(root.name).toBe("a");
    expect(root.attributes).toEqual({ x: "1", y: "two" });
    expect(root.line).toBe(3);
    expect(root.children.map((child) => [child.name, child.line, child.text])).toEqual([
      ["b:c", 4, ""],
      ["d", 5, "text more"],
    ]);
    expect([...descendants(root)].map(localName)).toEqual(["a", "c", "d"]);
  });

  it("decodes the predefined entities", () => {
    const root = parseXml('<a v="&lt;&amp;&quot;&apos;&gt;">fish &amp; chips</a>');
    expect(root.attributes.v).toBe("<&\"'>");
    expect(root.text).toBe("fish & chips");
  });

  it.each([
    ["<a><b></a>", "Expected closing tag 'b' (opened in line 1, col 4) instead of closing tag 'a'. (line 1)"],
    ["<a>\n<b>\n</a>", "Expected closing tag 'b' (opened in line 2, col 1) instead of closing tag 'a'. (line 3)"],
    ['<a x="1" x="2"/>', "Attribute 'x' is repeated. (line 1)"],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "DOCTYPE declarations are not allowed in a manifest (line 1)"],
    ["just text", "char 'j' is not expected. (line 1)"],
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
