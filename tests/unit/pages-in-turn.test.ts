// server/remix.ts renders at most a few pages at a time per worker; actions never wait.
import { describe, expect, test } from "vitest";
import { pagesInTurn } from "../../server/remix";

function controlledHandler() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const handle = (request: Request) =>
    new Promise<Response>((resolve) => {
      const name = `${request.method} ${new URL(request.url).pathname}`;
      started.push(name);
      finish.set(name, () => resolve(new Response(name)));
    });
  return { handle, started, finish: (name: string) => finish.get(name)!() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("pages in turn", () => {
  test("renders two pages at once, the others in arrival order, and never holds back an action", async () => {
    const { handle, started, finish } = controlledHandler();
    const inTurn = pagesInTurn(handle, 2);
    const pages = ["/a", "/b", "/c", "/d"].map((path) => inTurn(new Request(`http://sprout.test${path}`)));
    const action = inTurn(new Request("http://sprout.test/s/1/vote", { method: "POST" }));
    await tick();
    expect(started.toSorted()).toEqual(["GET /a", "GET /b", "POST /s/1/vote"]);

    finish("POST /s/1/vote");
    expect(await (await action).text()).toBe("POST /s/1/vote");
    finish("GET /b");
    await tick();
    expect(started.slice(3)).toEqual(["GET /c"]);
    finish("GET /a");
    finish("GET /c");
    await tick();
    expect(started.slice(4)).toEqual(["GET /d"]);
    finish("GET /d");
    expect(await Promise.all(pages.map(async (page) => (await page).text()))).toEqual(["GET /a", "GET /b", "GET /c", "GET /d"]);
  });

  test("a page that fails gives its turn to the next", async () => {
    let calls = 0;
    const inTurn = pagesInTurn(async () => {
      calls++;
      if (calls === 1) throw new Error("loader failed");
      return new Response("ok");
    }, 1);
    await expect(inTurn(new Request("http://sprout.test/broken"))).rejects.toThrow("loader failed");
    expect(await (await inTurn(new Request("http://sprout.test/next"))).text()).toBe("ok");
  });
});
