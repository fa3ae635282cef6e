/**
 * The copy of figures/figures.json built into the pane: what the add-in shows when the served
 * file is missing or invalid, and what the workbook script and the tests use. The build has
 * validated the file already; checking it again here costs microseconds and names the problem
 * if a hand-edited copy ever slips through.
 */
import json from "../../figures/figures.json";
import type { Dataset } from "./types";
import { checkDataset, describeProblem } from "./validate";

function builtIn(): Dataset {
  const check = checkDataset(json);
  if (!check.ok) throw new Error(check.problems.map((p) => describeProblem("figures/figures.json", p)).join("\n"));
  return check.dataset;
}

export const BUILT_IN_FIGURES: Dataset = builtIn();
