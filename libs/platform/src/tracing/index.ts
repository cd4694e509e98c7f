// A separate entry (`@tandem/platform/tracing`): it must load before the rest of the platform.
export * from './tracing';
