// ESLint 9 flat config: typescript-eslint's recommended rules and the rules of hooks, for
// code that runs in the browser, on the server, or both.
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TRANS_RULE = {
  name: "react-i18next",
  importNames: ["Trans"],
  message: "Use Trans from ~/components/trans: it keeps user text out of the markup.",
};

// One-way dependencies between feature folders (docs/architecture.md): a feature imports
// platform code and the features on lines before its own; peers on one line never import each
// other. A side effect that would point upward is a domain event (app/subscribers.server.ts).
const FEATURE_LAYERS = [
  ["roles"],
  ["honors/rules"],
  ["boards"],
  ["uploads"],
  ["accounts"],
  ["campaigns"],
  ["votes"],
  ["suggestions"],
  ["search"],
  ["comments"],
  ["notifications"],
  ["ratings"],
  ["lifecycle"],
  ["sharing"],
  ["honors", "invitations", "complaints"],
  ["staff"],
  ["digest"],
  ["scoring"],
  ["leads"],
  ["api"],
];

// The import path of a feature; `honors` does not cover its pure `honors/rules`.
const featureImport = (feature) => (feature === "honors" ? "~/features/honors(?!/rules)(/|$)" : `~/features/${feature}(/|$)`);

function restrictImports(forbidden, message) {
  // Repeats the Trans rule: a later config's options replace an earlier one's for its files.
  return { "no-restricted-imports": ["error", { paths: [TRANS_RULE], patterns: [{ regex: `^(${forbidden.join("|")})`, message }] }] };
}

function featureBoundaries() {
  const platform = {
    files: ["app/platform/**"],
    rules: restrictImports(["~/features/", "~/routes/", "~/components/"], "app/platform is below every feature: pass what it needs in, or publish a domain event."),
  };
  const features = FEATURE_LAYERS.flatMap((layer, index) =>
    layer.map((feature) => {
      const below = FEATURE_LAYERS.slice(0, index).flat();
      const notBelow = FEATURE_LAYERS.flat().filter((other) => other !== feature && !below.includes(other) && !(feature === "honors" && other === "honors/rules"));
      return {
        files: [`app/features/${feature}/**`],
        ignores: feature === "honors" ? ["app/features/honors/rules/**"] : [],
        rules: restrictImports(
          // Nor routes, nor a relative path out of the feature's folder.
          [...notBelow.map(featureImport), "~/routes/", "\\.\\./"],
          `${feature} may import platform and only these features: ${below.join(", ") || "none"}. A side effect upward is a domain event.`,
        ),
      };
    }),
  );
  return [platform, ...features];
}

export default defineConfig(
  { ignores: ["build/", "node_modules/", "tests/.tmp/", "db/migrations/", "data/"] },
  tseslint.configs.recommended,
  reactHooks.configs["recommended-latest"],
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // `const { secret, ...rest } = row` is how a field is left out of an object.
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] } },
  // react-i18next's Trans parses interpolated user text as markup: app/components/trans.tsx
  // escapes it first.
  { rules: { "no-restricted-imports": ["error", { paths: [TRANS_RULE] }] } },
  ...featureBoundaries(),
);
