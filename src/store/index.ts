export * from './db';
export * from './hash';
export * from './repo';
export * from './io';
export { newId } from './ids';
