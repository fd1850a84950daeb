import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// Follow a suggestion without voting, or stop hearing about it. With JavaScript it toggles in
// place; without, the form posts and the page comes back with the new state.
export function FollowButton({ suggestionId, following }: { suggestionId: number; following: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ follow?: { following: boolean } }>({ key: `follow-${suggestionId}` });
  const pending = fetcher.formData?.get("following");
  const now = pending ? pending === "true" : (fetcher.data?.follow?.following ?? following);
  return (
    <fetcher.Form method="post" action={`/s/${suggestionId}`} className="inline-form follow-form">
      <input type="hidden" name="intent" value="follow" />
      <input type="hidden" name="following" value={String(!now)} />
      <button type="submit" className="link" aria-pressed={now} title={t("suggestions.follow.hint")}>
        {now ? t("suggestions.follow.following") : t("suggestions.follow.follow")}
      </button>
    </fetcher.Form>
  );
}
