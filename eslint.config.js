// ESLint 9 flat config: typescript-eslint's recommended rules and the rules of hooks, for
// code that runs in the browser, on the server, or both.
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["build/", "node_modules/", "tests/.tmp/", "db/migrations/", "data/"] },
  tseslint.configs.recommended,
  reactHooks.configs["recommended-latest"],
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // `const { secret, ...rest } = row` is how a field is left out of an object.
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] } },
  // react-i18next's Trans parses interpolated user text as markup: app/components/trans.tsx
  // escapes it first.
  {
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "react-i18next", importNames: ["Trans"], message: "Use Trans from ~/components/trans: it keeps user text out of the markup." }] },
      ],
    },
  },
);
