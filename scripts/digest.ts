// `npm run digest`: sends the weekly digest now, to every member who has not had last
// week's yet (the server's hourly schedule does the same; neither sends a week twice).
import { sendWeeklyDigests } from "~/features/digest/digest.server";

const started = performance.now();
const run = await sendWeeklyDigests();
if (!run.week) console.log("No digest is due yet: the week's digests go out from Monday 08:00 UTC.");
else
  console.log(
    `Weekly digest for the week of ${run.week}: ${run.claimed} members handled (${run.sent} sent, ${run.notSent} recorded without SMTP_URL, ${run.failed} failed, ${run.nothingNew} with nothing new) in ${Math.round(performance.now() - started)} ms.`,
  );
