/** Fluent-like colours; the gap colour turns red where the round's action threshold is reached. */
export const COLORS = {
  current: '#8A8886',
  desired: '#0F6CBD',
  gap: '#0F6CBD',
  gapActionNeeded: '#C4314B',
  grid: '#E1DFDD',
} as const;
