// The honor-level privileges on a suggestion's page (/s/:id): what its loader shows a viewer
// and the intents its action handles. Each intent parses its form, checks the privilege on
// the server (app/features/honors/rules/privileges.ts) and calls one domain function; the route stays thin.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { Suggestion } from "#db/schema";
import { forbidden } from "~/features/accounts/auth.server";
import { findTagsBySlugs, listTags } from "~/features/boards/boards.server";
import { flagSuggestion, hasFlagged, pendingFlags, reviewFlags } from "~/features/suggestions/flags.server";
import { flagReviewSchema, flagSchema, mergeDecisionSchema, mergeProposalSchema, tagsSchema } from "~/features/honors/privilege-forms";
import { canMergeFrom, errorField } from "~/features/lifecycle/lifecycle";
import { decideMergeProposal, pendingMergeProposals, proposeMerge } from "~/features/lifecycle/merge-proposals.server";
import { isStaff } from "~/features/roles/permissions";
import { canEditOthersTitles, canFlag, canProposeMerge, canTagSuggestion } from "~/features/honors/rules/privileges";
import type { SessionUser } from "~/features/accounts/sessions.server";
import { setSuggestionTags } from "~/features/suggestions/suggestions.server";
import { votesLeftToday } from "~/features/votes/votes.server";

export const PRIVILEGE_INTENTS = ["tags", "flag", "review-flags", "propose-merge", "decide-merge"] as const;
export type PrivilegeForm = (typeof PRIVILEGE_INTENTS)[number];
export type PrivilegeResult = { form: PrivilegeForm; reply: SubmissionResult<string[]> };

const isPrivilegeIntent = (intent: unknown): intent is PrivilegeForm => PRIVILEGE_INTENTS.includes(intent as PrivilegeForm);

type PageSuggestion = Pick<Suggestion, "id" | "authorId" | "boardId" | "status" | "hiddenAt" | "createdAt">;

export function privilegesView(user: SessionUser | null, suggestion: PageSuggestion) {
  const own = !!user && user.id === suggestion.authorId;
  const canTag = canTagSuggestion(user, suggestion);
  const proposals = user && (isStaff(user) || canProposeMerge(user)) ? pendingMergeProposals(suggestion.id) : [];
  const votesLeft = user ? votesLeftToday(user) : 0;
  return {
    hidden: suggestion.hiddenAt !== null,
    canTag,
    allTags: canTag ? listTags(user, { boardId: suggestion.boardId }) : [],
    canFlag: !own && canFlag(user),
    flagged: !!user && hasFlagged(suggestion.id, user.id),
    // Staff merge directly with their own controls.
    canProposeMerge: !isStaff(user) && canProposeMerge(user) && canMergeFrom(suggestion.status),
    myProposals: proposals.filter((p) => p.proposer.username === user?.username),
    // Authors and staff edit everything (app/features/roles/permissions.ts); level 3 edits others' titles.
    canEditTitle: !own && canEditOthersTitles(user),
    votesLeft: Number.isFinite(votesLeft) ? votesLeft : null,
    moderation: isStaff(user) ? { flags: pendingFlags(suggestion.id), proposals } : null,
  };
}

const reply = (form: PrivilegeForm, result: SubmissionResult<string[]>) =>
  data({ vote: null, result: undefined, privilege: { form, reply: result } }, { status: 400 });

const notFound = () => new Response("Not found", { status: 404 });

// Handles the privilege intents; null for any other intent.
export function privilegeAction(intent: unknown, formData: FormData, user: SessionUser, suggestion: PageSuggestion & { boardSlug: string }) {
  if (!isPrivilegeIntent(intent)) return null;
  const id = suggestion.id;
  switch (intent) {
    case "tags": {
      if (!canTagSuggestion(user, suggestion)) throw forbidden();
      const submission = parseWithZod(formData, { schema: tagsSchema });
      if (submission.status !== "success") return reply(intent, submission.reply());
      const slugs = [...new Set(submission.value.tags)];
      const found = findTagsBySlugs(slugs, user, suggestion.boardId);
      if (found.length !== slugs.length) return reply(intent, submission.reply({ fieldErrors: { tags: ["forms.unknownTag"] } }));
      setSuggestionTags(id, found.map((t) => t.id));
      return redirect(`/s/${id}`);
    }
    case "flag": {
      if (!canFlag(user)) throw forbidden();
      const submission = parseWithZod(formData, { schema: flagSchema });
      if (submission.status !== "success") return reply(intent, submission.reply());
      const flagged = flagSuggestion({ suggestionId: id, flagger: user, reason: submission.value.reason });
      if (!flagged.ok) throw flagged.reason === "not_found" ? notFound() : forbidden();
      // A suggestion the flag hid is gone for the flagger too: back to its board.
      return redirect(flagged.hidden && !isStaff(user) ? `/b/${suggestion.boardSlug}` : `/s/${id}`);
    }
    case "review-flags": {
      if (!isStaff(user)) throw forbidden();
      const submission = parseWithZod(formData, { schema: flagReviewSchema });
      if (submission.status !== "success") return reply(intent, submission.reply());
      if (!reviewFlags({ suggestionId: id, decision: submission.value.decision }).ok) throw notFound();
      return redirect(`/s/${id}`);
    }
    case "propose-merge": {
      if (!canProposeMerge(user)) throw forbidden();
      const submission = parseWithZod(formData, { schema: mergeProposalSchema });
      if (submission.status !== "success") return reply(intent, submission.reply());
      const proposed = proposeMerge({ sourceId: id, targetId: submission.value.target, proposer: user });
      if (proposed.ok) return redirect(`/s/${id}#merge-proposal`);
      if (proposed.reason === "not_found") throw notFound();
      const error = proposed.reason === "target_not_found" ? "lifecycle.errors.targetNotFound" : proposed.error;
      return reply(intent, submission.reply({ fieldErrors: { target: [error] } }));
    }
    case "decide-merge": {
      if (!isStaff(user)) throw forbidden();
      const submission = parseWithZod(formData, { schema: mergeDecisionSchema });
      if (submission.status !== "success") return reply(intent, submission.reply());
      const { proposalId, decision, note } = submission.value;
      const decided = decideMergeProposal({ proposalId, actorId: user.id, accept: decision === "accept", note });
      if (decided.ok) return redirect(`/s/${id}`);
      if (decided.reason === "invalid") {
        const field = errorField(decided.error) === "note" ? "note" : "";
        return reply(intent, submission.reply(field ? { fieldErrors: { note: [decided.error] } } : { formErrors: [decided.error] }));
      }
      return reply(intent, submission.reply({ formErrors: ["privileges.errors.proposalGone"] }));
    }
  }
}
