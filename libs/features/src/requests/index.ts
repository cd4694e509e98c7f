export * from './requests.module';
export * from './requests.service';
export * from './request.types';
