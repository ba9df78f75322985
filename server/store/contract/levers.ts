import type { Lever, LeverInput, LeverUpdate } from '../../../core/levers/lever';

/** The built-in lever library as each organisation sees it, plus its own levers. */
export interface LeverStore {
  /** The built-in levers (with this organisation's retired flags) followed by its own levers. */
  listLevers(organisationId: string): Promise<Lever[]>;
  getLever(organisationId: string, leverId: string): Promise<Lever | undefined>;
  /** Adds an own lever; its id is a slug of the Dutch title, unique within the organisation. */
  createLever(organisationId: string, input: LeverInput): Promise<Lever>;
  /**
   * Changes an own lever. Undefined for ids the organisation does not know; rejects with
   * StoreError 'builtInLeverReadOnly' for a built-in lever.
   */
  updateLever(organisationId: string, leverId: string, update: LeverUpdate): Promise<Lever | undefined>;
  /** Retires (or restores) an own lever, or a built-in lever for this organisation only. */
  setLeverRetired(organisationId: string, leverId: string, retired: boolean): Promise<Lever | undefined>;
}
