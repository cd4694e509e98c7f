export * from './app-config';
export * from './config.module';
export * from './key-ring';
export * from './secrets';
