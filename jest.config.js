/**
 * Jest runs every test under test/ through ts-jest, transpiling only (tsconfig's isolatedModules):
 * `npm test` type-checks the whole tree once with tsc before it builds and runs the tests.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/support/jest-setup.ts"],
  // Jest's default is one worker fewer than the cores, one on a 2-core machine; the suites spend
  // much of their time waiting on Chromium, LibreOffice and servers, so use every core.
  maxWorkers: "100%",
};
