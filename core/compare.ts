/**
 * Orders strings by UTF-16 code units: the same order on every machine and in every language,
 * unlike localeCompare. For orders that must not depend on where the code runs (anonymised rows,
 * ties between equal scores, stored hashes).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
