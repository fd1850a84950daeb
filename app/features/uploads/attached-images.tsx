// Images attached to a post: thumbnails that open the full image, and for whoever may
// describe them (the uploader, staff) a field to edit each one's description (alt text).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type AttachedImage = { id: number; name: string; alt: string; width: number; height: number; uploaderId: number };

export function AttachedImages({ images, suggestionId, editorId, staff }: { images: AttachedImage[]; suggestionId: number; editorId: number | null; staff: boolean }) {
  const { t } = useTranslation();
  if (images.length === 0) return null;
  return (
    <ul className="attachment-list" data-testid="attachments">
      {images.map((image, index) => {
        const number = index + 1;
        const thumb = `/uploads/${image.name.replace(/\.webp$/, "-thumb.webp")}`;
        return (
          <li key={image.id}>
            <figure style={{ margin: 0 }}>
              <a href={`/uploads/${image.name}`} target="_blank" rel="noopener" aria-label={t("uploads.openFull", { number })}>
                <img src={thumb} alt={image.alt || t("uploads.imageOf", { number })} loading="lazy" width={160} height={120} />
              </a>
              {image.alt && <figcaption>{image.alt}</figcaption>}
            </figure>
            {(staff || image.uploaderId === editorId) && (
              <Form method="post" action={`/s/${suggestionId}`} className="attachment-alt">
                <input type="hidden" name="intent" value="alt" />
                <input type="hidden" name="attachmentId" value={image.id} />
                <input type="text" name="alt" defaultValue={image.alt} maxLength={200} aria-label={t("uploads.alt", { number })} />
                <button type="submit">{t("uploads.altSave")}</button>
              </Form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
