/** Fluent-like colours; the gap colour turns red where the round's action threshold is reached. */
export const COLORS = {
  current: '#8A8886',
  desired: '#0F6CBD',
  gap: '#0F6CBD',
  gapActionNeeded: '#C4314B',
  grid: '#E1DFDD',
  /** The lever matrix: the adviser's own scores, the MT means, the quadrant borders, chosen levers. */
  adviser: '#0F6CBD',
  mt: '#CA5010',
  border: '#8A8886',
  notChosen: '#605E5C',
} as const;
