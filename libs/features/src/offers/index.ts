export * from './offers.module';
export * from './offers.service';
export * from './offer.types';
