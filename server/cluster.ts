// Both cores: in production the server runs one worker process per core (WEB_CONCURRENCY
// overrides; 1 means a single process), all listening on the same port through node:cluster
// and sharing the SQLite file in WAL mode (readers never wait for the writer, writers queue
// on the busy timeout). Nothing a request relies on lives only in one worker's memory:
// sessions, throttles and the staff queue's live feed read the database; in-process caches
// are per worker, short-lived and invalidated by the worker that writes (app/cache.server.ts);
// write rate limits are per worker (scripts/rate-limit.js).
import cluster from "node:cluster";
import os from "node:os";

export function workerCount(production) {
  const configured = Number(process.env.WEB_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return production ? os.availableParallelism() : 1;
}

export const isSupervisor = (workers) => cluster.isPrimary && workers > 1;

// The single process, or the first worker: who says things once.
export const isFirstWorker = () => cluster.isPrimary || cluster.worker?.id === 1;

// V8 grows a busy process's heap lazily towards a limit set by the machine's memory (about
// 4 GB here), keeping garbage around: under 50 connections a worker reached 550 MB resident.
// Each worker's heap is capped instead (WEB_MEMORY_MB, default 256; an explicit
// --max-old-space-size in NODE_OPTIONS wins), which kept it near 300 MB at the same speed.
function heapLimit() {
  if (/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")) return [];
  const megabytes = Number(process.env.WEB_MEMORY_MB ?? 256);
  return Number.isInteger(megabytes) && megabytes > 0 ? [`--max-old-space-size=${megabytes}`] : [];
}

// The primary serves nothing: it forks the workers (which run this same script), replaces
// any that dies, and passes SIGINT/SIGTERM on. It never returns.
export function superviseWorkers(workers) {
  let stopping = false;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapLimit()] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      process.exit(0);
    });
  }
  return new Promise(() => {});
}
