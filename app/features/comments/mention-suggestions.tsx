import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { mentionAtCaret } from "~/platform/mentions";

type Member = { username: string; displayName: string };

// Typing "@" and a few letters in the comment box offers matching usernames
// (routes/members.mentions.ts); arrows choose, Enter or Tab inserts, Escape closes. Without
// JavaScript nothing is shown and "@username" typed by hand works the same.
export function MentionSuggestions({ textareaId }: { textareaId: string }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[]>([]);
  const [active, setActive] = useState(0);
  const state = useRef({ members, active, start: 0, query: "", request: 0 });
  state.current.members = members;
  state.current.active = active;
  const listId = `${textareaId}-mentions`;

  useEffect(() => {
    const box = document.getElementById(textareaId);
    if (!(box instanceof HTMLTextAreaElement)) return;
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", listId);
    const close = () => {
      setMembers([]);
      box.removeAttribute("aria-activedescendant");
    };
    const lookUp = () => {
      const at = mentionAtCaret(box.value, box.selectionStart);
      if (!at || at.query.length === 0) return close();
      state.current.start = at.start;
      state.current.query = at.query;
      const request = ++state.current.request;
      fetch(`/members/mentions?q=${encodeURIComponent(at.query)}`, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ members: Member[] }>) : { members: [] }))
        .then((body) => {
          // Only the answer to the latest keystroke counts.
          if (request !== state.current.request) return;
          setMembers(body.members);
          setActive(0);
        })
        .catch(() => close());
    };
    const onKey = (event: KeyboardEvent) => {
      const { members: shown, active: current } = state.current;
      if (shown.length === 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const next = (current + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
        setActive(next);
        box.setAttribute("aria-activedescendant", `${listId}-${next}`);
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        insert(box, shown[current].username);
        close();
      } else if (event.key === "Escape") {
        close();
      }
    };
    const onBlur = () => close();
    box.addEventListener("input", lookUp);
    box.addEventListener("keydown", onKey);
    box.addEventListener("blur", onBlur);
    return () => {
      box.removeEventListener("input", lookUp);
      box.removeEventListener("keydown", onKey);
      box.removeEventListener("blur", onBlur);
    };
  }, [textareaId, listId]);

  const insert = (box: HTMLTextAreaElement, username: string) => {
    const { start, query } = state.current;
    const end = start + 1 + query.length;
    box.setRangeText(`@${username} `, start, end, "end");
    box.focus();
  };

  if (members.length === 0) return <ul id={listId} role="listbox" hidden aria-label={t("suggestions.mentions.label")} />;
  return (
    <ul id={listId} role="listbox" className="mention-suggestions" aria-label={t("suggestions.mentions.label")}>
      {members.map((m, i) => (
        <li
          key={m.username}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(event) => {
            // Before the textarea's blur closes the list.
            event.preventDefault();
            const box = document.getElementById(textareaId);
            if (box instanceof HTMLTextAreaElement) insert(box, m.username);
            setMembers([]);
          }}
        >
          <strong>@{m.username}</strong> <span>{m.displayName}</span>
        </li>
      ))}
    </ul>
  );
}
