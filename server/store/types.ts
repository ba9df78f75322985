/** The store contract's types, under the name older imports use. New code imports from './contract'. */
export * from './contract/index';
