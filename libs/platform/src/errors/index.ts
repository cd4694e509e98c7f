export * from './error-category';
export * from './database-errors';
export * from './format-graphql-error';
export * from './json-error.filter';
export * from './quiet-graphql-exceptions.filter';
