// Both cores: in production the server runs one worker process per core (WEB_CONCURRENCY
// overrides, 1 included: one worker), all listening on the same port through node:cluster
// and sharing the SQLite file in WAL mode (readers never wait for the writer, writers queue
// on the busy timeout). Nothing a request relies on lives only in one worker's memory:
// sessions, throttles, write rate limits (server/rate-limit.ts) and the staff queue's live
// feed read the database; in-process caches are per worker, short-lived and invalidated by
// the worker that writes (app/platform/cache.server.ts).
import cluster from "node:cluster";
import os from "node:os";

// The workers accept connections themselves (SCHED_NONE) instead of the primary accepting
// them and handing each to a worker in turn (Node's default on Linux, SCHED_RR). Under
// round-robin a connection the primary has accepted and queued for a worker that is then
// SIGKILLed can stay parked in the primary, never served and never closed, for minutes; with
// the shared listening socket an unaccepted connection stays in the kernel's backlog, where
// the surviving workers take it. Must be set before the first fork.
cluster.schedulingPolicy = cluster.SCHED_NONE;

export function workerCount(production: boolean): number {
  const configured = Number(process.env.WEB_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return production ? os.availableParallelism() : 1;
}

// In production the primary always supervises, one worker included: only a forked worker can
// be given the heap limit below (V8 fixes it when a process starts), and a worker that dies
// is replaced. In development the single process serves (Vite runs inside it).
export const isSupervisor = (workers: number, production: boolean) => cluster.isPrimary && (production || workers > 1);

// The single process, or the first worker: who says things once.
export const isFirstWorker = () => cluster.isPrimary || cluster.worker?.id === 1;

// V8 grows a busy process's heap lazily towards a limit set by the machine's memory (about
// 4 GB here), keeping garbage around: under 50 connections a worker reached 550 MB resident.
// Each worker's heap is capped instead (WEB_MEMORY_MB, default 256; an explicit
// --max-old-space-size in NODE_OPTIONS wins), which kept it near 300 MB at the same speed.
function heapLimit(): string[] {
  if (/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")) return [];
  const megabytes = Number(process.env.WEB_MEMORY_MB ?? 256);
  return Number.isInteger(megabytes) && megabytes > 0 ? [`--max-old-space-size=${megabytes}`] : [];
}

// The primary serves nothing: it forks the workers (which run this same script), replaces
// any that dies, and passes SIGINT/SIGTERM on (as SIGTERM), then waits for every worker to finish its
// graceful shutdown (server/index.ts) before it exits. It never returns.
export function superviseWorkers(workers: number): Promise<never> {
  let stopping = false;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapLimit()] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const running = Object.values(cluster.workers ?? {});
      if (running.length === 0) process.exit(0);
      for (const worker of running) worker?.process.kill("SIGTERM");
    });
  }
  return new Promise<never>(() => {});
}
