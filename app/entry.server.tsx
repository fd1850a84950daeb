// Remix's document render, sent whole (see handleRequest), plus the CSP nonce: every inline
// script Remix writes carries the nonce the server put in this response's policy.
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { startDigestSchedule } from "~/features/digest/digest.server";
import { startStaffAlerts } from "~/features/staff/alerts.server";
import { NonceProvider } from "~/platform/nonce";
import { pageCollector } from "~/platform/html-stream.server";
import { FragmentContext } from "~/platform/shared-fragments";
import { fragmentStore } from "~/platform/shared-fragments.server";
import { startWeeklyScoring } from "~/features/scoring/schedule.server";
import { pendingMail } from "~/platform/mail.server";
import { drainOutbox, stopOutbox } from "~/platform/events/outbox.server";
import { startDomainEvents } from "~/subscribers.server";
import { settlePendingHonorChecks } from "~/features/honors/honors.server";

// Each server process registers the event subscribers once and handles what a previous
// process left in the outbox (see app/platform/events).
startDomainEvents();
// Each process checks hourly whether this week's score snapshot exists; one claims and runs it.
startWeeklyScoring();

// Background work of the server process: the weekly digest looks hourly whether it is due.
startDigestSchedule();

// Overdue complaints and suggestions are looked for once a minute, in every server process.
startStaffAlerts();

// Sprout streams no deferred data, so the only reason to abort is a render that never
// ends. Under heavy load a shell can wait seconds for the event loop; aborting it then
// would turn a slow page into a 500.
const ABORT_DELAY = 30_000;

// Called by the server (server/index.ts) when it stops, after the last request has been
// answered: finishes the work requests left behind (queued notification emails), so a
// deploy or a restart drops none of it.
export async function drainBeforeExit(): Promise<void> {
  // No new sweeps; the authors' honors still waiting after a burst of votes (their badge
  // notifications are events too); then every event due (notification emails included) and
  // every account email.
  stopOutbox();
  settlePendingHonorChecks();
  await drainOutbox();
  await pendingMail();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // The whole page is rendered before it is sent, for browsers and crawlers alike: with no
  // deferred data, the only thing left after React's shell is Remix's loader data, streamed
  // in small script chunks that end within the same few ticks. Sent whole, the page is one
  // buffer written once (with its length) instead of dozens of chunks, each crossing a Node
  // stream, a web stream and a socket write: about a tenth of a small page's CPU under load
  // (docs/performance.md). Rows that read the same for everyone are reused as markup
  // (app/platform/shared-fragments.tsx).
  const fragments = fragmentStore();
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <FragmentContext.Provider value={fragments.store}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </FragmentContext.Provider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const { sink, page } = pageCollector();
          page.then((html) => {
            // A finished page lets go of its render: a pending timer would hold the whole
            // tree and its data in memory for the rest of the delay.
            clearTimeout(abortTimer);
            responseHeaders.set("Content-Type", "text/html");
            responseHeaders.set("Content-Length", String(html.length));
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
            // After the response, not before it: the rows this page met for the first time.
            setImmediate(fragments.renderPending);
          }, reject);
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, Remix logs them itself.
          if (shellRendered) console.error(error);
        },
      },
    );
    // React starts rendering on the next turn, so the callbacks above always find the timer.
    const abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}
