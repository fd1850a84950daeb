import { useLocalized } from "~/i18n/use-localized";

// The options of a board <select>: a first empty choice (its label says what empty means:
// "choose a board", "all boards"), then every board by slug, named in the reader's language.
export function BoardOptions({ boards, emptyLabel }: { boards: { slug: string; nameEn: string; nameZh: string }[]; emptyLabel: string }) {
  const localized = useLocalized();
  return (
    <>
      <option value="">{emptyLabel}</option>
      {boards.map((b) => (
        <option key={b.slug} value={b.slug}>
          {localized(b.nameEn, b.nameZh)}
        </option>
      ))}
    </>
  );
}
