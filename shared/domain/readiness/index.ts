export * from './evaluate';
export * from './facts';
export * from './finding';
export * from './status-line';
export { operatingBy } from './rules-controls';
export * from './compare';
export * from './groups';
export * from './categories';
