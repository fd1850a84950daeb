// Starts and stops real production servers for the stress tests (the build is made by
// `npm run test:stress` before vitest runs).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function prepareDatabase(databaseUrl: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prepare-database failed: ${result.stdout}${result.stderr}`);
}

export type RunningServer = { url: string; process: ChildProcess; stop(): Promise<void>; crash(): Promise<void>; output(): string };

export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WRITE_LIMIT_PER_MEMBER: "1000000",
      WRITE_LIMIT_PER_ADDRESS: "1000000",
      DIGEST_SCHEDULE: "off",
      SIGNUP_LIMIT_PER_ADDRESS: "1000000",
      LOGIN_LOCK_PER_ADDRESS: "1000000",
      LOG_LEVEL: "warn", // thousands of requests: only problems are worth keeping
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: a crash test kills the primary and its workers at once
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signalGroup = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, signal);
    await exited;
    // Workers of a killed primary may outlive it by a moment: wait until the group is gone.
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { url, process: child, stop: () => signalGroup("SIGTERM"), crash: () => signalGroup("SIGKILL"), output: () => output };
}
