// The bare Remix app `npm run bench` measures Sprout against (scripts/bench.ts): the same
// Remix, Vite plugin and future flags as the main vite.config.ts, one page, no loader. Built
// into data/bench-baseline/build, away from Sprout's build/, and served there by server/index.ts.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  plugins: [
    remix({
      appDirectory: new URL("app", import.meta.url).pathname,
      buildDirectory: new URL("../../../data/bench-baseline/build", import.meta.url).pathname,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
