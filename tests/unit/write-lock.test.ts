// db/client.ts takes the write lock of an immediate transaction with its own short waits
// instead of SQLite's sleeping busy handler. Whatever the wait, a transaction must run its
// work exactly once, commit or roll back as before, and leave the connection's busy timeout
// as it found it.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "#db/client";

const opened: Db[] = [];
function database(file: string) {
  const db = openDatabase(file);
  opened.push(db);
  db.$client.exec("create table if not exists notes (id integer primary key, body text not null)");
  return db.$client;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.$client.close();
});
const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sprout-lock-")), "lock.db");

// Another process's writer, in a thread: takes the write lock, says so, holds it `ms`, commits.
function holdWriteLock(file: string, ms: number) {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require(workerData.driver);
     const db = new Database(workerData.file);
     db.exec("begin immediate");
     db.exec("insert into notes (body) values ('from the other writer')");
     parentPort.postMessage("locked");
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec("commit");
     db.close();`,
    { eval: true, workerData: { file, ms, driver: createRequire(import.meta.url).resolve("better-sqlite3") } },
  );
  const locked = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const done = new Promise<void>((resolve, reject) => {
    worker.once("exit", () => resolve());
    worker.once("error", reject);
  });
  return { locked, done };
}

describe("immediate transactions under another writer", () => {
  test("wait for the lock, then run their work once and commit", async () => {
    const file = tempFile();
    const sqlite = database(file);
    const other = holdWriteLock(file, 150);
    await other.locked;
    let runs = 0;
    sqlite.transaction(() => {
      runs++;
      sqlite.prepare("insert into notes (body) values ('mine')").run();
    }).immediate();
    await other.done;
    expect(runs).toBe(1);
    expect(sqlite.prepare("select body from notes order by id").pluck().all()).toEqual(["from the other writer", "mine"]);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  test("roll back a failed work without trying it again", () => {
    const sqlite = database(tempFile());
    let runs = 0;
    expect(() =>
      sqlite.transaction(() => {
        runs++;
        sqlite.prepare("insert into notes (body) values ('lost')").run();
        throw new Error("refused");
      }).immediate(),
    ).toThrow("refused");
    expect(runs).toBe(1);
    expect(sqlite.prepare("select count(*) from notes").pluck().get()).toBe(0);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  test("nest as savepoints, and keep the other behaviours as better-sqlite3 has them", () => {
    const sqlite = database(tempFile());
    const insert = sqlite.prepare("insert into notes (body) values (?)");
    sqlite.transaction(() => {
      insert.run("outer");
      expect(() =>
        sqlite.transaction(() => {
          insert.run("inner");
          throw new Error("inner refused");
        }).immediate(),
      ).toThrow("inner refused");
      sqlite.transaction(() => insert.run("deferred")).deferred();
    }).immediate();
    sqlite.transaction(() => insert.run("default"))();
    expect(sqlite.prepare("select body from notes order by id").pluck().all()).toEqual(["outer", "deferred", "default"]);
  });
});
