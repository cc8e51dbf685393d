import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import regexp from "eslint-plugin-regexp";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-results/", "bench/results/", "reports/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The engine is pure: it calls out to nothing.
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/**", "**/taskpane/**", "**/cli/**", "**/functions/**", "**/commands/**"],
              message: "src/domain calls out to nothing.",
            },
            {
              group: ["react", "react-dom", "@fluentui/*", "fs", "node:*", "path", "exceljs"],
              message: "src/domain is pure: no UI, no I/O.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "console", "process"],
    },
  },
  {
    // Patterns here run on text users paste or open: each must run in time linear in the text
    // (issue #20: a quadratic pattern froze the pane on a long notice). The step counter in
    // tests/hostile/linear-notice.test.ts bounds the notice reader's searches as a whole; these
    // rules see backtracking inside one search, which it cannot.
    files: ["src/domain/tables/**/*.ts", "src/domain/notice/**/*.ts"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-misleading-capturing-group": "error",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
