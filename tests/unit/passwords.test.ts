import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "~/features/accounts/passwords.server";

describe("passwords", () => {
  test("a hash verifies the password it was made from", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery staple", stored)).resolves.toBe(true);
  });

  test("a wrong password does not verify", async () => {
    const stored = await hashPassword("correct horse battery staple");
    await expect(verifyPassword("correct horse battery stapler", stored)).resolves.toBe(false);
    await expect(verifyPassword("", stored)).resolves.toBe(false);
  });

  test("the same password hashes differently each time (salted)", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  test("equivalent Unicode spellings of a password verify alike", async () => {
    const stored = await hashPassword("caf\u00e9 密码");
    await expect(verifyPassword("cafe\u0301 密码", stored)).resolves.toBe(true);
  });

  test.each(["", "not a hash", "scrypt$16384$8$1", "bcrypt$16384$8$1$c2FsdA==$a2V5", "scrypt$lots$8$1$c2FsdA==$a2V5"])(
    "a malformed stored hash %j verifies nothing",
    async (stored) => {
      await expect(verifyPassword("anything", stored)).resolves.toBe(false);
    },
  );
});
