export * from './checklist';
export * from './policy';
export * from './built-in-policies';
export * from './ledger';
export * from './evaluate';
export * from './gaps';
export * from './reporting';
export * from './attendance-csv';
