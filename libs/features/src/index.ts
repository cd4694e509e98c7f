export * from './feature-modules';
