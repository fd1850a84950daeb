import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// When every form checks its fields: errors appear when the form is sent and clear while the
// field is typed in, never on blur. An error that appears or clears on blur moves the submit
// button between the mouse going down and up on it, and that first click is lost.
export const steadyValidation = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

// A labelled field with its hint and its error (an i18n key from the shared zod schema).
// The ids are conform's, so getInputProps(..., { ariaDescribedBy: field.descriptionId })
// ties the input to both for screen readers.
export function Field({
  field,
  label,
  hint,
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  field: FieldMetadata<any>;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={field.descriptionId}>
          {hint}
        </p>
      )}
      {field.errors?.length ? (
        <p className="field-error" id={field.errorId} role="alert">
          {field.errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

// Errors that belong to the whole form (wrong password, locked account).
export function FormError({ errors, values }: { errors?: string[]; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p className="form-error" role="alert">
      {errors.map((e) => t(e, values)).join(" ")}
    </p>
  );
}
