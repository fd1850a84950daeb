// Outgoing email: one transport per SMTP_URL, and a row in `emails` for every message,
// sent or not (no SMTP_URL: "not_sent"). Bodies are never stored: they may hold one-time links.
import nodemailer, { type Transporter } from "nodemailer";
import { emails } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";

export type OutgoingEmail = {
  userId: number | null;
  notificationId?: number | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

// Sends one message and records the outcome; a refusal by the mail server is recorded as
// "failed", never thrown.
export async function deliverEmail(message: OutgoingEmail): Promise<"sent" | "not_sent" | "failed"> {
  const { SMTP_URL, EMAIL_FROM } = env();
  let outcome: { status: "sent" | "not_sent" | "failed"; error: string | null } = { status: "not_sent", error: null };
  if (SMTP_URL) {
    try {
      await transportFor(SMTP_URL).sendMail({
        from: EMAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      });
      outcome = { status: "sent", error: null };
    } catch (error) {
      outcome = { status: "failed", error: error instanceof Error ? error.message : String(error) };
    }
  }
  getDb()
    .insert(emails)
    .values({ userId: message.userId, notificationId: message.notificationId ?? null, toAddress: message.to, subject: message.subject, ...outcome })
    .run();
  return outcome.status;
}

const pending = new Set<Promise<void>>();

// Sends after the current request has answered, so how long the mail server takes (or
// whether a message is sent at all) never shows in the response time.
export function sendEmailLater(compose: () => OutgoingEmail | null): void {
  const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      const message = compose();
      if (message) await deliverEmail(message);
    })
    .catch((error: unknown) => console.error("Email failed", error))
    .finally(() => pending.delete(job));
  pending.add(job);
}

// Resolves once every email queued so far has been sent or recorded (tests, shutdown).
export async function pendingMail(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
