// The share card's picture (1200×630, what Open Graph and Twitter show): plain data in,
// a tree of elements out, for satori to lay out. Satori knows flexbox only, so every box
// with more than one child says display: flex.
import type { SuggestionStatus } from "#db/enums";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type ShareCardData = {
  forum: string;
  board: string;
  title: string;
  status: SuggestionStatus;
  statusLabel: string;
  votesLabel: string;
  credit: string;
  // "Shipped in Sprout OS 5.2", on shipped suggestions that are part of a release.
  shippedIn: string | null;
};

// The same colours as the status badges on the site (app/styles/app.css).
const STATUS_COLORS: Record<SuggestionStatus, { ink: string; background: string }> = {
  open: { ink: "#4a5a64", background: "#eef1f3" },
  under_review: { ink: "#7a4fc0", background: "#f1ebfa" },
  planned: { ink: "#1f5fbf", background: "#e8eefb" },
  in_progress: { ink: "#b26a00", background: "#fbf1e0" },
  shipped: { ink: "#146236", background: "#e7f5ec" },
  declined: { ink: "#b3261e", background: "#fdecea" },
  duplicate: { ink: "#6b6b6b", background: "#f0f0f0" },
};

const TITLE_MAX_CHARS = 90;

// Long titles would overflow the card: cut at a character (Chinese has no spaces to cut at).
export function cardTitle(title: string): string {
  const characters = [...title.trim()];
  return characters.length <= TITLE_MAX_CHARS ? characters.join("") : `${characters.slice(0, TITLE_MAX_CHARS - 1).join("")}…`;
}

// Shorter titles get bigger type, so a three-word idea fills the card as well as a long one.
function titleSize(title: string): number {
  const length = [...title].length;
  return length <= 30 ? 68 : length <= 60 ? 56 : 46;
}

export function ShareCard({ data }: { data: ShareCardData }) {
  const colors = STATUS_COLORS[data.status];
  const title = cardTitle(data.title);
  return (
    <div
      style={{
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        // Satori sizes boxes without their padding and border unless told otherwise.
        boxSizing: "border-box",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 72px",
        background: "#f6f8f9",
        borderTop: "16px solid #1f8a4c",
        color: "#1d2327",
        fontFamily: "Noto Sans SC",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 30 }}>
        <div style={{ display: "flex", alignItems: "center", fontWeight: 700, color: "#146236" }}>
          <div
            style={{
              display: "flex",
              width: 52,
              height: 52,
              borderRadius: 26,
              background: "#1f8a4c",
              marginRight: 16,
              alignItems: "center",
              justifyContent: "center",
              color: "#ffffff",
            }}
          >
            {[...data.forum][0]}
          </div>
          {data.forum}
        </div>
        <div style={{ display: "flex", color: "#5d6b74" }}>{data.board}</div>
      </div>
      <div style={{ display: "flex", fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.25 }}>{title}</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", alignItems: "center", fontSize: 30 }}>
          <div
            style={{
              display: "flex",
              color: colors.ink,
              background: colors.background,
              border: `2px solid ${colors.ink}`,
              borderRadius: 999,
              padding: "4px 22px",
              fontWeight: 700,
              marginRight: 24,
            }}
          >
            {data.statusLabel}
          </div>
          <div style={{ display: "flex", fontWeight: 700, color: "#146236", marginRight: 24 }}>{data.votesLabel}</div>
          {data.shippedIn && <div style={{ display: "flex", color: "#146236" }}>{data.shippedIn}</div>}
        </div>
        <div style={{ display: "flex", marginTop: 20, fontSize: 28, color: "#5d6b74" }}>{data.credit}</div>
      </div>
    </div>
  );
}
