export * from './db';
export * from './hash';
export * from './repo';
export * from './io';
export * from './sweeps';
export * from './merge';
export { newId } from './ids';
