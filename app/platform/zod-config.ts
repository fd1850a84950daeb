// Zod 4 compiles object parsers with `new Function` when it may. The page's CSP has no
// 'unsafe-eval', so in the browser its probe raised a CSP violation on every form page.
// Imported first by app/root.tsx (so before any route module builds a schema) and by the
// shared form helpers: zod reads the setting when each object schema is built.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
