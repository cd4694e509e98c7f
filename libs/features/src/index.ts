export * from './feature-modules';
export * from './notifications';
