export * from './units';
export * from './label';
export * from './dataset';
export * from './scenario';
export * from './validation';
