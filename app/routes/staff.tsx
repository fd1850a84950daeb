import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SUGGESTION_STATUSES } from "#db/enums";
import { requireRole } from "~/features/accounts/auth.server";
import { findBoardBySlug, listBoards, listTags } from "~/features/boards/boards.server";
import { complaintQueueStats, listComplaintQueue } from "~/features/complaints/complaints.server";
import { BoardOptions } from "~/components/board-options";
import { ComplaintStatusBadge } from "~/features/complaints/complaint-status";
import { QueueClock, useFormatDuration } from "~/features/lifecycle/response-times-view";
import { Pagination } from "~/components/pagination";
import { BulkActions, KeyboardHelp, QueueAnswer, useQueueKeyboard, type BulkActionData } from "~/features/staff/queue-tools";
import { StatusFilter, TagFilter } from "~/features/suggestions/suggestion-filters";
import { StatusBadge } from "~/components/status-badge";
import { unreadStaffAlerts } from "~/features/staff/alerts.server";
import { runBulkAction } from "~/features/staff/bulk.server";
import { bulkSchema } from "~/features/staff/forms";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { clockState } from "~/features/lifecycle/response-times";
import { getSetting } from "~/platform/settings.server";
import { latestSuggestionId, queueCounts, staffQueue } from "~/features/staff/staff-queue.server";

const HOUR_MS = 3_600_000;

// Filters come from the address bar; anything unrecognised falls back to "all".
const querySchema = z.object({
  board: z.string().max(64).optional().catch(undefined),
  status: z.enum(SUGGESTION_STATUSES).optional().catch(undefined),
  tag: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = Date.now();
  const targetMs = getSetting("responseTargetHours") * HOUR_MS;
  const tags = listTags(user);
  // An unknown board or tag matches nothing rather than silently showing everything.
  const boardId = query.board ? (findBoardBySlug(query.board, user)?.id ?? -1) : undefined;
  const tagId = query.tag ? (tags.find((t) => t.slug === query.tag)?.id ?? -1) : undefined;
  const filter = { boardId, tagId, status: query.status };
  return {
    now,
    targetMs,
    isAdmin: user.role === "admin",
    alerts: unreadStaffAlerts(user.id),
    latestId: latestSuggestionId(),
    query: { board: query.board ?? "", status: query.status ?? "", tag: query.tag ?? "" },
    boards: listBoards(user).map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    tags: tags.map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    counts: queueCounts(filter, { targetMs, now }),
    queue: staffQueue(filter, { page: query.page }),
    complaints: { stats: complaintQueueStats(now, targetMs), items: listComplaintQueue(now, targetMs) },
  };
}

// Bulk actions on the ticked rows. The page comes back with what was done or refused.
export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: bulkSchema });
  const reply = (status: number, result: Partial<BulkActionData>) =>
    data<BulkActionData>({ bulk: null, refused: [], done: null, ...result }, { status });
  if (submission.status !== "success") return reply(400, { bulk: submission.reply() });
  const result = runBulkAction(submission.value, user);
  if (result.ok) return reply(200, { bulk: submission.reply({ resetForm: true }), done: { changed: result.changed, notified: result.notified } });
  if ("field" in result) return reply(400, { bulk: submission.reply({ fieldErrors: { [result.field]: [result.error] } }) });
  return reply(400, { bulk: submission.reply(), refused: result.refused });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => titleMeta(matches, "staff.queue.title");

// Clocks keep moving while the page is open: the server's "now" for the first render (so
// hydration matches), the browser's every half minute after that.
function useNow(serverNow: number) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(now, serverNow);
}

// New suggestions arrive as server-sent events; the queue then reloads its data, so the
// newcomer lands in its place under the current filters. That place may be pages away (the
// longest waiting come first), so the newest arrivals are also linked above the list.
// Without JavaScript nothing of this runs and the page is an ordinary list.
const ARRIVALS_SHOWN = 5;
const arrivalEvent = z.object({ id: z.number().int(), title: z.string() });
type Arrival = z.infer<typeof arrivalEvent>;

function useLiveQueue(latestId: number) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const after = useRef(latestId);
  const [arrived, setArrived] = useState<{ count: number; latest: Arrival[] }>({ count: 0, latest: [] });
  useEffect(() => {
    const source = new EventSource(`/staff/events?after=${after.current}`);
    source.addEventListener("suggestion", (event) => {
      const parsed = arrivalEvent.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      setArrived(({ count, latest }) => ({ count: count + 1, latest: [parsed.data, ...latest].slice(0, ARRIVALS_SHOWN) }));
      revalidate.current();
    });
    return () => source.close();
  }, []);
  return arrived;
}

// Which row is open for answering and which has the keyboard's focus. After an answer the
// next waiting suggestion opens (it is at the top: the queue puts the unanswered first).
function useAnswering(ids: number[], waitingIds: number[]) {
  const [expandedId, setExpandedId] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [lastAnswered, setLastAnswered] = useState<{ id: number; nextId: number | null } | null>(null);
  const rowRefs = useRef(new Map<number, HTMLLIElement | null>());
  const focusRow = (index: number) => {
    setFocused(index);
    rowRefs.current.get(index)?.focus();
  };
  const openField = (selector: string) => {
    const index = focused ?? 0;
    const id = ids[index];
    if (id === undefined) return;
    setExpandedId(id);
    // The panel loads its data first; the field appears once it has.
    const tryFocus = (attempts: number) => {
      const field = rowRefs.current.get(index)?.querySelector<HTMLElement>(selector);
      if (field) field.focus();
      else if (attempts > 0) setTimeout(() => tryFocus(attempts - 1), 100);
    };
    tryFocus(30);
  };
  useQueueKeyboard({
    move: (by) => ids.length > 0 && focusRow(Math.min(ids.length - 1, Math.max(0, (focused ?? -1) + by))),
    reply: () => openField("[data-answer-body]"),
    status: () => openField("[data-answer-status]"),
    help: () => setHelpOpen((open) => !open),
  });
  // The next one within the current filters: the server's pick when it is on this page, else
  // the first row still waiting (answers of this visit excluded: the list may not have caught up).
  const waiting = useRef(waitingIds);
  waiting.current = waitingIds;
  const answeredIds = useRef(new Set<number>());
  const answered = useCallback((result: { id: number; nextId: number | null }) => {
    answeredIds.current.add(result.id);
    const candidates = waiting.current.filter((id) => !answeredIds.current.has(id));
    const nextId = result.nextId !== null && candidates.includes(result.nextId) ? result.nextId : (candidates[0] ?? null);
    setLastAnswered({ id: result.id, nextId });
    setExpandedId(nextId);
  }, []);
  return {
    expandedId,
    focused,
    helpOpen,
    lastAnswered,
    rowRefs,
    answered,
    toggleHelp: () => setHelpOpen((open) => !open),
    toggle: (id: number, index: number) => {
      setFocused(index);
      setExpandedId((current) => (current === id ? null : id));
    },
  };
}

export default function StaffQueue() {
  const { now: serverNow, targetMs, isAdmin, alerts, latestId, query, boards, tags, counts, queue, complaints } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatDuration = useFormatDuration();
  const now = useNow(serverNow);
  const arrived = useLiveQueue(latestId);
  const bulkResult = useActionData<typeof action>();
  const answering = useAnswering(
    queue.items.map((s) => s.id),
    queue.items.filter((s) => s.firstOfficialReplyAt === null).map((s) => s.id),
  );
  return (
    <>
      <div className="staff-queue-head">
        <h1>{t("staff.queue.title")}</h1>
        <a href="/notifications" className="staff-bell" data-testid="staff-bell" aria-label={t("staff.alerts.bell", { count: alerts })}>
          <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
            <path d="M13.73 21a2 2 0 0 1-3.46 0" />
          </svg>
          {alerts > 0 && <span className="bell-count">{alerts}</span>}
        </a>
      </div>
      <p className="meta">
        <span>{t("staff.queue.intro")}</span>
        <span>{t("staff.queue.target", { hours: Math.round(targetMs / HOUR_MS) })}</span>
        {isAdmin && <a href="/staff/settings">{t("staff.queue.settings")}</a>}
        <a href="/staff/moderation">{t("privileges.moderation.link")}</a>
        <a href="/staff/campaigns">{t("campaigns.staff.title")}</a>
        <a href="/staff/replies">{t("staff.replies.title")}</a>
        <button type="button" className="link" onClick={answering.toggleHelp}>
          {t("staff.keyboard.open")}
        </button>
      </p>
      <KeyboardHelp open={answering.helpOpen} onClose={answering.toggleHelp} />
      <div className="stats">
        <div>
          <strong data-testid="queue-unanswered">{counts.unanswered}</strong>
          {t("staff.queue.unanswered")}
        </div>
        <div>
          <strong data-testid="queue-over-target" className={counts.overTarget > 0 ? "clock-red" : undefined}>
            {counts.overTarget}
          </strong>
          {t("staff.queue.overTarget")}
        </div>
        <div>
          <strong>
            {counts.medianFirstResponseMs === null ? t("staff.queue.noAnswersYet") : formatDuration(counts.medianFirstResponseMs)}
          </strong>
          {t("staff.queue.medianFirstResponse")}
        </div>
      </div>

      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="queue-board">{t("staff.queue.board")}</label>
          <select id="queue-board" name="board" defaultValue={query.board}>
            <BoardOptions boards={boards} emptyLabel={t("staff.queue.allBoards")} />
          </select>
        </div>
        <StatusFilter id="queue-status" label={t("staff.queue.status")} allLabel={t("staff.queue.active")} value={query.status} />
        <TagFilter id="queue-tag" label={t("staff.queue.tag")} allLabel={t("staff.queue.allTags")} value={query.tag} tags={tags} />
        <button type="submit">{t("staff.queue.apply")}</button>
      </Form>

      <div role="status" aria-live="polite" className="meta" data-testid="queue-arrivals">
        {arrived.count > 0 && (
          <>
            <span>{t("staff.queue.newArrivals", { count: arrived.count })}</span>
            <ul className="inline-list">
              {arrived.latest.map((s) => (
                <li key={s.id}>
                  <a href={`/s/${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {queue.items.length > 0 && <BulkActions boards={boards} tags={tags} result={bulkResult} />}
      <div role="status" aria-live="polite" className="meta" data-testid="queue-answered">
        {answering.lastAnswered && t(answering.lastAnswered.nextId === null ? "staff.answer.doneAll" : "staff.answer.doneNext")}
      </div>
      {queue.items.length === 0 ? (
        <p className="empty">{t("staff.queue.empty")}</p>
      ) : (
        <ul className="suggestion-list staff-queue" data-testid="staff-queue">
          {queue.items.map((s, index) => {
            const answeredAt = s.firstOfficialReplyAt ? new Date(s.firstOfficialReplyAt).getTime() : null;
            const waitingMs = (answeredAt ?? now) - new Date(s.createdAt).getTime();
            const expanded = answering.expandedId === s.id;
            return (
              <li
                  key={s.id}
                  className={`suggestion-item${answering.focused === index ? " focused" : ""}`}
                  data-testid="queue-item"
                  data-id={s.id}
                  tabIndex={-1}
                  ref={(el) => answering.rowRefs.current.set(index, el)}
                >
                  <input
                    type="checkbox"
                    name="ids"
                    value={s.id}
                    form="bulk-form"
                    aria-label={t("staff.bulk.select", { title: s.title })}
                    data-testid="queue-select"
                  />
                  <QueueClock
                    clock={answeredAt === null ? clockState(waitingMs, targetMs) : "answered"}
                    label={t(answeredAt === null ? "staff.queue.waiting" : "staff.queue.answeredIn", {
                      duration: formatDuration(waitingMs),
                    })}
                  />
                  <div className="queue-item-body">
                    <h3>
                      <a href={`/s/${s.id}`}>{s.title}</a>
                    </h3>
                    <div className="meta">
                      <StatusBadge status={s.status} />
                      <a href={`/b/${s.boardSlug}`}>{localized(s.boardNameEn, s.boardNameZh)}</a>
                      <span>{t("staff.queue.by", { name: s.authorName })}</span>
                      <span>{t("suggestions.item.votes", { count: s.voteCount })}</span>
                      <span>{t("suggestions.item.comments", { count: s.commentCount })}</span>
                      {/* Without JavaScript the answer page; with it, the panel opens here. */}
                      <a
                        href={`/staff/answer/${s.id}`}
                        aria-expanded={expanded}
                        data-testid="queue-answer"
                        onClick={(event) => {
                          event.preventDefault();
                          answering.toggle(s.id, index);
                        }}
                      >
                        {expanded ? t("staff.answer.close") : t("staff.answer.open")}
                      </a>
                    </div>
                    {expanded && <QueueAnswer id={s.id} onAnswered={answering.answered} />}
                  </div>
                </li>
            );
          })}
        </ul>
      )}
      <Pagination page={queue.page} pages={queue.pages} />

      <section aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">{t("staff.complaints.heading")}</h2>
        <div className="stats">
          <div>
            <strong>{complaints.stats.open + complaints.stats.acknowledged}</strong>
            {t("staff.complaints.open")}
          </div>
          <div>
            <strong className={complaints.stats.overTarget > 0 ? "clock-red" : undefined}>{complaints.stats.overTarget}</strong>
            {t("staff.complaints.overTarget")}
          </div>
          <div>
            <strong>
              {complaints.stats.medianResolutionMs === null
                ? t("staff.queue.noAnswersYet")
                : formatDuration(complaints.stats.medianResolutionMs)}
            </strong>
            {t("staff.complaints.medianResolution")}
          </div>
        </div>
        {complaints.items.length === 0 ? (
          <p className="empty">{t("staff.complaints.empty")}</p>
        ) : (
          <ul className="suggestion-list staff-queue">
            {complaints.items.map((c) => {
              const waitingMs = now - new Date(c.createdAt).getTime();
              return (
                <li key={c.id} className="suggestion-item">
                  <QueueClock
                    clock={clockState(waitingMs, targetMs)}
                    label={t("staff.complaints.waiting", { duration: formatDuration(waitingMs) })}
                  />
                  <div>
                    <h3>
                      <a href={`/complaints/${c.id}`}>{c.title}</a>
                    </h3>
                    <div className="meta">
                      <ComplaintStatusBadge status={c.status} />
                      <span>{t("staff.complaints.filedBy", { name: c.filerName })}</span>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
