export * from './pupils.module';
export * from './pupils.service';
export * from './pupil.types';
export * from './pupil-import.service';
export * from './pupil-import.runner';
export * from './pupil-import.processor';
export { MAX_IMPORT_CSV_BYTES } from './pupil-import-rules';
export { PUPIL_IMPORT_PATH } from './pupil-import.controller';
