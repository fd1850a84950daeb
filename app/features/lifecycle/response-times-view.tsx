import { useTranslation } from "react-i18next";
import { responseTimes, roundDuration, type Clock } from "~/features/lifecycle/response-times";

// "3 h", "2 days" in the reader's language, rounded as response-times.roundDuration says.
export function useFormatDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const { unit, count } = roundDuration(ms);
    return t(`lifecycle.duration.${unit}`, { count });
  };
}

type Stamps = Parameters<typeof responseTimes>[0];

// "answered in 3 h · decided in 2 days": how fast the team moved on a suggestion.
export function ResponseTimes({ suggestion }: { suggestion: Stamps }) {
  const { t } = useTranslation();
  const format = useFormatDuration();
  const times = responseTimes(suggestion);
  const parts = [
    times.firstReplyMs !== null && t("lifecycle.times.answeredIn", { duration: format(times.firstReplyMs) }),
    times.firstDecisionMs !== null && t("lifecycle.times.decidedIn", { duration: format(times.firstDecisionMs) }),
    times.shipMs !== null && t("lifecycle.times.shippedIn", { duration: format(times.shipMs) }),
  ].filter((part): part is string => !!part);
  if (parts.length === 0) return null;
  return (
    <span className="response-times" data-testid="response-times">
      {parts.join(" · ")}
    </span>
  );
}

// A queue row's clock: how long it has waited, coloured against the response target.
export function QueueClock({ clock, label, title }: { clock: Clock | "answered"; label: string; title?: string }) {
  return (
    <span className={`queue-clock clock-${clock}`} data-clock={clock} title={title}>
      {label}
    </span>
  );
}
