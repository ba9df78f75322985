/**
 * Counters of what the store did to the disk. Benchmarks and tests read them to check group commit
 * and durability without mocking the file system; operators can log them.
 */
export interface StoreStats {
  /** Group-commit flushes of response logs; each covers one or more submissions. */
  flushes: number;
  /** fsync and fdatasync calls on files and directories. */
  fsyncs: number;
  /** Submissions made durable (excludes 'repeated'). */
  committedResponses: number;
  /** Atomic rewrites of koers.json. */
  metaWrites: number;
  /** What the last open repaired in the response logs. */
  recovery: RecoveryReport;
}

export interface RecoveryReport {
  /** Incomplete last lines cut off (a crash in the middle of a write). */
  tornLines: number;
  /** Complete lines cut off because their partner line in the other file of the round was missing. */
  unacknowledgedLines: number;
  /** One sentence per repair, naming the file; main.ts prints them at start-up. */
  repairs: string[];
}

export function createStats(): StoreStats {
  return {
    flushes: 0,
    fsyncs: 0,
    committedResponses: 0,
    metaWrites: 0,
    recovery: { tornLines: 0, unacknowledgedLines: 0, repairs: [] },
  };
}

export function copyStats(stats: StoreStats): StoreStats {
  return { ...stats, recovery: { ...stats.recovery, repairs: [...stats.recovery.repairs] } };
}
