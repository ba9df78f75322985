import type { Lever, LeverInput, LeverUpdate } from '../../core/levers/lever';
import { LEVER_LIBRARY } from '../../core/levers/library';
import type { LeverStore } from './contract';
import type { MetaData } from './metaDocument';
import { checkCount, checkDataBytes, jsonBytes } from './limits';
import { builtInLeverById, checkLeverEditable, newLever } from './rules/levers';
import type { StoreContext } from './storeContext';

/** Ids of the built-in levers this organisation has retired. */
function retiredBuiltIns(data: Readonly<MetaData>, organisationId: string): Set<string> {
  return new Set(data.retiredBuiltInLevers[organisationId] ?? []);
}

/** A built-in lever as one organisation sees it: the shared text with its own retired flag. */
function builtInView(lever: Lever, retired: Set<string>): Lever {
  return { ...lever, retired: retired.has(lever.id) };
}

/** The built-in library with this organisation's retired flags, then its own levers. */
export function leversOf(data: Readonly<MetaData>, organisationId: string): Lever[] {
  const retired = retiredBuiltIns(data, organisationId);
  return [
    ...LEVER_LIBRARY.map((lever) => builtInView(lever, retired)),
    ...data.levers.filter((lever) => lever.organisationId === organisationId),
  ];
}

/** A lever this organisation may see; another organisation's own levers are as unknown as missing ones. */
export function findLever(data: Readonly<MetaData>, organisationId: string, leverId: string): Lever | undefined {
  const builtIn = builtInLeverById.get(leverId);
  if (builtIn) return builtInView(builtIn, retiredBuiltIns(data, organisationId));
  return data.levers.find((lever) => lever.id === leverId && lever.organisationId === organisationId);
}

/** Organisations' levers in the meta document: their own ones, and which built-in ones they retired. */
export class FileLeverStore implements LeverStore {
  constructor(private readonly ctx: StoreContext) {}

  async listLevers(organisationId: string): Promise<Lever[]> {
    return leversOf(this.ctx.meta.data, organisationId);
  }

  async getLever(organisationId: string, leverId: string): Promise<Lever | undefined> {
    return findLever(this.ctx.meta.data, organisationId, leverId);
  }

  async createLever(organisationId: string, input: LeverInput): Promise<Lever> {
    this.ctx.assertOpen();
    let bytes = 0;
    return this.ctx.meta.update(
      (draft) => {
        const own = draft.levers.filter((lever) => lever.organisationId === organisationId).length;
        checkCount(this.ctx.limits, 'leversPerOrganisation', own);
        // The id is chosen inside the queue, so two concurrent posts with one title get different ids.
        const taken = new Set(leversOf(draft, organisationId).map((lever) => lever.id));
        const lever = newLever(organisationId, input, taken);
        bytes = jsonBytes(lever);
        checkDataBytes(this.ctx.limits, this.ctx.organisationBytes(organisationId), bytes);
        draft.levers.push(lever);
        return lever;
      },
      () => this.ctx.addDataBytes(organisationId, bytes),
    );
  }

  async updateLever(organisationId: string, leverId: string, update: LeverUpdate): Promise<Lever | undefined> {
    this.ctx.assertOpen();
    checkLeverEditable(leverId);
    if (!findLever(this.ctx.meta.data, organisationId, leverId)) return undefined;
    let delta = 0;
    return this.ctx.meta.update(
      (draft) => {
        const stored = draft.levers.find((lever) => lever.id === leverId && lever.organisationId === organisationId);
        if (!stored) return undefined;
        const before = jsonBytes(stored);
        Object.assign(stored, structuredClone(update));
        delta = jsonBytes(stored) - before;
        // Throwing here leaves the committed document as it was: the draft is discarded.
        checkDataBytes(this.ctx.limits, this.ctx.organisationBytes(organisationId), delta);
        return stored;
      },
      () => this.ctx.addDataBytes(organisationId, delta),
    );
  }

  async setLeverRetired(organisationId: string, leverId: string, retired: boolean): Promise<Lever | undefined> {
    this.ctx.assertOpen();
    const known = findLever(this.ctx.meta.data, organisationId, leverId);
    if (!known) return undefined;
    if (known.retired === retired) return known;
    let delta = 0;
    return this.ctx.meta.update(
      (draft) => {
        if (known.builtIn) {
          const ids = retiredBuiltIns(draft, organisationId);
          if (retired) ids.add(leverId);
          else ids.delete(leverId);
          if (ids.size > 0) draft.retiredBuiltInLevers[organisationId] = [...ids].sort();
          else delete draft.retiredBuiltInLevers[organisationId];
        } else {
          const stored = draft.levers.find((lever) => lever.id === leverId && lever.organisationId === organisationId);
          // true and false have different lengths; the size count follows.
          if (stored && stored.retired !== retired) {
            stored.retired = retired;
            delta = retired ? -1 : 1; // "true" is one byte shorter than "false"
          }
        }
        return findLever(draft, organisationId, leverId);
      },
      () => this.ctx.addDataBytes(organisationId, delta),
    );
  }
}
