/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Transpile only (isolatedModules): `npm run typecheck` runs the type checker once for all.
        tsconfig: {
          module: "CommonJS",
          moduleResolution: "Node10",
          jsx: "react-jsx",
          esModuleInterop: true,
          isolatedModules: true,
        },
        diagnostics: false,
      },
    ],
  },
  moduleNameMapper: {
    // office-addin-mock -> office-addin-manifest pulls an ESM-only module jest cannot require.
    "^office-addin-manifest$": "<rootDir>/tests/support/office-addin-manifest-stub.js",
    "\\.(css|png|svg)$": "<rootDir>/tests/support/asset-stub.js",
  },
  setupFiles: ["<rootDir>/tests/support/setup-globals.js"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/lib/"],
};
