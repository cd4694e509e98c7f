// Runs TypeScript sources directly (API, worker, scripts) with SWC, keeping decorator metadata
// that NestJS and TypeORM read, and resolving the @tandem/* paths from tsconfig.base.json.
require('reflect-metadata');
require('ts-node').register({ swc: true, transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('tsconfig-paths').register({
  baseUrl: require('path').join(__dirname, '..'),
  paths: require('../tsconfig.base.json').compilerOptions.paths,
});
