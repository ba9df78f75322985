export * from './lever';
export * from './library';
export * from './suggest';
export * from './scoring';
export * from './amo';
