export * from './feature-modules';
export * from './notifications';
export * from './demo';
