// How honors look wherever they appear: a level with its name, a badge with its tier, and the
// way to the next level in words. Names come from the pure modules, in the reader's language.
import { useTranslation } from "react-i18next";
import type { BadgeTier } from "~/features/honors/rules/badges";
import { HONOR_LEVELS, RECENT_WINDOW_DAYS, type RequirementKind, type Shortfall } from "~/features/honors/rules/levels";
import { useLocalized } from "~/i18n/use-localized";

export function useLevelName() {
  const localized = useLocalized();
  return (level: number) => {
    const definition = HONOR_LEVELS[Math.min(Math.max(0, level), HONOR_LEVELS.length - 1)];
    return localized(definition.name.en, definition.name.zh);
  };
}

export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  return <span className={`honor-level honor-level-${level}`}>{t("honorWall.level", { level, name: levelName(level) })}</span>;
}

export function BadgeChip({ tier, name, title }: { tier: BadgeTier; name: { en: string; zh: string }; title?: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <span className={`badge-chip tier-${tier}`} title={title ?? t(`badges.tiers.${tier}`)}>
      <span aria-hidden="true">●</span> {localized(name.en, name.zh)}
    </span>
  );
}

// "2 more shipped suggestions and 40 more points" (key group "more" or "requires").
export function useRequirementWords() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language === "zh" ? "zh-CN" : "en", { type: "conjunction" });
  return (requirements: readonly Shortfall[], group: "more" | "requires") =>
    list.format(requirements.map(({ kind, count }) => t(`honorWall.${group}.${kind}`, { count, days: RECENT_WINDOW_DAYS })));
}

export const requirementsOf = (requires: Partial<Record<RequirementKind, number>>): Shortfall[] =>
  (Object.entries(requires) as [RequirementKind, number][]).map(([kind, count]) => ({ kind, count }));

export function NextLevelProgress({ progress }: { progress: { level: number; missing: Shortfall[] } | null }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const words = useRequirementWords();
  if (!progress) return <p className="honor-progress">{t("honorWall.profile.topLevel")}</p>;
  const level = levelName(progress.level);
  return (
    <p className="honor-progress" data-testid="honor-progress">
      {progress.missing.length === 0
        ? t("honorWall.profile.progressRequirementsMet", { level })
        : t("honorWall.profile.progress", { missing: words(progress.missing, "more"), level })}
    </p>
  );
}
