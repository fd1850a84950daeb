// Starts one production server for the whole browser suite, the way `npm start` does:
// a fresh database, migrated and seeded, then the built app on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const CHROMIUM_PATH = "/usr/bin/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer ${url} within 30 s:\n${output()}`);
}

export default async function setup({ provide }: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-e2e-"));
  const databaseUrl = path.join(dataDir, "sprout.db");
  const port = await freePort();
  // The suite's own traffic (50 concurrent voters, many sign-ups) all comes from one address.
  // No background sweep for overdue answers: tests compare the database around requests.
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), WRITE_LIMIT_PER_MEMBER: "10000", WRITE_LIMIT_PER_ADDRESS: "100000", UPLOADS_DIR: path.join(dataDir, "uploads"), DIGEST_SCHEDULE: "off", STAFF_ALERT_SWEEP_SECONDS: "0", SIGNUP_LIMIT_PER_ADDRESS: "100000", LOGIN_LOCK_PER_ADDRESS: "100000", RESET_LIMIT_PER_ADDRESS: "100000" };

  const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts"], { env, encoding: "utf8" });
  if (prepared.status !== 0) {
    throw new Error(`prepare-database failed (exit ${prepared.status}):\n${prepared.stdout}${prepared.stderr}${prepared.error ?? ""}`);
  }

  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env: { ...env, NODE_ENV: "production" } });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  // Server-side errors during a test are worth seeing next to the failing test.
  server.stderr.on("data", (chunk) => {
    output += chunk;
    process.stderr.write(chunk);
  });

  // localhost rather than 127.0.0.1: Chromium keeps Secure cookies on http://localhost.
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilHealthy(`${baseUrl}/healthz`, server, () => output);
  } catch (error) {
    server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  provide("baseUrl", baseUrl);
  provide("databaseUrl", databaseUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill();
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
