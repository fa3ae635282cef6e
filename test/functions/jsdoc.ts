/** Reads the custom functions' JSDoc from src/functions/functions.ts, as the metadata generator does. */
import * as fs from "fs";
import * as path from "path";

export interface JsDocFunction {
  id: string;
  jsName: string;
  summary: string;
  helpUrl: string;
  params: { name: string; type: string; optional: boolean; description: string }[];
  returns: { type: string; description: string };
}

export const FUNCTIONS_TS = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

export function readJsDoc(source = fs.readFileSync(FUNCTIONS_TS, "utf8")): JsDocFunction[] {
  const blocks = [...source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)/g)];
  return blocks
    .filter(([, body]) => body.includes("@customfunction"))
    .map(([, body, jsName]) => {
      const lines = body.split("\n").map((l) => l.replace(/^\s*\* ?/, "").trim()).filter(Boolean);
      const tag = (name: string) => lines.filter((l) => l.startsWith(`@${name} `)).map((l) => l.slice(name.length + 2));
      return {
        id: tag("customfunction")[0],
        jsName,
        summary: lines.filter((l) => !l.startsWith("@")).join(" "),
        helpUrl: tag("helpurl")[0],
        params: tag("param").map((p) => {
          const m = /^\{([^}]+)\} (\[?)(\w+)\]? (.*)$/.exec(p);
          if (!m) throw new Error(`unreadable @param: ${p}`);
          return { type: m[1], optional: m[2] === "[", name: m[3], description: m[4] };
        }),
        returns: (() => {
          const m = /^\{([^}]+)\} (.*)$/.exec(tag("returns")[0] ?? "");
          return { type: m?.[1] ?? "", description: m?.[2] ?? "" };
        })(),
      };
    });
}
