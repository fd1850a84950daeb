import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { LevelTag, requirementsOf, useRequirementWords } from "~/features/honors/honors-view";
import { DEMOTION_GRACE_DAYS, HONOR_LEVELS, HONOR_POINT_WEIGHTS, type PointSource } from "~/features/honors/rules/levels";
import { titleMeta } from "~/i18n/meta";
import { dailyVoteBudgetForLevel, PRIVILEGES, privilegeKeys } from "~/features/honors/rules/privileges";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "honorWall.levels.title");

// Everything here comes from the pure modules (app/features/honors/rules/levels.ts, app/features/honors/rules/privileges.ts), so
// the page cannot drift from the rules the server applies.
export default function HonorLevelsHelp() {
  const { t } = useTranslation();
  const words = useRequirementWords();
  return (
    <>
      <h1>{t("honorWall.levels.title")}</h1>
      <p>{t("honorWall.levels.intro")}</p>

      <section aria-labelledby="points-heading">
        <h2 id="points-heading">{t("honorWall.levels.pointsHeading")}</h2>
        <ul>
          {(Object.entries(HONOR_POINT_WEIGHTS) as [PointSource, number][]).map(([source, weight]) => (
            <li key={source}>{t(`honorWall.levels.weights.${source}`, { count: weight })}</li>
          ))}
        </ul>
        <p className="meta">{t("honorWall.levels.antiGaming")}</p>
      </section>

      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading">{t("honorWall.levels.levelsHeading")}</h2>
        <table className="honor-levels">
          <thead>
            <tr>
              <th scope="col">{t("honorWall.levels.level")}</th>
              <th scope="col">{t("honorWall.levels.needs")}</th>
              <th scope="col">{t("honorWall.levels.dailyVotes")}</th>
              <th scope="col">{t("honorWall.levels.privileges")}</th>
            </tr>
          </thead>
          <tbody>
            {HONOR_LEVELS.map(({ level, requires }) => {
              const budget = dailyVoteBudgetForLevel(level);
              const unlocked = PRIVILEGES.filter((p) => p.minLevel === level);
              const needs = requirementsOf(requires);
              return (
                <tr key={level} id={`level-${level}`}>
                  <th scope="row">
                    <LevelTag level={level} />
                  </th>
                  <td>{needs.length ? words(needs, "requires") : t("honorWall.levels.nothingNeeded")}</td>
                  <td>{Number.isFinite(budget) ? t("privileges.budget", { count: budget }) : t("privileges.unlimited")}</td>
                  <td>
                    {unlocked.length > 0 && (
                      <ul>
                        {unlocked.map((p) => (
                          <li key={p.id}>
                            <strong>{t(privilegeKeys(p.id).name)}</strong>: {t(privilegeKeys(p.id).description)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="meta">{t("honorWall.levels.demotion", { days: DEMOTION_GRACE_DAYS })}</p>
      </section>
    </>
  );
}
