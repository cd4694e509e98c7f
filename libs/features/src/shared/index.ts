export * from './access';
export * from './graphql-enums';
