/**
 * What each named range must hold, computed with src/calc from the dataset (or from a user's
 * overrides): the oracle the LibreOffice checks compare against, shared with the self-test.
 */
export { closeTo, datasetInputs, expectedDerived, expectedNames, type DerivedName, type Inputs } from "../../src/self-test/expected";
