import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";

type Person = { username: string; displayName: string };

// "with Ana, Bo and Chen": the people credited on a suggestion besides its author.
export function CoAuthors({ people }: { people: Person[] }) {
  const { i18n } = useTranslation();
  if (people.length === 0) return null;
  const list = new Intl.ListFormat(i18n.language === "zh" ? "zh-CN" : "en", { type: "conjunction" });
  let next = 0;
  const names = list.formatToParts(people.map((p) => p.displayName)).map((part, i) => {
    if (part.type === "literal") return part.value;
    const person = people[next++];
    return (
      <a key={i} href={`/u/${person.username}`}>
        {person.displayName}
      </a>
    );
  });
  return (
    <span data-testid="co-authors">
      <Trans i18nKey="lifecycle.coAuthors" components={[<span key="names">{names}</span>]} />
    </span>
  );
}
