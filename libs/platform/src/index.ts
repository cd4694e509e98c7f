export * from './config';
export * from './errors';
export * from './logging';
export * from './auth';
export * from './graphql';
export * from './mail';
export * from './queue';
export * from './database';
