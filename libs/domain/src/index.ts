export * from './errors';
export * from './academic-year';
