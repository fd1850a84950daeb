// Picking (or pasting) up to four images for a post. The files travel in the form itself
// (multipart), so it works without JavaScript; with it, an image pasted anywhere in the form
// is added to the picker, and the picked files are listed by name.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { IMAGE_LIMITS } from "~/features/uploads/image-rules";

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

export function ImagePicker({ name = "images", errors }: { name?: string; errors?: string[] }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const id = `${name}-picker`;

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    function onPaste(event: ClipboardEvent) {
      const pasted = [...(event.clipboardData?.files ?? [])].filter((f) => ACCEPT.split(",").includes(f.type));
      if (!pasted.length || !input.current) return;
      event.preventDefault();
      const all = new DataTransfer();
      for (const file of [...(input.current.files ?? []), ...pasted].slice(0, IMAGE_LIMITS.perPost)) all.items.add(file);
      input.current.files = all.files;
      setPicked([...all.files].map((f) => f.name));
    }
    form.addEventListener("paste", onPaste);
    return () => form.removeEventListener("paste", onPaste);
  }, []);

  return (
    <div className="field image-picker">
      <label htmlFor={id}>{t("uploads.field")}</label>
      <input
        ref={input}
        id={id}
        type="file"
        name={name}
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        aria-invalid={errors?.length ? true : undefined}
        onChange={(event) => setPicked([...(event.currentTarget.files ?? [])].map((f) => f.name))}
      />
      <p className="hint" id={`${id}-hint`}>
        {t("uploads.hint", { count: IMAGE_LIMITS.perPost })}
      </p>
      {picked.length > 0 && (
        <ul className="hint picked-files" aria-live="polite">
          {picked.map((file, index) => (
            <li key={`${index}:${file}`}>{file}</li>
          ))}
        </ul>
      )}
      {errors?.length ? (
        <p className="field-error" role="alert">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
