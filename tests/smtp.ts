// A real SMTP server on the loopback interface that keeps what it receives, for tests that
// follow an email from the app to the mailbox (as tests/integration/notifications.test.ts).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { resetEnv } from "~/platform/env.server";

export type ReceivedMail = { to: string[]; raw: string; text: string };

export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQuotedPrintable(raw) + decodeBase64Parts(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  resetEnv();
  return {
    received,
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    close: () =>
      new Promise<void>((resolve) => {
        delete process.env.SMTP_URL;
        resetEnv();
        server.close(() => resolve());
      }),
  };
}

// Parts nodemailer sent as base64 (mostly non-ASCII text, such as Chinese), decoded.
function decodeBase64Parts(raw: string) {
  const parts = raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g);
  return [...parts].map((m) => "\n" + Buffer.from(m[1].replace(/\s+/g, ""), "base64").toString("utf8")).join("");
}

function decodeQuotedPrintable(raw: string) {
  return Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}
