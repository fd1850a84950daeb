// Who is on duty: the staff who were active in the last day. When nobody was (a weekend),
// every staff member is, so an alert always reaches someone.
export function onDuty(staff: readonly number[], recentlyActive: readonly number[]): number[] {
  const active = staff.filter((id) => recentlyActive.includes(id));
  return active.length > 0 ? active : [...staff];
}
