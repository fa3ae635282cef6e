/**
 * Jest runs every test under test/ through ts-jest, transpiling only (tsconfig's isolatedModules):
 * the types are checked once, by test/typecheck.test.ts, which runs tsc beside the other suites.
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
