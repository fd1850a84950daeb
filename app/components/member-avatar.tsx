// A member's picture, or the first letter of their name when they have none.
export function MemberAvatar({ displayName, avatar, size = "large" }: { displayName: string; avatar: string | null; size?: "large" | "small" }) {
  const className = size === "small" ? "avatar avatar-small" : "avatar";
  if (avatar) return <img className={`${className} avatar-image`} src={`/uploads/${avatar}`} alt="" width={size === "small" ? 28 : 56} height={size === "small" ? 28 : 56} />;
  return (
    <div className={className} aria-hidden="true">
      {displayName.slice(0, 1).toUpperCase()}
    </div>
  );
}
