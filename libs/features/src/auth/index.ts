export * from './auth.module';
export * from './auth.types';
export * from './session.service';
export * from './credentials';
export * from './login-throttle';
export { type AuthPayload, type Me, type TenantInfo, meOf, principalOfMembership } from './me';
export { invalidCredentials, ROLE_PRECEDENCE } from './auth-rules';
export * from './password.service';
